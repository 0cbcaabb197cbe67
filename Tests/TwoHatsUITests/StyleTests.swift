import Testing
@testable import TwoHatsUI

@Suite("Styles")
struct StyleTests {
    @Test("each style's ordinal is its place among all styles, so tables indexed by it line up")
    func ordinalsFollowAllCases() {
        #expect(Style.allCases.map(\.ordinal) == Array(Style.allCases.indices))
    }
}
