import BroadsheetCore
import BroadsheetHTTP

/// The corpus-size gauges on `/metrics`.
enum CorpusMetrics {
    static func register(in registry: MetricsRegistry, service: CorpusService) {
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
    }
}
