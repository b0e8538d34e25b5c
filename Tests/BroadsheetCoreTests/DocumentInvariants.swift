import Foundation
import Testing
@testable import BroadsheetCore

/// Checks that hold for every parsed document: spans slice exactly, are ordered and nested.
enum DocumentInvariants {
    static func check(_ doc: Document, sourceLocation: SourceLocation = #_sourceLocation) {
        let paragraphTexts = doc.paragraphs.map { String(doc.text(of: $0.span)) }
        #expect(paragraphTexts.joined(separator: "\n\n") == doc.text, sourceLocation: sourceLocation)
        #expect(doc.text == doc.text.precomposedStringWithCanonicalMapping, sourceLocation: sourceLocation)
        var expectedSentence = 0
        for (i, p) in doc.paragraphs.enumerated() {
            #expect(p.index == i, sourceLocation: sourceLocation)
            #expect(!paragraphTexts[i].isEmpty, sourceLocation: sourceLocation)
            #expect(paragraphTexts[i].trimmingWhitespace == paragraphTexts[i], sourceLocation: sourceLocation)
            #expect(!paragraphTexts[i].contains("\n"), sourceLocation: sourceLocation)
            #expect(p.sentenceRange.lowerBound == expectedSentence, sourceLocation: sourceLocation)
            #expect(!p.sentenceRange.isEmpty, sourceLocation: sourceLocation)
            expectedSentence = p.sentenceRange.upperBound
            var rebuilt: [Substring] = []
            for si in p.sentenceRange {
                let s = doc.sentences[si]
                #expect(s.index == si && s.paragraph == i, sourceLocation: sourceLocation)
                #expect(p.span.contains(s.span), sourceLocation: sourceLocation)
                rebuilt.append(doc.text(of: s.span))
            }
            #expect(rebuilt.joined(separator: " ") == paragraphTexts[i], sourceLocation: sourceLocation)
            if let sec = p.section { #expect(doc.sections[sec].span.contains(p.span), sourceLocation: sourceLocation) }
        }
        #expect(expectedSentence == doc.sentences.count, sourceLocation: sourceLocation)
        #expect(!doc.id.isEmpty, sourceLocation: sourceLocation)
        #expect(doc.id.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }, sourceLocation: sourceLocation)
    }
}

