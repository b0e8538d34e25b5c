import Dispatch
import Foundation
import GRDB
import Synchronization

/// The embedded ``ArticleStore``: one SQLite database (through GRDB) in the data folder.
///
/// - WAL journal with `synchronous = FULL`: a commit is on disk when ``commit(_:)`` returns, and a
///   crash at any moment leaves the last committed state (SQLite's atomic commit).
/// - A versioned schema: ``StoreSchema`` registers its migrations; a database that has migrations
///   this version does not know (written by a newer Broadsheet) is refused, never changed.
/// - Each article row keeps the source as given, and the parsed document and extraction as JSON
///   (``CorpusEntry``), so a restart parses and extracts nothing again.
public final class SQLiteArticleStore: ArticleStore {
    /// The database file's path.
    public let path: String
    private let database: DatabaseQueue

    /// Opens (creating when missing) the database at `path`, and migrates it to the current schema.
    ///
    /// - Parameter maxPageCount: a limit on the database's size in pages (SQLite's `max_page_count`),
    ///   past which commits fail as on a full disk; `nil` for none.
    public init(path: String, maxPageCount: Int? = nil) throws(StoreError) {
        self.path = path
        var configuration = Configuration()
        configuration.journalMode = .wal
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            if let maxPageCount { try db.execute(sql: "PRAGMA max_page_count = \(maxPageCount)") }
        }
        do {
            database = try DatabaseQueue(path: path, configuration: configuration)
            let migrator = StoreSchema.migrator
            let unknown = try database.read { db in
                try migrator.appliedIdentifiers(db).subtracting(StoreSchema.identifiers)
            }
            guard unknown.isEmpty else { throw StoreError.newerSchema(path: path, unknown: unknown.sorted()) }
            try migrator.migrate(database)
        } catch let error as StoreError {
            throw error
        } catch {
            throw Self.storeError(error)
        }
    }

    public func loadArticles() throws(StoreError) -> [LoadedArticle] {
        struct Row: Sendable {
            var header: StoredArticleHeader
            var entry: Data
            var version: Int
        }
        let rows: [Row] = try run { db in
            try GRDB.Row.fetchAll(db, sql: "SELECT id, origin_path, origin_line, content_hash, sequence, entry, extractor_version FROM article ORDER BY id").map { row in
                Row(header: Self.header(row), entry: row["entry"], version: row["extractor_version"])
            }
        }
        // Decoding is the bulk of a restart: spread it over every core.
        let decoded = ParallelMap.map(rows) { row -> Result<LoadedArticle, StoreError> in
            do {
                let entry = try JSONDecoder().decode(CorpusEntry.self, from: row.entry)
                return .success(LoadedArticle(header: row.header, entry: entry, extractorVersion: row.version))
            } catch {
                return .failure(.corrupt("article \(row.header.id): \(error)"))
            }
        }
        var articles: [LoadedArticle] = []
        articles.reserveCapacity(decoded.count)
        for result in decoded {
            switch result {
            case .success(let article): articles.append(article)
            case .failure(let error): throw error
            }
        }
        return articles
    }

    public func article(id: String) throws(StoreError) -> StoredArticle? {
        try run { db in
            try GRDB.Row.fetchOne(db, sql: "SELECT * FROM article WHERE id = ?", arguments: [id]).map(Self.article)
        }
    }

    public func articles(after id: String?, limit: Int) throws(StoreError) -> [StoredArticle] {
        try run { db in
            try GRDB.Row.fetchAll(
                db, sql: "SELECT * FROM article WHERE id > ? ORDER BY id LIMIT ?", arguments: [id ?? "", limit]
            ).map(Self.article)
        }
    }

    public func importedFiles() throws(StoreError) -> [String: ImportedFile] {
        try run { db in
            var files: [String: ImportedFile] = [:]
            for row in try GRDB.Row.fetchAll(db, sql: "SELECT path, content_hash, skipped FROM imported_file") {
                let skipped: String = row["skipped"]
                let path: String = row["path"]
                files[path] = ImportedFile(
                    path: path, contentHash: row["content_hash"],
                    skipped: skipped.isEmpty ? [] : skipped.components(separatedBy: "\n"))
            }
            return files
        }
    }

    @discardableResult
    public func commit(_ changes: [StoreChange]) throws(StoreError) -> Int64 {
        // Encode outside the transaction (and in parallel): the write lock is held only for the SQL.
        let encoded = ParallelMap.map(changes) { change -> Data? in
            guard case .put(let article) = change else { return nil }
            return try? JSONEncoder().encode(article.entry)
        }
        return try write { db in
            let sequence = try Int64.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'sequence'") ?? 0
            let next = sequence + 1
            for (change, entry) in zip(changes, encoded) {
                switch change {
                case .put(let article):
                    guard let entry else { throw StoreError.failed("cannot encode article \(article.header.id)") }
                    let line: Int? = if case .file(_, let line) = article.header.origin { line } else { nil }
                    try db.execute(
                        sql: """
                            INSERT OR REPLACE INTO article
                            (id, origin_path, origin_line, content_hash, sequence, media_type, source, entry, extractor_version, written_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            """,
                        arguments: [
                            article.header.id, article.header.origin.path, line, article.header.contentHash, next,
                            article.mediaType, Data(article.source), entry, article.extractorVersion,
                            Date().timeIntervalSince1970,
                        ])
                case .delete(let id):
                    try db.execute(sql: "DELETE FROM article WHERE id = ?", arguments: [id])
                case .recordFile(let file):
                    try db.execute(
                        sql: "INSERT OR REPLACE INTO imported_file (path, content_hash, skipped) VALUES (?, ?, ?)",
                        arguments: [file.path, file.contentHash, file.skipped.joined(separator: "\n")])
                case .forgetFile(let path):
                    try db.execute(sql: "DELETE FROM imported_file WHERE path = ?", arguments: [path])
                }
            }
            try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('sequence', ?)", arguments: [next])
            return next
        }
    }

    public func sequence() throws(StoreError) -> Int64 {
        try run { db in try Int64.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'sequence'") ?? 0 }
    }

    public func entityIds() throws(StoreError) -> EntityIdRegistry {
        try run { db in
            let rows = try GRDB.Row.fetchAll(db, sql: "SELECT key, id, merged_into FROM entity_id ORDER BY rowid")
            return EntityIdRegistry(
                keys: rows.map { (key: $0["key"], id: $0["id"]) },
                merges: rows.compactMap { row in (row["merged_into"] as String?).map { (id: row["id"], into: $0) } })
        }
    }

    public func saveEntityIds(_ changes: EntityIdRegistry.Changes) throws(StoreError) {
        guard !changes.isEmpty else { return }
        try write { db in
            for (key, id) in changes.newKeys {
                try db.execute(sql: "INSERT OR IGNORE INTO entity_id (key, id) VALUES (?, ?)", arguments: [key, id])
            }
            for (id, into) in changes.newMerges {
                try db.execute(sql: "UPDATE entity_id SET merged_into = ? WHERE id = ?", arguments: [into, id])
            }
        }
    }

    public func statistics() throws(StoreError) -> StoreStatistics {
        let count = try run { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM article") ?? 0 }
        return StoreStatistics(articles: count, bytes: byteSize)
    }

    public var byteSize: Int {
        [path, path + "-wal", path + "-shm"].reduce(0) { total, file in
            total + ((try? FileManager.default.attributesOfItem(atPath: file)[.size] as? NSNumber)?.intValue ?? 0)
        }
    }

    // MARK: - Rows

    private static func header(_ row: GRDB.Row) -> StoredArticleHeader {
        let path: String? = row["origin_path"]
        let line: Int? = row["origin_line"]
        return StoredArticleHeader(
            id: row["id"], origin: path.map { .file(path: $0, line: line) } ?? .api,
            contentHash: row["content_hash"], sequence: row["sequence"])
    }

    private static func article(_ row: GRDB.Row) throws -> StoredArticle {
        let entry = try JSONDecoder().decode(CorpusEntry.self, from: row["entry"] as Data)
        let source: Data = row["source"]
        return StoredArticle(
            header: header(row), mediaType: row["media_type"], source: Array(source), entry: entry,
            extractorVersion: row["extractor_version"])
    }

    // MARK: - Errors

    private func run<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try database.read(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw Self.storeError(error)
        }
    }

    private func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try database.write(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw Self.storeError(error)
        }
    }

    static func storeError(_ error: any Error) -> StoreError {
        guard let error = error as? DatabaseError else { return .failed("\(error)") }
        switch error.resultCode {
        case .SQLITE_FULL: return .full(error.message ?? "\(error)")
        case .SQLITE_IOERR where error.extendedResultCode == .SQLITE_IOERR_WRITE: return .full(error.message ?? "\(error)")
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: return .corrupt(error.message ?? "\(error)")
        default: return .failed(error.message ?? "\(error)")
        }
    }
}

/// The database schema, one migration per version. Never edit a shipped migration: add one.
enum StoreSchema {
    static let identifiers: Set<String> = ["v1", "v2"]

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE article (
                        id TEXT PRIMARY KEY NOT NULL,
                        origin_path TEXT,
                        origin_line INTEGER,
                        content_hash TEXT NOT NULL,
                        sequence INTEGER NOT NULL,
                        media_type TEXT NOT NULL,
                        source BLOB NOT NULL,
                        entry BLOB NOT NULL,
                        extractor_version INTEGER NOT NULL,
                        written_at REAL NOT NULL
                    );
                    CREATE INDEX article_by_origin ON article(origin_path);
                    CREATE TABLE imported_file (
                        path TEXT PRIMARY KEY NOT NULL,
                        content_hash TEXT NOT NULL,
                        skipped TEXT NOT NULL
                    );
                    CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value);
                    """)
        }
        // v2: entity ids that outlive the catalog (EntityIdRegistry).
        migrator.registerMigration("v2") { db in
            try db.execute(
                sql: """
                    CREATE TABLE entity_id (
                        key TEXT PRIMARY KEY NOT NULL,
                        id TEXT NOT NULL,
                        merged_into TEXT
                    );
                    CREATE INDEX entity_id_by_id ON entity_id(id);
                    """)
        }
        return migrator
    }
}
