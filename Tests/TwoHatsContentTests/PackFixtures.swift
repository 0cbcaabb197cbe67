import Foundation
import Testing
import TwoHatsContent
import TwoHatsDefaultPack

/// The default pack's files, and copies of them with exactly one change, for the loader tests.
enum PackFixtures {
    static let packFile = "pack.yaml"
    static let visionGoals = "contrasts/01-vision-goals.yaml"
    static let sellTell = "contrasts/02-sell-tell.yaml"
    static let relationshipsSystems = "contrasts/03-relationships-systems.yaml"
    static let innovation = "contrasts/05-innovation-status-quo.yaml"

    static var files: [(path: String, text: String)] { PackLoader.defaultFiles }

    static func text(of path: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        guard let file = files.first(where: { $0.path == path }) else {
            Issue.record("the default pack has no file \(path)", sourceLocation: sourceLocation)
            return ""
        }
        return file.text
    }

    /// The default files with `path` replaced by `change(its text)`.
    static func files(
        changing path: String, sourceLocation: SourceLocation = #_sourceLocation,
        _ change: (String) -> String
    ) -> [(path: String, text: String)] {
        let changed = change(text(of: path, sourceLocation: sourceLocation))
        #expect(changed != text(of: path), "the change must change something", sourceLocation: sourceLocation)
        return files.map { $0.path == path ? (path, changed) : $0 }
    }

    /// The default files with one exact piece of text in `path` replaced; the piece must occur once.
    static func files(
        in path: String, replacing old: String, with new: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> [(path: String, text: String)] {
        files(changing: path, sourceLocation: sourceLocation) { text in
            let count = text.components(separatedBy: old).count - 1
            #expect(count == 1, "'\(old)' should occur once in \(path), not \(count) times", sourceLocation: sourceLocation)
            return text.replacingOccurrences(of: old, with: new)
        }
    }

    static func files(without path: String) -> [(path: String, text: String)] {
        files.filter { $0.path != path }
    }

    /// Removes a top-level field and the indented lines that belong to it.
    static func removingField(_ name: String, from text: String) -> String {
        var kept: [Substring] = []
        var skipping = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("\(name):") {
                skipping = true
                continue
            }
            if skipping, line.hasPrefix(" ") { continue }
            skipping = false
            kept.append(line)
        }
        return kept.joined(separator: "\n")
    }

    /// The 1-based number of the only line of `path` that starts with `prefix`.
    static func line(
        startingWith prefix: String, in path: String, sourceLocation: SourceLocation = #_sourceLocation
    ) -> Int? {
        let lines = text(of: path).split(separator: "\n", omittingEmptySubsequences: false)
        let matches = lines.indices.filter { lines[$0].hasPrefix(prefix) }
        #expect(matches.count == 1, "'\(prefix)' should start one line of \(path)", sourceLocation: sourceLocation)
        return matches.first.map { $0 + 1 }
    }

    /// Loads `files`, expecting it to fail, and returns the issues it reports.
    static func issues(
        loading files: [(path: String, text: String)], sourceLocation: SourceLocation = #_sourceLocation
    ) -> [ContentIssue] {
        let error = #expect(throws: ContentPackError.self, sourceLocation: sourceLocation) {
            try PackLoader.load(files: files)
        }
        return error?.issues ?? []
    }

    /// The issues reported for one file of `files`, which must fail to load.
    static func issues(
        loading files: [(path: String, text: String)], in file: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> [ContentIssue] {
        issues(loading: files, sourceLocation: sourceLocation).filter { $0.file == file }
    }

    /// Writes `files` into a new temporary folder, laid out as a pack folder.
    static func writeFolder(_ files: [(path: String, text: String)]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appending(path: "twohats-pack-\(UUID().uuidString)", directoryHint: .isDirectory)
        for file in files {
            let url = folder.appending(path: file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.text.utf8).write(to: url)
        }
        return folder
    }
}

/// What a test asserts about an issue: everything but the wording of its message.
struct Located: Equatable, CustomStringConvertible {
    var kind: ContentIssue.Kind
    var file: String
    var field: String?
    var line: Int?

    init(_ kind: ContentIssue.Kind, _ file: String, field: String? = nil, line: Int? = nil) {
        self.kind = kind
        self.file = file
        self.field = field
        self.line = line
    }

    init(_ issue: ContentIssue) {
        self.init(issue.kind, issue.file, field: issue.field, line: issue.line)
    }

    var description: String { "\(kind) \(file):\(line.map(String.init) ?? "-") \(field ?? "-")" }
}

extension [ContentIssue] {
    var located: [Located] { map(Located.init) }
}
