import Foundation
import Testing
@testable import TwoHatsCommands

/// The moment and zone the commands see in these tests, so their output is the same every run.
/// 2026-06-02 08:53 UTC, the day after the seed's default base date.
let testNow = Date(timeIntervalSince1970: 1_780_390_400)
let testZone = TimeZone(identifier: "Europe/Berlin")!

/// Runs a command line in-process and returns what it wrote to standard output.
func run(_ arguments: [String]) throws -> String {
    let command = try TwoHatsCommand.parseAsRoot(arguments)
    let contextual = try #require(command as? any ContextualCommand, "\(arguments) is not a command with output")
    var output = ""
    try contextual.run(in: CommandContext(console: Console(width: 80) { output += $0 }, now: testNow, timeZone: testZone))
    return output
}

/// The failure a command line ends in, or nil when it succeeds.
func failure(_ arguments: [String]) -> Failure? {
    do {
        _ = try run(arguments)
        return nil
    } catch let failure as Failure {
        return failure
    } catch {
        Issue.record("\(arguments) failed with \(error) instead of a Failure")
        return nil
    }
}

/// Runs `body` with a new temporary folder, removed afterwards.
func withFolder<T>(_ body: (URL) throws -> T) throws -> T {
    let folder = FileManager.default.temporaryDirectory.appending(path: "twohats-commands-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    return try body(folder)
}

/// The database file and its WAL, byte for byte: what a refused import must leave alone.
func databaseBytes(_ dataFolder: URL) -> [Data?] {
    ["twohats.sqlite", "twohats.sqlite-wal"].map { try? Data(contentsOf: dataFolder.appending(path: $0)) }
}
