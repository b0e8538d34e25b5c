public import BroadsheetCore
public import BroadsheetExtraction
import Foundation

/// A quotation placed in the corpus: its stable id, its document and its speaker's global entity id.
public struct QuoteRecord: Sendable {
    /// `<documentId>-q<n>`, n counting the document's quotes from 1.
    public let id: String
    public let documentId: String
    public let quote: Quote
    /// The speaker's entity id in ``CorpusSnapshot/entities``, if the speaker is a named entity.
    public let speakerId: String?
    /// The id of the quote this piece continues (a quote running over several paragraphs).
    public let continuesId: String?
    /// Folded words of the text, for the `q` filter.
    public let words: [String]
    /// Where the quote stands in the corpus: its document's served rank, then its position there.
    let rank: DocumentRank
    let position: Int

    /// Corpus order: documents in served order, each document's quotes in text order.
    public static func corpusOrder(_ a: QuoteRecord, _ b: QuoteRecord) -> Bool { (a.rank, a.position) < (b.rank, b.position) }

    public static func records(of quotes: [Quote], in document: Document, catalog: EntityCatalog) -> [QuoteRecord] {
        let ids = quotes.indices.map { "\(document.id)-q\($0 + 1)" }
        let rank = DocumentRank.served(document)
        return quotes.enumerated().map { index, quote in
            QuoteRecord(
                id: ids[index], documentId: document.id, quote: quote,
                speakerId: quote.speaker.flatMap { catalog.globalId(documentId: document.id, key: $0) },
                continuesId: quote.continues.flatMap { ids.indices.contains($0) ? ids[$0] : nil },
                words: TextMatch.words(quote.text), rank: rank, position: index)
        }
    }

    /// Whether every word of the folded query is a prefix of a word of the quote.
    public func matches(_ query: [String]) -> Bool { TextMatch.matches(query, words) }
}

/// Case-, accent- and punctuation-insensitive word-prefix matching, for simple `q` filters.
public enum TextMatch {
    /// Lower-cased, accent-free words (runs of letters and digits).
    public static func words(_ text: String) -> [String] {
        if let ascii = asciiWords(text) { return ascii }
        return text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }

    /// ``words(_:)`` for ASCII text, byte by byte (most quotes; every snapshot computes them all),
    /// or `nil` when the text is not ASCII.
    static func asciiWords(_ text: String) -> [String]? {
        var text = text
        return text.withUTF8 { bytes -> [String]? in
            var words: [String] = []
            var word: [UInt8] = []
            for byte in bytes {
                guard byte < 0x80 else { return nil }
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): word.append(byte)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): word.append(byte | 0x20)
                default:
                    if !word.isEmpty {
                        words.append(String(decoding: word, as: UTF8.self))
                        word.removeAll(keepingCapacity: true)
                    }
                }
            }
            if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)) }
            return words
        }
    }

    /// Every query word is a prefix of some word of `words`.
    public static func matches(_ query: [String], _ words: [String]) -> Bool {
        query.allSatisfy { q in words.contains { $0.hasPrefix(q) } }
    }
}
