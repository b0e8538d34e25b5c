public import BroadsheetCore
public import BroadsheetExtraction
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A quotation placed in the corpus: its stable id, its document and its speaker's global entity id.
///
/// A class: the corpus lists (all quotes, by speaker, by document, by kind) share one record, and a
/// scan over them copies a reference, not every field.
public final class QuoteRecord: Sendable {
    /// `<documentId>-q<n>`, n counting the document's quotes from 1.
    public let id: String
    public let documentId: String
    public let quote: Quote
    /// The speaker's entity id in ``CorpusSnapshot/entities``, if the speaker is a named entity.
    public let speakerId: String?
    /// The id of the quote this piece continues (a quote running over several paragraphs).
    public let continuesId: String?
    /// Folded words of the text, for the `q` filter (see ``TextMatch/FoldedText``).
    public let words: TextMatch.FoldedText
    /// Where the quote stands in the corpus: its document's served rank, then its position there.
    let rank: DocumentRank
    let position: Int

    init(
        id: String, documentId: String, quote: Quote, speakerId: String?, continuesId: String?, words: TextMatch.FoldedText,
        rank: DocumentRank, position: Int
    ) {
        self.id = id
        self.documentId = documentId
        self.quote = quote
        self.speakerId = speakerId
        self.continuesId = continuesId
        self.words = words
        self.rank = rank
        self.position = position
    }

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
                words: TextMatch.FoldedText(TextMatch.words(quote.text)), rank: rank, position: index)
        }
    }

    /// Whether every word of the folded query is a prefix of a word of the quote.
    public func matches(_ query: TextMatch.Query) -> Bool { words.matches(query) }
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

    /// Folded words as one NUL-terminated run of UTF-8 bytes, each word preceded by a space
    /// (`" w1 w2 w3"`), so that "a word starts with q" is a byte search for `" q"`: one `strstr` per
    /// query word instead of a string comparison per word, and one allocation per text instead of one
    /// per word. (Folded words hold only letters and digits, never a NUL.)
    ///
    /// A signature of the words' first two and first three bytes rules most texts out before any
    /// byte search (as a Bloom filter would: never a false "no").
    public struct FoldedText: Sendable {
        let bytes: [CChar]
        public let signature: PrefixSignature

        public init(_ words: [String]) {
            var bytes: [CChar] = []
            var signature = PrefixSignature()
            bytes.reserveCapacity(words.reduce(1) { $0 + $1.utf8.count + 1 })
            for word in words {
                bytes.append(0x20)
                bytes.append(contentsOf: word.utf8.lazy.map { CChar(bitPattern: $0) })
                signature.add(word)
            }
            bytes.append(0)
            self.bytes = bytes
            self.signature = signature
        }

        /// Whether every word of the query starts some word of the text (a prefix of some word).
        public func matches(_ query: Query) -> Bool {
            guard signature.contains(query.signature) else { return false }
            return matchesBytes(query)
        }

        /// The byte search alone, for a caller that checked the signature already.
        func matchesBytes(_ query: Query) -> Bool {
            bytes.withUnsafeBufferPointer { text in
                query.needles.allSatisfy { needle in
                    needle.withUnsafeBufferPointer { strstr(text.baseAddress!, $0.baseAddress!) != nil }
                }
            }
        }
    }

    /// A folded `q` filter prepared for ``FoldedText/matches(_:)``: each word as the NUL-terminated
    /// bytes `" word"`, longest first (likely the rarest, so most texts fail on the first search).
    public struct Query: Sendable {
        let needles: [[CChar]]
        let signature: PrefixSignature

        public init(_ text: String) {
            let words = TextMatch.words(text)
            needles = words.map { " \($0)".utf8CString.map { $0 } }.sorted { $0.count > $1.count }
            signature = words.reduce(into: PrefixSignature()) { $0.add($1) }
        }
    }

    /// Bits for the first two, three and four bytes of words (a word shorter than that sets none): a
    /// text whose signature lacks a bit of a query's cannot hold a word that the query word starts.
    /// (64 bits for the few two-byte prefixes, 128 for each longer kind: a quote of forty words
    /// leaves a few percent of others through.)
    public struct PrefixSignature: Sendable {
        var two: UInt64 = 0
        var three: (UInt64, UInt64) = (0, 0)
        var four: (UInt64, UInt64) = (0, 0)

        mutating func add(_ word: String) {
            var utf8 = word.utf8.makeIterator()
            guard let a = utf8.next(), let b = utf8.next() else { return }
            var prefix = UInt64(a) << 8 | UInt64(b)
            two |= Self.bit(prefix)
            guard let c = utf8.next() else { return }
            prefix = prefix << 8 | UInt64(c)
            Self.set(&three, prefix)
            guard let d = utf8.next() else { return }
            Self.set(&four, prefix << 8 | UInt64(d))
        }

        /// Whether every bit of `other` is set here.
        func contains(_ other: PrefixSignature) -> Bool {
            two & other.two == other.two && three.0 & other.three.0 == other.three.0 && three.1 & other.three.1 == other.three.1
                && four.0 & other.four.0 == other.four.0 && four.1 & other.four.1 == other.four.1
        }

        /// Sets one of 128 bits, by a multiplicative hash of the prefix bytes.
        private static func set(_ bits: inout (UInt64, UInt64), _ prefix: UInt64) {
            let hash = (prefix &* 0x9E37_79B9_7F4A_7C15) >> 57
            if hash < 64 { bits.0 |= 1 << hash } else { bits.1 |= 1 << (hash - 64) }
        }

        /// One of 64 bits, by a multiplicative hash of the prefix bytes.
        private static func bit(_ prefix: UInt64) -> UInt64 { 1 << ((prefix &* 0x9E37_79B9_7F4A_7C15) >> 58) }
    }
}
