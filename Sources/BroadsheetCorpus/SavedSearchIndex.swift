import BroadsheetCore
import BroadsheetSearch
import Foundation

/// The search index saved in the data folder: `search.index` (``SearchIndex/write(to:)``'s checked,
/// versioned format) and `search.index.ids`, the articles' ids in the index's order.
///
/// Opening checks that the index describes the stored articles (ids, order, text): a missing,
/// stale or corrupt index is reported, never served; the corpus then builds one from the database.
struct SavedSearchIndex: Sendable {
    let indexPath: String
    let idsPath: String

    init(folder: String) {
        indexPath = (folder as NSString).appendingPathComponent("search.index")
        idsPath = indexPath + ".ids"
    }

    /// Why a saved index was not used.
    enum Unused: Error, CustomStringConvertible {
        case missing
        case unreadable(String)
        case stale(String)

        var description: String {
            switch self {
            case .missing: "no saved index"
            case .unreadable(let why): "cannot read it: \(why)"
            case .stale(let why): "it does not describe the stored articles: \(why)"
            }
        }
    }

    /// The saved index and the stored articles it does not hold yet (to add), or why it cannot be used.
    func open(entries: [String: CorpusEntry]) -> Result<(SearchIndex, Set<String>), Unused> {
        guard FileManager.default.fileExists(atPath: indexPath) else { return .failure(.missing) }
        let ids: [String]
        do {
            ids = try JSONDecoder().decode([String].self, from: Data(contentsOf: URL(fileURLWithPath: idsPath)))
        } catch {
            return .failure(.unreadable("\(idsPath): \(error.localizedDescription)"))
        }
        var documents: [Document] = []
        documents.reserveCapacity(ids.count)
        for id in ids {
            guard let entry = entries[id] else { return .failure(.stale("article \(id) is no longer stored")) }
            documents.append(entry.document)
        }
        do {
            let index = try SearchIndex(contentsOf: indexPath, documents: documents)
            return .success((index, Set(entries.keys).subtracting(ids)))
        } catch {
            if case .stale(let why) = error { return .failure(.stale(why)) }
            return .failure(.unreadable("\(error)"))
        }
    }

    /// Writes the ids, then the index (each to a temporary file, synced, renamed). A crash between
    /// the two leaves files that do not match, which ``open(entries:)`` reports as stale.
    func save(_ index: SearchIndex) throws {
        let ids = try JSONEncoder().encode(index.documentIds)
        let temporary = idsPath + ".tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: ids) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary])
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: temporary))
        try handle.synchronize()
        try handle.close()
        guard rename(temporary, idsPath) == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: idsPath]) }
        try index.write(to: indexPath)
    }
}
