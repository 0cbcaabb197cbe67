/// How tall a scrollable screen's content is against the rows it has, for a given state.
/// The UI measures (it owns the layout); the reducer only clamps to it.
public struct Viewport: Equatable, Sendable {
    public var contentRows: Int
    public var visibleRows: Int
    /// The text field's size on screens that have one.
    public var field: Size

    public init(contentRows: Int, visibleRows: Int, field: Size = Size(columns: 1, rows: 1)) {
        self.contentRows = contentRows
        self.visibleRows = visibleRows
        self.field = field
    }

    public var maxScroll: Int { max(0, contentRows - visibleRows) }
    public var page: Int { max(1, visibleRows - 1) }

    /// The new offset after a scrolling key, or nil when the key does not scroll.
    public func scroll(_ offset: Int, by key: Key) -> Int? {
        let target: Int
        switch key {
        case .up, .character("k"): target = offset - 1
        case .down, .character("j"): target = offset + 1
        case .pageUp: target = offset - page
        case .pageDown, .character(" "): target = offset + page
        case .home, .character("g"): target = 0
        case .end, .character("G"): target = maxScroll
        default: return nil
        }
        return min(max(0, target), maxScroll)
    }
}

/// Measures the scrollable content of the current screen.
public typealias Measure = @Sendable (AppState) -> Viewport
