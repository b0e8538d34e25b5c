import BroadsheetCollections
import Testing

@Suite struct AppendOnlyListTests {
    /// Appends over several chunk boundaries read back as an array does.
    @Test func readsBackWhatWasAppended() {
        var list = AppendOnlyList<Int>()
        var array: [Int] = []
        for i in 0..<10_000 {
            list.append(i * 3)
            array.append(i * 3)
        }
        #expect(list.count == array.count)
        #expect(Array(list) == array)
        #expect(list[4_095] == array[4_095] && list[4_096] == array[4_096] && list[9_999] == array[9_999])
        #expect(AppendOnlyList(array.prefix(5)).map { $0 } == [0, 3, 6, 9, 12])
        #expect(AppendOnlyList<Int>().isEmpty)
    }

    /// A copy keeps its elements while the original grows or changes, at a chunk's edge and inside one.
    @Test func aCopySeesNoneOfTheOriginalsChanges() {
        var list = AppendOnlyList(0..<4_096)
        let copy = list
        list.append(-1)
        list[10] = -10
        list[4_096] = -2
        #expect(copy.count == 4_096)
        #expect(Array(copy) == Array(0..<4_096))
        #expect(list.count == 4_097 && list[10] == -10 && list[4_096] == -2)
    }
}
