import BroadsheetCore
import BroadsheetCorpus
import BroadsheetHTTP

/// The corpus gauges on `/metrics`: size, and the live corpus's writes.
enum CorpusMetrics {
    static func register(in registry: MetricsRegistry, service: CorpusService, writer: LiveCorpus?) {
        registry.gauge("broadsheet_corpus_ready", help: "1 once the corpus is loaded, 0 before.") {
            service.isReady ? 1 : 0
        }
        registry.gauge("broadsheet_corpus_documents", help: "Documents served.") {
            Double(service.snapshot?.documents.count ?? 0)
        }
        registry.gauge("broadsheet_corpus_paragraphs", help: "Paragraphs served.") {
            Double(service.snapshot?.documents.reduce(0) { $0 + $1.paragraphs.count } ?? 0)
        }
        registry.gauge("broadsheet_corpus_skipped_files", help: "Files skipped while loading.") {
            Double(service.snapshot?.skipped.count ?? 0)
        }
        registry.gauge("broadsheet_corpus_generation", help: "Generation of the served snapshot.") {
            Double(service.generation)
        }
        guard let writer else { return }
        registry.gauge("broadsheet_ingest_pending_writes", help: "Writes committed but not yet served (the publish queue).") {
            Double(writer.counts.pendingWrites)
        }
        registry.gauge("broadsheet_ingest_publish_milliseconds", help: "How long the last publish took.") {
            writer.lastPublishMilliseconds
        }
        registry.gauge("broadsheet_store_bytes", help: "Bytes of the database files.") {
            Double(writer.store.byteSize)
        }
        let written = registry.counter("broadsheet_ingest_articles_total", help: "Articles offered to writes, by outcome.", labelNames: ["status"])
        writer.onWrite { status, count in written.increment([status], by: Double(count)) }
    }
}
