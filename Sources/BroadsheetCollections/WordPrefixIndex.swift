/// Keys by the words they hold, to find every key with a word that starts with a prefix: a sorted
/// list of (word, key) pairs, so a prefix is one binary search and a run of the list, and a changed
/// copy shares what the change leaves alone (see ``ChunkedList``).
///
/// ```swift
/// var index = WordPrefixIndex()
/// index.insert(key: "ada-okafor", words: ["ada", "okafor"])
/// index.keys(withWordPrefix: "oka")   // ["ada-okafor"]
/// ```
public struct WordPrefixIndex: Sendable {
    @usableFromInline struct Entry: Sendable {
        @usableFromInline let word: String
        @usableFromInline let key: String

        @usableFromInline init(word: String, key: String) {
            self.word = word
            self.key = key
        }

        @usableFromInline static func order(_ a: Entry, _ b: Entry) -> Bool { (a.word, a.key) < (b.word, b.key) }
    }

    @usableFromInline var entries = ChunkedList<Entry>()

    public init() {}

    /// How many (word, key) pairs the index holds.
    public var count: Int { entries.count }

    /// Adds `key` under each of `words` (a word given twice is kept once).
    public mutating func insert(key: String, words: some Sequence<String>) {
        let added = Set(words).map { Entry(word: $0, key: key) }.sorted(by: Entry.order)
        if entries.isEmpty {
            entries = ChunkedList(added)
        } else {
            for entry in added { entries.insert(entry, by: Entry.order) }
        }
    }

    /// Adds many keys at once (faster into an empty index).
    public mutating func insert(_ pairs: [(key: String, words: [String])]) {
        if entries.isEmpty {
            var all: [Entry] = []
            for (key, words) in pairs { all += Set(words).map { Entry(word: $0, key: key) } }
            entries = ChunkedList(all.sorted(by: Entry.order))
        } else {
            for (key, words) in pairs { insert(key: key, words: words) }
        }
    }

    /// Removes `key` from under each of `words` (those it was inserted with).
    public mutating func remove(key: String, words: some Sequence<String>) {
        for word in Set(words) {
            entries.remove(Entry(word: word, key: key), by: Entry.order, where: { $0.key == key && $0.word == word })
        }
    }

    /// Every key with a word that starts with `prefix`.
    public func keys(withWordPrefix prefix: String) -> Set<String> {
        var keys = Set<String>()
        var i = entries.partitionPoint(where: { $0.word >= prefix })
        while i < entries.count, entries[i].word.hasPrefix(prefix) {
            keys.insert(entries[i].key)
            i += 1
        }
        return keys
    }
}
