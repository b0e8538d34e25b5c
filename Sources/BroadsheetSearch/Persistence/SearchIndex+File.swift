import BroadsheetCollections
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
public import BroadsheetCore

/// Saving an index to a file and opening it again without re-indexing.
///
/// ## File format, version 1
///
/// All integers are little-endian (the format is written and read only on little-endian machines).
///
/// Header, 64 bytes:
///
/// | Offset | Size | Field |
/// |---|---|---|
/// | 0 | 8 | magic `BSINDEX\n` |
/// | 8 | 4 | format version (``SearchIndex/fileFormatVersion``) |
/// | 12 | 4 | flags: bit 0 set when a paragraph engine follows the article engine |
/// | 16 | 8 | payload length in bytes (the file is exactly 64 + this long) |
/// | 24 | 8 | payload checksum (``IndexChecksum``, an XXH64-style 64-bit hash) |
/// | 32 | 4 | size of a skip entry (12) — the file is refused when this build's differs |
/// | 36 | 4 | size of a block bound (8) — likewise |
/// | 40 | 8 | number of document entries (live and dead) of the article engine |
/// | 48 | 16 | zero |
///
/// Payload: the article engine, then (flag bit 0) the paragraph engine. An engine is a run of
/// sections, each a `UInt64` byte count, that many bytes of a flat array, then zeros to a multiple of 8
/// (``IndexFileWriter``). In order:
///
/// 1. scalars (`Int64` × 8): unit (0 article, 1 paragraph), total coded length, live units, total
///    title length, document entries, stems, surface forms, units;
/// 2. document ids: UTF-8 bytes back to back (`UInt8`), their offsets (`UInt32`, entries + 1);
/// 3. per document entry: first unit (`Int32`), publication day (`Int32`, `Int32.min` for none),
///    paragraph count (`Int32`), fingerprint of title, dek and text (`UInt64`, 0 for dead entries);
/// 4. dead documents (`UInt64` bit words, ``DeadDocuments``);
/// 5. surface forms (``TermInterner``: bytes, offsets, hash slots), each surface's stem (`Int32`) and
///    frequency (`UInt32`), stems (``TermInterner``), surfaces sorted by bytes (`Int32`) and shared
///    prefix lengths (`UInt8`);
/// 6. postings (``PostingStore/save(to:)``, ``FrozenPostings/save(to:)``);
/// 7. unit documents (``ParagraphDocuments/save(to:)``) and unit length codes (`UInt8`);
/// 8. titles (``TitleIndex/save(to:)``), per stem: most title occurrences and shortest title code
///    (`UInt8`), titles holding it (`UInt32`).
///
/// Opening reads the file in one bulk read, checks the header, the length and the checksum, then
/// copies each flat array once (no per-posting decoding), checking every offset table against the
/// data it indexes, the orders that must grow, and every id against its table's size.
extension SearchIndex {
    /// The saved-index format this build writes and reads.
    public static let fileFormatVersion: UInt32 = 1
    static let fileMagic: [UInt8] = Array("BSINDEX\n".utf8)
    static let headerSize = 64

    /// Saves the index (not the documents' text) to `path`: written to a temporary file beside it,
    /// synced, then renamed over `path` (and the folder synced), so `path` always holds a whole index.
    /// Recent additions are compacted into the saved copy first (this value is not changed).
    ///
    /// - Throws: ``SearchIndexFileError/io(operation:errno:)`` when a file operation fails.
    public func write(to path: String) throws(SearchIndexFileError) {
        var frozen = self
        frozen.freeze()
        if !frozen.paragraphEngine.isEmpty { frozen.paragraphEngine[0].freeze() }
        var w = IndexFileWriter(reservingCapacity: frozen.statistics.totalBytes + 4096)
        frozen.saveEngine(to: &w)
        if let other = frozen.paragraphEngine.first { other.saveEngine(to: &w) }
        let payload = w.bytes
        var header = Self.fileMagic
        func put<T: FixedWidthInteger>(_ v: T) { withUnsafeBytes(of: v.littleEndian) { header.append(contentsOf: $0) } }
        put(Self.fileFormatVersion)
        put(UInt32(frozen.paragraphEngine.isEmpty ? 0 : 1))
        put(UInt64(payload.count))
        put(payload.withUnsafeBytes { IndexChecksum.of($0) })
        put(UInt32(MemoryLayout<SkipEntry>.stride))
        put(UInt32(MemoryLayout<BlockBound>.stride))
        put(UInt64(frozen.documents.count))
        header.append(contentsOf: repeatElement(0, count: Self.headerSize - header.count))
        try IndexFileIO.writeAtomically(path, header: header, payload: payload)
    }

    /// Opens an index saved by ``write(to:)``. `documents` are the live documents in the index's order
    /// (``documentIds``: the order of their last ``add(_:)``, a replaced document at its replacement's
    /// place); their text is not in the file. `configuration` sets the ranking parameters, and must ask
    /// for the paragraph engine exactly when the file has one.
    ///
    /// - Throws: ``SearchIndexFileError``: the file cannot be read, is not an index, is of another
    ///   version, truncated, fails its checksum or a consistency check (``SearchIndexFileError/corrupt(_:)``),
    ///   or does not describe `documents` (``SearchIndexFileError/stale(_:)``: other ids, order,
    ///   paragraph counts or text). The caller then rebuilds the index from the documents.
    public init(contentsOf path: String, documents: [Document], configuration: Configuration = .init()) throws(SearchIndexFileError) {
        let file = try IndexFileIO.readAll(path)
        defer { file.deallocate() }
        let bytes = UnsafeRawBufferPointer(file)
        guard bytes.count >= Self.fileMagic.count, Array(bytes[0..<Self.fileMagic.count]) == Self.fileMagic else {
            throw bytes.count < Self.fileMagic.count ? .truncated : .notAnIndex
        }
        guard bytes.count >= Self.headerSize else { throw .truncated }
        func get<T: FixedWidthInteger>(_ offset: Int, _: T.Type) -> T { T(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: T.self)) }
        let version = get(8, UInt32.self)
        guard version == Self.fileFormatVersion else { throw .unsupportedVersion(version) }
        let flags = get(12, UInt32.self)
        let length = get(16, UInt64.self)
        guard length <= UInt64(bytes.count - Self.headerSize) else { throw .truncated }
        guard length == UInt64(bytes.count - Self.headerSize) else { throw .corrupt("\(UInt64(bytes.count - Self.headerSize) - length) bytes after the payload") }
        guard get(32, UInt32.self) == UInt32(MemoryLayout<SkipEntry>.stride), get(36, UInt32.self) == UInt32(MemoryLayout<BlockBound>.stride) else {
            throw .corrupt("table layout of another build")
        }
        let payload = UnsafeRawBufferPointer(rebasing: bytes[Self.headerSize...])
        guard IndexChecksum.of(payload) == get(24, UInt64.self) else { throw .checksumMismatch }
        let hasParagraphEngine = flags & 1 != 0
        guard hasParagraphEngine == configuration.paragraphSearch else {
            throw .stale(hasParagraphEngine ? "the file has a paragraph engine the configuration does not want" : "the file has no paragraph engine")
        }
        var r = IndexFileReader(payload)
        try self.init(restoring: &r, documents: documents, configuration: configuration, unit: .article, checkingText: true)
        if hasParagraphEngine {
            // Saved under the same checksum from the same index: its documents' text was just checked.
            paragraphEngine = [try SearchIndex(restoring: &r, documents: documents, configuration: configuration, unit: .paragraph, checkingText: false)]
        }
        guard r.offset == payload.count else { throw .corrupt("\(payload.count - r.offset) bytes after the last section") }
    }

    /// A fingerprint of what a document's entry was indexed from (title, dek, text), to find a saved
    /// index stale when a document changed under the same id.
    static func fingerprint(title: String, dek: String?, text: String) -> UInt64 {
        func sum(_ s: String) -> UInt64 {
            var s = s
            return s.withUTF8 { IndexChecksum.of(UnsafeRawBufferPointer($0)) }
        }
        var h = sum(title)
        h = (h << 21 | h >> 43) ^ sum(dek ?? "") &* 0x9E37_79B1_85EB_CA87
        h = (h << 21 | h >> 43) ^ sum(text) &* 0xC2B2_AE3D_27D4_EB4F
        return h | 1
    }

    /// Appends this engine's sections (see the format above); the engine must be frozen.
    private func saveEngine(to w: inout IndexFileWriter) {
        w.append([
            Int64(unit == .article ? 0 : 1), Int64(totalLength), Int64(liveParagraphs), Int64(totalTitleLength), Int64(documents.count),
            Int64(stems.count), Int64(surfaces.count), Int64(paragraphDocument.count),
        ])
        var ids: [UInt8] = []
        var idStarts: [UInt32] = [0]
        for d in documents {
            ids.append(contentsOf: d.id.utf8)
            idStarts.append(UInt32(ids.count))
        }
        w.append(ids)
        w.append(idStarts)
        w.append(documents.map(\.firstParagraph))
        w.append(documents.map(\.day))
        w.append(documents.map(\.paragraphCount))
        w.append(
            documents.enumerated().map { k, d in
                deadDocuments.contains(Int32(k)) ? 0 : documentFingerprints[k]
            })
        w.append(deadDocuments.words)
        surfaces.save(to: &w)
        w.append(surfaceStem)
        w.append(surfaceFrequency)
        stems.save(to: &w)
        w.append(sortedSurfaces)
        w.append(sortedSharedPrefix)
        postings.save(to: &w)
        paragraphDocument.save(to: &w)
        w.append(paragraphLengthCode)
        titles.save(to: &w)
        w.append(titleMaxFrequency)
        w.append(titleMinLength)
        w.append(titleDocumentFrequency)
    }

    /// One engine read back from its sections, checked against itself and against `documents`.
    private init(
        restoring r: inout IndexFileReader, documents live: [Document], configuration: Configuration, unit: SearchUnit, checkingText: Bool
    ) throws(SearchIndexFileError) {
        let scalars: [Int64] = try r.array("scalars", count: 8)
        guard scalars[0] == (unit == .article ? 0 : 1) else { throw .corrupt("engine of another unit") }
        let entries = Int(clamping: scalars[4])
        let stemCount = Int(clamping: scalars[5])
        let surfaceCount = Int(clamping: scalars[6])
        let units = Int(clamping: scalars[7])
        try IndexFileCheck.require(entries >= 0 && stemCount >= 0 && surfaceCount >= 0 && units >= 0 && entries < Int(Int32.max) && units < Int(Int32.max), "negative counts")
        let ids: [UInt8] = try r.array("document ids")
        let idStarts: [UInt32] = try r.array("document id offsets", count: entries + 1)
        try IndexFileCheck.offsets(idStarts, count: entries, end: ids.count, "document id offsets")
        let firstUnits: [Int32] = try r.array("document first units", count: entries)
        let days: [Int32] = try r.array("document days", count: entries)
        let paragraphCounts: [Int32] = try r.array("document paragraph counts", count: entries)
        let fingerprints: [UInt64] = try r.array("document fingerprints", count: entries)
        let dead = DeadDocuments(words: try r.array("dead documents"))
        try IndexFileCheck.require(dead.words.count <= (entries + 63) / 64 + 1, "dead documents: too many words")

        // The live entries, in order, must be `documents`.
        var stored: [StoredDocument] = []
        stored.reserveCapacity(entries)
        var deadUnits = DeadDocuments()
        var deks: [Int32: String] = [:]
        var next = 0
        var unitEnd: Int32 = 0
        for k in 0..<entries {
            let id = String(decoding: ids[Int(idStarts[k])..<Int(idStarts[k + 1])], as: UTF8.self)
            let first = firstUnits[k]
            let unitsOfEntry = unit == .article ? 1 : Int32(paragraphCounts[k])
            try IndexFileCheck.require(first == unitEnd && paragraphCounts[k] >= 0 && paragraphCounts[k] <= 1 << 20, "document \(k): units out of order")
            unitEnd = first &+ unitsOfEntry
            if dead.contains(Int32(k)) {
                guard unitsOfEntry <= units, first <= Int32(units) - unitsOfEntry else { throw .corrupt("document \(k): units past the end") }
                for p in first..<(first + unitsOfEntry) { deadUnits.insert(p) }
                // A dead entry keeps only its paragraph count (empty paragraphs), for the next save.
                let blank = Paragraph(index: 0, section: nil, span: TextSpan(start: 0, end: 0), sentenceRange: 0..<0)
                stored.append(
                    StoredDocument(
                        id: id, title: "", text: "", paragraphs: Array(repeating: blank, count: Int(paragraphCounts[k])), firstParagraph: first,
                        day: days[k]))
                continue
            }
            guard next < live.count else { throw .stale("the index holds more documents than given (\(id))") }
            let d = live[next]
            next += 1
            guard d.id == id else { throw .stale("document \(next - 1) is \(d.id), the index has \(id)") }
            guard d.paragraphs.count == Int(paragraphCounts[k]) else { throw .stale("\(id): \(d.paragraphs.count) paragraphs, the index has \(paragraphCounts[k])") }
            guard !checkingText || Self.fingerprint(title: d.title, dek: d.dek, text: d.text) == fingerprints[k] else {
                throw .stale("\(id): its text changed")
            }
            let day = d.publishedAt.map { Int32($0.daysSinceEpoch) } ?? .min
            guard day == days[k] else { throw .stale("\(id): its publication date changed") }
            if let dek = d.dek, !dek.isEmpty { deks[Int32(k)] = dek }
            stored.append(StoredDocument(id: id, title: d.title, text: d.text, paragraphs: d.paragraphs, firstParagraph: first, day: day))
        }
        guard next == live.count else { throw .stale("\(live.count - next) documents are not in the index") }
        try IndexFileCheck.require(Int(unitEnd) == units, "documents hold \(unitEnd) units, the index \(units)")

        let surfaces = try TermInterner(restoring: &r, name: "surface forms")
        try IndexFileCheck.require(surfaces.count == surfaceCount, "surface form count")
        let surfaceStem: [Int32] = try r.array("surface stems", count: surfaceCount)
        let surfaceFrequency: [UInt32] = try r.array("surface frequencies", count: surfaceCount)
        let stems = try TermInterner(restoring: &r, name: "stems")
        try IndexFileCheck.require(stems.count == stemCount, "stem count")
        try IndexFileCheck.values(surfaceStem, in: 0..<stemCount, "surface stems")
        let sortedSurfaces: [Int32] = try r.array("sorted surfaces")
        try IndexFileCheck.require(sortedSurfaces.count <= surfaceCount, "sorted surfaces")
        try IndexFileCheck.values(sortedSurfaces, in: 0..<surfaceCount, "sorted surfaces")
        let sortedSharedPrefix: [UInt8] = try r.array("sorted shared prefixes", count: sortedSurfaces.count)
        let postings = try PostingStore(restoring: &r, terms: stemCount, units: units)
        let paragraphDocument = try ParagraphDocuments(restoring: &r, units: units, documents: entries)
        let lengthCodes: [UInt8] = try r.array("unit lengths", count: units)
        let titles = try TitleIndex(restoring: &r, documents: entries)
        let titleMaxFrequency: [UInt8] = try r.array("title frequencies", count: stemCount)
        let titleMinLength: [UInt8] = try r.array("title lengths per stem", count: stemCount)
        let titleDocumentFrequency: [UInt32] = try r.array("title document frequencies", count: stemCount)

        self.configuration = configuration
        self.unit = unit
        self.surfaces = surfaces
        self.surfaceStem = surfaceStem
        self.surfaceFrequency = surfaceFrequency
        self.stems = stems
        self.sortedSurfaces = sortedSurfaces
        self.sortedSharedPrefix = sortedSharedPrefix
        self.postings = postings
        self.paragraphDocument = paragraphDocument
        self.paragraphLengthCode = lengthCodes
        self.totalLength = Int(clamping: scalars[1])
        self.liveParagraphs = Int(clamping: scalars[2])
        self.totalTitleLength = Int(clamping: scalars[3])
        self.documents = AppendOnlyList(stored)
        self.titles = titles
        self.titleMaxFrequency = titleMaxFrequency
        self.titleMinLength = titleMinLength
        self.titleDocumentFrequency = titleDocumentFrequency
        self.deadDocuments = dead
        self.deadUnits = deadUnits
        self.deks = deks
        self.documentFingerprints = fingerprints
        let table = stored
        var index = DocumentIdTable()
        for k in 0..<entries where !dead.contains(Int32(k)) { index.set(table[k].id, to: Int32(k)) { table[Int($0)].id } }
        self.documentIndex = index
    }
}
