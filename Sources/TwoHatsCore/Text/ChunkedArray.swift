/// An array kept in chunks of a few hundred elements.
///
/// A copy shares every chunk, and an edit after it copies only the chunk it touches and the
/// list of chunks, not every element. That is what lets each key of a long note hand the
/// note's lines to the save queue, which joins them only when it writes, while the editor
/// goes on editing its own copy.
public struct ChunkedArray<Element>: RandomAccessCollection, ExpressibleByArrayLiteral {
    /// A chunk grows to twice this before it is split; an edit after a copy duplicates one
    /// chunk, so this is what a key costs beyond the list of chunks.
    static var chunkSize: Int { 256 }

    /// Never holds an empty chunk.
    private(set) var chunks: [[Element]]
    /// The index of each chunk's first element.
    private var starts: [Int]
    public private(set) var count: Int

    public init(_ elements: some Collection<Element>) {
        chunks = Self.pieces(Array(elements))
        starts = Array(repeating: 0, count: chunks.count)
        count = elements.count
        renumber(from: 0)
    }

    public init(arrayLiteral elements: Element...) {
        self.init(elements)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(index: Int) -> Element {
        let (chunk, offset) = position(of: index)
        return chunks[chunk][offset]
    }

    /// Walks the chunks themselves rather than looking each element up.
    public func makeIterator() -> FlattenSequence<[[Element]]>.Iterator {
        chunks.joined().makeIterator()
    }

    public mutating func replaceSubrange(_ range: Range<Int>, with newElements: [Element]) {
        replace(range, with: newElements)
    }

    /// Which chunks an edit replaced (`replaced`, indices from before it) and the chunks now
    /// in their place (`inserted`, indices from after it), for whoever keeps a value per chunk.
    struct ChunkChange {
        var replaced: Range<Int>
        var inserted: Range<Int>
    }

    @discardableResult
    mutating func replace(_ range: Range<Int>, with newElements: [Element]) -> ChunkChange {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "\(range) of \(count) elements")
        defer { count += newElements.count - range.count }
        guard !chunks.isEmpty else {
            chunks = Self.pieces(newElements)
            starts = Array(repeating: 0, count: chunks.count)
            renumber(from: 0)
            return ChunkChange(replaced: 0..<0, inserted: chunks.indices)
        }
        // An insertion at the very end goes into the last chunk.
        let first = position(of: Swift.min(range.lowerBound, count - 1)).chunk
        let last = range.isEmpty ? first : position(of: range.upperBound - 1).chunk
        let lower = range.lowerBound - starts[first]
        let upper = range.upperBound - starts[last]
        let inserted: Range<Int>
        if first == last, chunks[first].count - range.count + newElements.count <= 2 * Self.chunkSize {
            chunks[first].replaceSubrange(lower..<upper, with: newElements)
            if chunks[first].isEmpty {
                chunks.remove(at: first)
                starts.remove(at: first)
                inserted = first..<first
            } else {
                inserted = first..<first + 1
            }
        } else {
            var merged = Array(chunks[first][..<lower])
            merged += newElements
            merged += chunks[last][upper...]
            let pieces = Self.pieces(merged)
            chunks.replaceSubrange(first...last, with: pieces)
            starts.replaceSubrange(first...last, with: repeatElement(0, count: pieces.count))
            inserted = first..<first + pieces.count
        }
        renumber(from: first)
        return ChunkChange(replaced: first..<last + 1, inserted: inserted)
    }

    /// The chunk holding element `index` (which must exist) and the index within it, by
    /// binary search over the chunks' starts.
    func position(of index: Int) -> (chunk: Int, offset: Int) {
        precondition(index >= 0 && index < count, "element \(index) of \(count)")
        var low = 0
        var high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= index { low = middle } else { high = middle - 1 }
        }
        return (low, index - starts[low])
    }

    /// `elements` cut into chunks of at most twice `chunkSize`, none empty.
    private static func pieces(_ elements: [Element]) -> [[Element]] {
        guard elements.count > 2 * chunkSize else { return elements.isEmpty ? [] : [elements] }
        let count = (elements.count + chunkSize - 1) / chunkSize
        return (0..<count).map { piece in
            Array(elements[elements.count * piece / count..<elements.count * (piece + 1) / count])
        }
    }

    private mutating func renumber(from first: Int) {
        var start = first == 0 ? 0 : starts[first - 1] + chunks[first - 1].count
        for index in first..<chunks.count {
            starts[index] = start
            start += chunks[index].count
        }
    }
}

extension ChunkedArray: Sendable where Element: Sendable {}

extension ChunkedArray: Equatable where Element: Equatable {
    /// Chunk boundaries are no part of the value: the same elements cut differently are equal.
    public static func == (lhs: ChunkedArray, rhs: ChunkedArray) -> Bool {
        guard lhs.count == rhs.count else { return false }
        // Copies of one value share their chunks, which `==` on arrays compares by identity.
        if lhs.starts == rhs.starts { return lhs.chunks == rhs.chunks }
        return lhs.elementsEqual(rhs)
    }
}
