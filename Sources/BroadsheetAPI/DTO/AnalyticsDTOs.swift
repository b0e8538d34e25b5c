import BroadsheetCorpus
import BroadsheetCore
import BroadsheetExtraction
import BroadsheetWire

extension TrendsDTO {
    /// `GET /v1/trends`: the top values of a facet within the selected articles.
    init(facet: CorpusAnalytics.Facet, selected: CorpusAnalytics.Selected, counts: [CorpusAnalytics.FacetCount]) {
        self.init(
            facet: facet.rawValue, matched: selected.matched, sampled: selected.sampled,
            data: counts.map {
                Value(
                    value: $0.value, name: $0.entity?.name ?? $0.value, entity: $0.entity.map(EntityRefDTO.init), articles: $0.articles,
                    mentions: $0.mentions)
            })
    }
}

extension TimeseriesDTO {
    /// `GET /v1/timeseries`: articles (and mentions of an entity) per interval.
    init(interval: CorpusAnalytics.Interval, selected: CorpusAnalytics.Selected, buckets: [CorpusAnalytics.Bucket]) {
        self.init(
            interval: interval.rawValue, matched: selected.matched, sampled: selected.sampled,
            data: buckets.map { Bucket(start: $0.start.description, end: $0.end.description, articles: $0.articles, mentions: $0.mentions) })
    }
}

extension RelatedDocumentsDTO {
    /// `GET /v1/documents/{id}/related`: articles like this one, with the entities they share.
    init(documentId: String, related: [CorpusAnalytics.RelatedArticle]) {
        self.init(
            documentId: documentId,
            data: related.map {
                Item(
                    id: $0.document.id, title: $0.document.title, publishedAt: $0.document.publishedAt?.description,
                    publication: $0.document.publication, score: $0.score, sharedEntities: $0.shared.map(EntityRefDTO.init))
            })
    }
}
