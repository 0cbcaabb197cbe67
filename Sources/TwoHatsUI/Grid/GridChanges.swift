#if canImport(Glibc)
import Glibc
#endif

extension Grid {
    /// Calls `body` with each run of adjacent cells on one row that differ from `previous`,
    /// left to right and top to bottom: everything when there is no previous frame of the
    /// same size. The painter hands ncurses only these runs, so a key that changes two rows
    /// costs two rows of work, not a screenful.
    public func forEachChange(since previous: Grid?, _ body: (_ x: Int, _ y: Int, _ cells: ArraySlice<Cell>) -> Void) {
        let columns = size.columns
        guard columns > 0 else { return }
        guard let previous, previous.size == size else {
            for y in 0..<size.rows { body(0, y, cells[(y * columns)..<((y + 1) * columns)]) }
            return
        }
        // Runs once per frame over every cell. Most rows are byte for byte the same and one
        // memcmp passes them; equal bytes mean equal cells, and any other row (including one
        // whose only difference is padding) is compared cell by cell.
        cells.withUnsafeBufferPointer { new in
            previous.cells.withUnsafeBufferPointer { old in
                guard let newBase = new.baseAddress, let oldBase = old.baseAddress else { return }
                for y in 0..<size.rows {
                    let start = y * columns
                    if memcmp(newBase + start, oldBase + start, columns * MemoryLayout<Cell>.stride) == 0 { continue }
                    var x = 0
                    while x < columns {
                        guard old[start + x] != new[start + x] else { x += 1; continue }
                        let first = x
                        x += 1
                        while x < columns, old[start + x] != new[start + x] { x += 1 }
                        body(first, y, cells[(start + first)..<(start + x)])
                    }
                }
            }
        }
    }
}
