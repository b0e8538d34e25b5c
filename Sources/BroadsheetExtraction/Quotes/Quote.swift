public import BroadsheetCore

/// What a quotation is: speech, a fragment of speech, or a quoted name.
public enum QuoteKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A full quoted utterance: `“We keep on knocking at the door,” he said.`
    case direct
    /// A quoted fragment inside the writer's own sentence: `leaders have “talked a lot of trash” about …`.
    case partial
    /// Scare quotes, nicknames and titles: `an island known as the “Billionaire Bunker”`. Not speech; never has a speaker.
    case term
}

/// One quotation in a document, with its attribution.
///
/// A quotation that news style continues across paragraphs (a paragraph ends without a closing mark
/// and the next paragraph reopens) is reported as **one ``Quote`` per paragraph piece**: every piece
/// after the first has ``continues`` set to the index (in the array returned by
/// ``QuoteExtractor/extract(_:entities:)``) of the piece it continues, and all pieces share one
/// attribution. This keeps every quote inside one paragraph, so `paragraph`, `start` and `end` stay exact.
///
/// Quotations in the headline are not reported: it is not part of ``Document/text``, and quotes carry
/// offsets into the text. The dek is the text's first paragraph, so its quotations are reported. Question-and-answer transcripts give one direct quote per turn
/// (its span is the turn's text after the label; no marks), with `cue` `"interview"`.
public struct Quote: Sendable, Hashable, Codable {
    /// UTF-16 span in ``Document/text`` including the quotation marks (a piece that continues in the
    /// next paragraph has no closing mark, so its span ends at the end of its text).
    public var span: TextSpan
    /// UTF-16 span of ``text``: the quotation without its outer marks and surrounding spaces.
    public var textSpan: TextSpan
    /// The quoted words, without the outer marks (nested marks such as `‘Art of the Deal’` stay in).
    public var text: String
    public var kind: QuoteKind
    /// Key (``DocumentEntity/key``) of the speaking person or organisation in the ``DocumentEntities``
    /// passed to the extractor; `nil` for terms, anonymous sources and unresolved speakers.
    public var speaker: Int?
    /// The speaker as written: `"he"`, `"Witkoff"`, `"one of these people"`, `"an administration official"`;
    /// the label of a transcript turn (`"Q"`, `"A"`, `"Smith"`). A quotation that continues the previous
    /// speaker (same paragraph, next paragraph, or continued piece) inherits its `speakerText`, `speakerSpan`
    /// and `cue`. `nil` for terms and unattributed quotations.
    public var speakerText: String?
    /// UTF-16 span of ``speakerText`` where it is written (for an inherited attribution: where the
    /// original attribution is written).
    public var speakerSpan: TextSpan?
    /// The attribution cue, lowercased: `"said"`, `"told"`, `"according to"`, `"wrote"`,
    /// `"offered a pithy summary"`; `"interview"` for question-and-answer transcripts.
    public var cue: String?
    /// Index into ``Document/paragraphs``.
    public var paragraph: Int
    /// Index into ``Document/sentences`` of the sentence where the quote starts.
    public var sentence: Int
    /// For a piece of a quotation continued across paragraphs: the index of the previous piece in
    /// the returned array; `nil` otherwise.
    public var continues: Int?

    public init(
        span: TextSpan, textSpan: TextSpan, text: String, kind: QuoteKind, speaker: Int? = nil,
        speakerText: String? = nil, speakerSpan: TextSpan? = nil, cue: String? = nil,
        paragraph: Int, sentence: Int, continues: Int? = nil
    ) {
        self.span = span
        self.textSpan = textSpan
        self.text = text
        self.kind = kind
        self.speaker = speaker
        self.speakerText = speakerText
        self.speakerSpan = speakerSpan
        self.cue = cue
        self.paragraph = paragraph
        self.sentence = sentence
        self.continues = continues
    }
}
