public import BroadsheetWire

// The bodies the client decodes are the server's own types (BroadsheetWire): one definition each.
public typealias DocumentSummary = BroadsheetWire.DocumentSummary
public typealias DocumentMetadata = BroadsheetWire.DocumentMetadata
public typealias DocumentDetail = BroadsheetWire.DocumentDetail
public typealias CorpusReport = BroadsheetWire.CorpusReport
public typealias Entity = BroadsheetWire.Entity
public typealias EntityValue = BroadsheetWire.EntityValue
public typealias EntityRef = BroadsheetWire.EntityRef
public typealias EntityDetail = BroadsheetWire.EntityDetail
public typealias Annotations = BroadsheetWire.Annotations
public typealias TimeValue = BroadsheetWire.TimeValue
public typealias Quote = BroadsheetWire.Quote
public typealias Event = BroadsheetWire.Event
public typealias SearchResults = BroadsheetWire.SearchResults
public typealias Suggestion = BroadsheetWire.Suggestion
public typealias Trends = BroadsheetWire.Trends
public typealias Timeseries = BroadsheetWire.Timeseries
public typealias RelatedDocuments = BroadsheetWire.RelatedDocuments
