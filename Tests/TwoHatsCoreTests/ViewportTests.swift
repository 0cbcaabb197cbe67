import Testing
import TwoHatsCore

@Suite("Viewport")
struct ViewportTests {
    @Test func maxScrollIsTheOverflowAndNeverNegative() {
        #expect(Viewport(contentRows: 40, visibleRows: 10).maxScroll == 30)
        #expect(Viewport(contentRows: 10, visibleRows: 10).maxScroll == 0)
        #expect(Viewport(contentRows: 3, visibleRows: 10).maxScroll == 0)
        #expect(Viewport(contentRows: 5, visibleRows: -4).maxScroll == 9)
    }

    @Test func aPageKeepsOneLineInViewAndIsAtLeastOne() {
        #expect(Viewport(contentRows: 40, visibleRows: 10).page == 9)
        #expect(Viewport(contentRows: 40, visibleRows: 1).page == 1)
        #expect(Viewport(contentRows: 40, visibleRows: 0).page == 1)
    }

    @Test func keysThatDoNotScrollGiveNil() {
        let viewport = Viewport(contentRows: 40, visibleRows: 10)
        for key in [Key.left, .right, .enter, .escape, .tab, .character("x"), .character("q"), .control("d")] {
            #expect(viewport.scroll(5, by: key) == nil, "\(key)")
        }
    }

    @Test func anOffsetBeyondTheEndIsBroughtBackByAnyScrollKey() {
        let viewport = Viewport(contentRows: 40, visibleRows: 10)
        #expect(viewport.scroll(100, by: .up) == 30)
        #expect(viewport.scroll(100, by: .down) == 30)
        #expect(viewport.scroll(-5, by: .up) == 0)
    }
}
