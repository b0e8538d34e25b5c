import BroadsheetCore
import BroadsheetCorpus
import BroadsheetWire
import Foundation

extension CorpusReportDTO {
    /// `GET /v1/corpus`: the served snapshot's counts, and the writer's state when there is one.
    init(_ s: CorpusSnapshot, writer: LiveCorpus? = nil, writable: Bool = false) {
        let counts = writer?.counts
        self.init(
            root: s.root, documents: s.totals.documents, undated: s.totals.undated, paragraphs: s.totals.paragraphs, sentences: s.totals.sentences,
            words: s.totals.words, files: s.filesRead, formats: s.totals.formats,
            skipped: s.skipped.map { Skipped(path: $0.path, reason: $0.reason) }, generation: s.generation,
            dataFolder: s.status.dataFolder, writable: writable, stored: counts?.articles ?? s.documents.count,
            pendingWrites: counts?.pendingWrites ?? 0, lastWrite: counts?.lastWrite.map { Self.rfc3339($0) },
            lastPublishMilliseconds: writer?.lastPublishMilliseconds, storeBytes: writer?.store.byteSize,
            warnings: s.status.warnings)
    }

    private static func rfc3339(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }
}
