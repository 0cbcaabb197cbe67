import Foundation
import Testing
import TwoHatsContent
import TwoHatsDefaultPack

@Suite("Loading a pack folder")
struct PackFolderTests {
    typealias F = PackFixtures

    @Test func roundTripOfTheDefaultFiles() throws {
        let folder = try F.writeFolder(PackLoader.defaultFiles)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try PackLoader.load(directory: folder) == PackLoader.defaultPack())
    }

    @Test func otherFilesInTheFolderAreIgnored() throws {
        let extra = [("contrasts/README.md", "# notes\n"), ("notes.txt", "not a pack file")]
        let folder = try F.writeFolder(PackLoader.defaultFiles + extra)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try PackLoader.load(directory: folder) == PackLoader.defaultPack())
    }

    @Test func missingFolder() {
        let folder = FileManager.default.temporaryDirectory.appending(path: "twohats-no-such-\(UUID().uuidString)")
        let error = #expect(throws: ContentPackError.self) { try PackLoader.load(directory: folder) }
        #expect(error?.issues.located == [Located(.missingFile, folder.path)])
        #expect(error?.description == "\(folder.path): no such folder")
    }

    @Test func fileInsteadOfAFolder() throws {
        let folder = try F.writeFolder([("pack.yaml", "id: x\n")])
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appending(path: "pack.yaml")
        let error = #expect(throws: ContentPackError.self) { try PackLoader.load(directory: file) }
        #expect(error?.issues.located == [Located(.missingFile, file.path)])
    }

    @Test func folderWithoutPackFile() throws {
        let folder = try F.writeFolder(F.files(without: F.packFile))
        defer { try? FileManager.default.removeItem(at: folder) }
        let error = #expect(throws: ContentPackError.self) { try PackLoader.load(directory: folder) }
        #expect(error?.issues.located == [Located(.missingFile, F.packFile)])
    }

    @Test func fileThatIsNotUTF8() throws {
        let folder = try F.writeFolder(PackLoader.defaultFiles)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data([0x69, 0x64, 0x3A, 0x20, 0xFF, 0xFE, 0x0A]).write(to: folder.appending(path: F.sellTell))
        let error = #expect(throws: ContentPackError.self) { try PackLoader.load(directory: folder) }
        #expect(error?.issues.located == [Located(.unreadable, F.sellTell)])
    }

    @Test func brokenFileInAFolderIsNamedByItsPathInThePack() throws {
        let folder = try F.writeFolder(F.files(in: F.sellTell, replacing: "number: 2\n", with: "number: five\n"))
        defer { try? FileManager.default.removeItem(at: folder) }
        let error = #expect(throws: ContentPackError.self) { try PackLoader.load(directory: folder) }
        #expect(error?.issues.first.map(Located.init) == Located(.wrongType, F.sellTell, field: "number", line: 2))
    }
}
