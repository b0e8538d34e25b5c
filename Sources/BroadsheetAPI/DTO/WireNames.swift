public import BroadsheetWire

// The server's names for the wire types it encodes (one definition each, in BroadsheetWire, which
// the client decodes). Each gets its initialisers from the corpus's types in the files beside this one.
public typealias Page = BroadsheetWire.Page
public typealias DocumentSummaryDTO = BroadsheetWire.DocumentSummary
public typealias DocumentDetailDTO = BroadsheetWire.DocumentDetail
public typealias DocumentMetadataDTO = BroadsheetWire.DocumentMetadata
public typealias CorpusReportDTO = BroadsheetWire.CorpusReport
public typealias EntityDTO = BroadsheetWire.Entity
public typealias EntityValueDTO = BroadsheetWire.EntityValue
public typealias EntityRefDTO = BroadsheetWire.EntityRef
public typealias EntityDetailDTO = BroadsheetWire.EntityDetail
public typealias AnnotationsDTO = BroadsheetWire.Annotations
public typealias AnnotationDTO = BroadsheetWire.Annotations.Item
public typealias TimeDTO = BroadsheetWire.TimeValue
public typealias QuoteDTO = BroadsheetWire.Quote
public typealias EventDTO = BroadsheetWire.Event
public typealias SearchResponseDTO = BroadsheetWire.SearchResults
public typealias SuggestionDTO = BroadsheetWire.Suggestion
public typealias TrendsDTO = BroadsheetWire.Trends
public typealias TimeseriesDTO = BroadsheetWire.Timeseries
public typealias RelatedDocumentsDTO = BroadsheetWire.RelatedDocuments
