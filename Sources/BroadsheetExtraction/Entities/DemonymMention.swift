public import BroadsheetCore

/// A nationality or demonym ("Russian", "Ukrainians"): not an entity of its own, but linked to its place.
public struct DemonymMention: Sendable, Hashable, Codable {
    public var text: String
    public var span: TextSpan
    public var sentence: Int
    /// The canonical name of the place ("Russia").
    public var place: String
    /// The key of that place in ``DocumentEntities/entities`` when the document also names the place.
    public var placeKey: Int?

    public init(text: String, span: TextSpan, sentence: Int, place: String, placeKey: Int? = nil) {
        self.text = text
        self.span = span
        self.sentence = sentence
        self.place = place
        self.placeKey = placeKey
    }
}
