import BroadsheetCollections
import Testing

@Suite struct ChunkedListTests {
    /// Thousands of sorted inserts and removals, checked against a plain array after each step.
    @Test func sortedInsertsAndRemovalsMatchAnArray() {
        var seed: UInt64 = 7
        func next() -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: seed >> 33)
        }
        var list = ChunkedList<Int>((0..<1500).map { $0 * 2 })
        var array = (0..<1500).map { $0 * 2 }
        for step in 0..<2000 {
            if next() % 3 == 0, !array.isEmpty {
                let value = array[next() % array.count]
                let removed = list.remove(value, by: <, where: { $0 == value })
                #expect(removed)
                array.remove(at: array.firstIndex(of: value)!)
            } else {
                let value = next() % 5000
                list.insert(value, by: <)
                array.insert(value, at: array.firstIndex { $0 > value } ?? array.count)
            }
            if step % 500 == 0 { #expect(Array(list) == array) }
        }
        #expect(Array(list) == array)
        #expect(list.count == array.count)
        var walked: [Int] = []
        list.forEachElement { walked.append($0) }
        #expect(walked == array)
    }

    /// A second list kept in step by the positions that sorted inserts and removals report.
    @Test func positionsKeepASiblingListInStep() {
        var list = ChunkedList<Int>()
        var sibling = ChunkedList<String>()
        var seed: UInt64 = 11
        for _ in 0..<3_000 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            let value = Int(truncatingIfNeeded: seed >> 40) % 700
            if value % 4 == 0, let i = list.position(of: value, by: <, where: { $0 == value }) {
                list.remove(at: i)
                sibling.remove(at: i)
            } else {
                sibling.insert(String(value), at: list.insert(value, by: <))
            }
        }
        #expect(Array(sibling) == list.map(String.init))
        #expect(list.position(of: 701, by: <, where: { _ in true }) == nil)
    }

    @Test func aCopySharesNothingItsChangesCanSee() {
        let original = ChunkedList(Array(0..<2000))
        var changed = original
        changed.remove(at: 0)
        changed.insert(-1, at: 1999)
        #expect(Array(original) == Array(0..<2000))
        #expect(changed.first == 1)
        #expect(changed[1999] == -1)
    }

    @Test func removingWhatIsAbsentChangesNothing() {
        var list: ChunkedList = [1, 3, 5]
        let absent = list.remove(4, by: <, where: { $0 == 4 })
        let unmatched = list.remove(3, by: <, where: { _ in false })
        #expect(!absent && !unmatched)
        #expect(Array(list) == [1, 3, 5])
        var empty = ChunkedList<Int>()
        empty.insert(9, by: <)
        #expect(Array(empty) == [9])
        empty.remove(at: 0)
        #expect(empty.isEmpty)
    }
}

@Suite struct WordPrefixIndexTests {
    @Test func findsKeysByAnyWordsPrefixAndForgetsRemovedOnes() {
        var index = WordPrefixIndex()
        index.insert([("ada-okafor", ["ada", "okafor"]), ("okavango", ["okavango"]), ("lerwin", ["lerwin"])])
        index.insert(key: "daniel-okafor", words: ["daniel", "okafor", "okafor"])
        #expect(index.keys(withWordPrefix: "oka") == ["ada-okafor", "okavango", "daniel-okafor"])
        #expect(index.keys(withWordPrefix: "okaf") == ["ada-okafor", "daniel-okafor"])
        #expect(index.keys(withWordPrefix: "ler") == ["lerwin"])
        #expect(index.keys(withWordPrefix: "z").isEmpty)
        #expect(index.keys(withWordPrefix: "").count == 4)
        index.remove(key: "ada-okafor", words: ["ada", "okafor"])
        #expect(index.keys(withWordPrefix: "okaf") == ["daniel-okafor"])
        #expect(index.keys(withWordPrefix: "ada").isEmpty)
        #expect(index.count == 4)
    }
}
