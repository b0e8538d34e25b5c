/// The growable per-term buffers that collect postings of recently added documents, and the per-term
/// scratch state of the paragraph being added.
///
/// Kept in raw, manually grown memory because appending to an array of arrays costs two uniqueness
/// checks and reference counting per byte, which dominated indexing time. ``PostingStore`` owns the
/// object and copies it before mutating when it is shared (copy-on-write), so ``SearchIndex`` keeps
/// value semantics; that discipline is why `@unchecked Sendable` is sound.
final class TailBuffers: @unchecked Sendable {
    struct ByteVec {
        var base: UnsafeMutablePointer<UInt8>?
        var count: Int32
        var capacity: Int32
    }

    /// Two vectors per term: `2t` holds `(paragraph delta, tf)` varints, `2t + 1` holds position varints.
    private(set) var vecs: UnsafeMutablePointer<ByteVec>
    /// Per term: term frequency in the current paragraph, last position, last paragraph in the tail.
    private(set) var currentTF: UnsafeMutablePointer<UInt32>
    private(set) var lastPosition: UnsafeMutablePointer<Int32>
    private(set) var lastParagraph: UnsafeMutablePointer<Int32>
    private(set) var terms = 0
    private var capacity = 0

    init() {
        vecs = .allocate(capacity: 0)
        currentTF = .allocate(capacity: 0)
        lastPosition = .allocate(capacity: 0)
        lastParagraph = .allocate(capacity: 0)
    }

    deinit {
        for k in 0..<(2 * terms) { vecs[k].base?.deallocate() }
        vecs.deallocate()
        currentTF.deallocate()
        lastPosition.deallocate()
        lastParagraph.deallocate()
    }

    /// A deep copy.
    func copy() -> TailBuffers {
        let c = TailBuffers()
        c.ensureTerms(terms)
        for k in 0..<(2 * terms) {
            let v = vecs[k]
            if let b = v.base, v.capacity > 0 {
                let nb = UnsafeMutablePointer<UInt8>.allocate(capacity: Int(v.capacity))
                nb.update(from: b, count: Int(v.count))
                c.vecs[k] = ByteVec(base: nb, count: v.count, capacity: v.capacity)
            }
        }
        c.currentTF.update(from: currentTF, count: terms)
        c.lastPosition.update(from: lastPosition, count: terms)
        c.lastParagraph.update(from: lastParagraph, count: terms)
        return c
    }

    func ensureTerms(_ n: Int) {
        guard n > terms else { return }
        if n > capacity {
            let newCapacity = max(n, capacity * 2, 1024)
            let v = UnsafeMutablePointer<ByteVec>.allocate(capacity: 2 * newCapacity)
            v.moveInitialize(from: vecs, count: 2 * terms)
            vecs.deallocate()
            vecs = v
            currentTF = grow(currentTF, to: newCapacity)
            lastPosition = grow(lastPosition, to: newCapacity)
            lastParagraph = grow(lastParagraph, to: newCapacity)
            capacity = newCapacity
        }
        (vecs + 2 * terms).initialize(repeating: ByteVec(base: nil, count: 0, capacity: 0), count: 2 * (n - terms))
        (currentTF + terms).initialize(repeating: 0, count: n - terms)
        (lastPosition + terms).initialize(repeating: 0, count: n - terms)
        (lastParagraph + terms).initialize(repeating: -1, count: n - terms)
        terms = n
    }

    private func grow<T>(_ p: UnsafeMutablePointer<T>, to n: Int) -> UnsafeMutablePointer<T> {
        let q = UnsafeMutablePointer<T>.allocate(capacity: n)
        q.moveInitialize(from: p, count: terms)
        p.deallocate()
        return q
    }

    @inline(__always)
    func appendVarint(_ k: Int, _ value: UInt32) {
        var v = value
        var vec = vecs[k]
        if vec.count + 5 > vec.capacity {
            let newCapacity = max(16, vec.capacity * 2)
            let nb = UnsafeMutablePointer<UInt8>.allocate(capacity: Int(newCapacity))
            if let b = vec.base {
                nb.update(from: b, count: Int(vec.count))
                b.deallocate()
            }
            vec.base = nb
            vec.capacity = newCapacity
        }
        let b = vec.base!
        var c = Int(vec.count)
        while v >= 0x80 {
            b[c] = UInt8(truncatingIfNeeded: v) | 0x80
            v >>= 7
            c += 1
        }
        b[c] = UInt8(v)
        vec.count = Int32(c + 1)
        vecs[k] = vec
    }

    /// The bytes of vector `k`.
    func bytes(_ k: Int) -> UnsafeBufferPointer<UInt8> {
        guard k < 2 * terms else { return UnsafeBufferPointer(start: nil, count: 0) }
        let v = vecs[k]
        guard let b = v.base else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: b, count: Int(v.count))
    }

    /// Frees vector `k`.
    func clear(_ k: Int) {
        vecs[k].base?.deallocate()
        vecs[k] = ByteVec(base: nil, count: 0, capacity: 0)
    }

    var byteCount: Int {
        var n = capacity * (2 * MemoryLayout<ByteVec>.stride + 12)
        for k in 0..<(2 * terms) { n += Int(vecs[k].capacity) }
        return n
    }
}
