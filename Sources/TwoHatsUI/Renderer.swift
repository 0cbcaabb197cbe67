import TwoHatsCore

/// Turns the app's state into a grid of cells: the View of Model/Update/View.
public enum Renderer {
    public static func render(_ state: AppState) -> Grid {
        var grid = Grid(size: state.size)
        guard state.size.isUsable else {
            TooSmallView.draw(&grid, state)
            return grid
        }
        switch state.route {
        case .home: HomeView.draw(&grid, state)
        case .browse: BrowseView.draw(&grid, state)
        case .detail: DetailView.draw(&grid, state)
        case .about: AboutView.draw(&grid, state)
        }
        if state.isHelpShown { HelpOverlay.draw(&grid, state) }
        return grid
    }

    /// The scrollable height of the current screen; the reducer clamps scrolling to it.
    public static let measure: Measure = { state in
        switch state.route {
        case .detail: DetailView.measure(state)
        case .about: AboutView.measure(state)
        case .home, .browse: Viewport(contentRows: 0, visibleRows: Chrome.bodyHeight(state.size))
        }
    }
}
