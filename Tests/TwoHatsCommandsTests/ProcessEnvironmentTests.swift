import Foundation
import Testing
@testable import TwoHatsCommands

@Suite("The environment the commands read")
struct ProcessEnvironmentTests {
    @Test func readsTheNamedVariablesAndNothingElse() {
        var asked: [String] = []
        let values = ProcessEnvironment.read { name in
            asked.append(name)
            return name == "HOME" ? "/home/someone" : name == "TERM" ? "xterm" : nil
        }
        #expect(asked == ProcessEnvironment.names)
        #expect(values == ["HOME": "/home/someone"])
    }

    @Test func everyVariableTheSourcesLookUpIsNamed() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "../../Sources/TwoHatsCommands").standardized
        let files = try FileManager.default.contentsOfDirectory(atPath: sources.path).filter { $0.hasSuffix(".swift") }
        #expect(!files.isEmpty)
        var used: Set<String> = []
        for file in files {
            let text = try String(contentsOf: sources.appending(path: file), encoding: .utf8)
            for match in text.matches(of: /environment\["([A-Z_]+)"\]/) { used.insert(String(match.1)) }
        }
        #expect(used.contains("HOME"), "the pattern finds the lookups")
        #expect(used.subtracting(ProcessEnvironment.names).isEmpty, "looked up but never read: \(used.subtracting(ProcessEnvironment.names))")
    }
}
