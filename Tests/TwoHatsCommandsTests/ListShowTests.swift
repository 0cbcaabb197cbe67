import Foundation
import Testing
import TwoHatsContent
import TwoHatsDefaultPack
import TwoHatsCore
@testable import TwoHatsCommands

@Suite("list and show")
struct ListShowTests {
    @Test("list and show 2 match their golden output at 80 and 40 columns", arguments: [80, 40])
    func golden(width: Int) throws {
        try Fixtures.expectGolden(try CommandRunner.run(["list"], width: width).output, "list-\(width).txt")
        try Fixtures.expectGolden(try CommandRunner.run(["show", "2"], width: width).output, "show-2-\(width).txt")
    }

    @Test("list gives each contrast its number, title and both pole names")
    func listNamesEveryContrast() throws {
        let pack = PackLoader.defaultPack()
        let lines = try CommandRunner.run(["list"]).output.split(separator: "\n")
        #expect(lines.count == pack.contrasts.count)
        for (line, contrast) in zip(lines, pack.contrasts) {
            #expect(line.hasPrefix("\(contrast.number)  \(contrast.title)"))
            #expect(line.contains(contrast.leader.name) && line.contains(contrast.manager.name))
        }
    }

    @Test("no line is wider than the console, and no control character is printed", arguments: [20, 33, 40, 57, 80, 132])
    func linesFitTheWidth(width: Int) throws {
        for arguments in [["list"], ["show", "1"], ["show", "4"]] {
            let output = try CommandRunner.run(arguments, width: width).output
            for line in output.split(separator: "\n") {
                #expect(DisplayWidth.of(line) <= width, "\(arguments) at \(width): \(line)")
            }
            #expect(!output.unicodeScalars.contains { $0 != "\n" && TextSafety.isUnsafe($0) })
        }
    }

    @Test("show finds a contrast by id as well as by number")
    func showByID() throws {
        #expect(try CommandRunner.run(["show", "sell-tell"]).output == CommandRunner.run(["show", "2"]).output)
    }

    @Test("show prints every part of the contrast")
    func showHasEveryPart() throws {
        let pack = PackLoader.defaultPack()
        let contrast = pack.contrasts[2]
        let output = try CommandRunner.run(["show", "3"], width: 1000).output
        let parts = [contrast.title, contrast.summary, contrast.leader.headline, contrast.manager.headline, contrast.move, contrast.balance]
            + contrast.leader.points + contrast.manager.points + pack.sources(of: contrast).map(\.citation)
        for part in parts {
            #expect(output.contains(part), "missing: \(part)")
        }
    }

    @Test("an unknown contrast is a usage error that names the valid choices", arguments: ["9", "0", "vision", ""])
    func unknownContrast(choice: String) throws {
        let outcome = try CommandRunner.run(["show", choice])
        let failure = try #require(outcome.failure)
        #expect(failure.exitCode == Failure.usage)
        #expect(failure.message.contains("1 to 5"))
        #expect(failure.message.contains("sell-tell"))
        #expect(outcome.output.isEmpty)
    }

    @Test("list and show read the pack given with --content")
    func otherPack() throws {
        let folder = try Fixtures.initialisedPack(
            changing: "contrasts/02-sell-tell.yaml", replacing: "title: \"Sell ↔ Tell\"", with: "title: \"Persuade ↔ Order\""
        )
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try CommandRunner.run(["list", "--content", folder.path]).output.contains("2  Persuade ↔ Order"))
        #expect(try CommandRunner.run(["show", "2", "--content", folder.path]).output.contains("Persuade ↔ Order"))
    }

    @Test("an invalid or missing --content pack is refused on one line that points to content check")
    func invalidPack() throws {
        let folder = Fixtures.brokenPacks.appending(path: "several-problems").path
        let failure = try #require(try CommandRunner.run(["show", "1", "--content", folder]).failure)
        #expect(failure.exitCode == Failure.usage)
        #expect(!failure.message.contains("\n"))
        #expect(failure.message == "the content pack in \(folder) is not valid: \(folder)/pack.yaml:2: field 'version': "
            + "should be a whole number (and 2 more); 'twohats content check \(folder)' lists every problem")
        let missing = try #require(try CommandRunner.run(["list", "--content", folder + "-missing"]).failure)
        #expect(missing.exitCode == Failure.usage)
        #expect(missing.message.contains("no content pack folder"))
    }
}
