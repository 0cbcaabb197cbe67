import Testing
@testable import TwoHatsContent

struct TextSafetyTests {
    /// The fast range test must say what the Unicode property says, for every scalar.
    @Test func unsafeIsExactlyTheControlsAndTheBidiControls() {
        var disagreements: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let byProperty = scalar.properties.generalCategory == .control || TextSafety.isBidiControl(scalar)
            if TextSafety.isUnsafe(scalar) != byProperty { disagreements.append(value) }
        }
        #expect(disagreements.isEmpty)
    }
}
