import BroadsheetWire

extension AnnotationDTO {
    /// Annotations sort by start, then end.
    static func byPosition(_ a: AnnotationDTO, _ b: AnnotationDTO) -> Bool { (a.start, a.end) < (b.start, b.end) }
}
