import Foundation
import GRDB
import TwoHatsCore

extension Store {
    /// One window of the history list: reflections and notes together, the most recently
    /// changed first, read through both `updatedAt` indexes at once so that the first screen
    /// of a long history costs what a short one does.
    public func historyPage(_ query: HistoryQuery) throws(StoreError) -> HistoryPage {
        try read { db in
            let matching = HistoryMatching(query.filter)
            if let function = matching.noteFunction { db.add(function: function) }
            defer { if let function = matching.noteFunction { db.remove(function: function) } }
            let total = try Int.fetchOne(db, sql: """
                SELECT (SELECT COUNT(*) FROM reflection WHERE \(matching.reflectionCondition))
                     + (SELECT COUNT(*) FROM note WHERE \(matching.noteCondition))
                """) ?? 0
            // Ties in updatedAt go to the later insert, as everywhere else in the store.
            let rows = try Row.fetchAll(db, sql: """
                SELECT 0 AS kind, rowid AS sequence, id, createdAt, updatedAt, completedAt, step, NULL AS contrastID, NULL AS text
                    FROM reflection WHERE \(matching.reflectionCondition)
                UNION ALL
                SELECT 1, rowid, id, createdAt, updatedAt, NULL, NULL, contrastID, text
                    FROM note WHERE \(matching.noteCondition)
                ORDER BY updatedAt DESC, kind, sequence DESC
                LIMIT ? OFFSET ?
                """, arguments: [query.limit, query.offset])
            let ratings = try ratings(of: rows.filter { $0["kind"] == 0 }.map { $0["id"] as String }, db)
            let entries = try rows.map { row throws -> HistoryEntry in
                let id = try ListRows.uuid(row, 2, path: path)
                let createdAt = try ListRows.date(row, 3, path: path)
                let updatedAt = try ListRows.date(row, 4, path: path)
                if row["kind"] == 0 {
                    return .reflection(ReflectionSummary(
                        id: id, createdAt: createdAt, updatedAt: updatedAt,
                        completedAt: try ListRows.optionalDate(row, 5, path: path),
                        ratings: ratings[row[2]] ?? [:], step: row[6]
                    ))
                }
                return .note(Note(id: id, contrastID: row[7], text: row[8], createdAt: createdAt, updatedAt: updatedAt))
            }
            return HistoryPage(query: query, total: total, entries: entries)
        }
    }

    /// The ratings of just these reflections, by reflection id then contrast id.
    private func ratings(of reflections: [String], _ db: Database) throws -> [String: [String: Int]] {
        guard !reflections.isEmpty else { return [:] }
        var ratings: [String: [String: Int]] = [:]
        let placeholders = Array(repeating: "?", count: reflections.count).joined(separator: ", ")
        let rows = try Row.fetchCursor(db, sql: """
            SELECT reflectionID, contrastID, value FROM rating WHERE reflectionID IN (\(placeholders))
            """, arguments: StatementArguments(reflections))
        while let row = try rows.next() {
            ratings[row[0], default: [:]][row[1]] = row[2] as Int
        }
        return ratings
    }
}

/// The history filter as SQL. A reflection matches by its status alone, which is known
/// before the query runs; a note's text is matched by the filter itself, through a function
/// the connection calls, so that case and accents are ignored exactly as Core ignores them.
private struct HistoryMatching {
    let reflectionCondition: String
    let noteCondition: String
    /// Only a filter needs one.
    let noteFunction: DatabaseFunction?

    init(_ filter: HistoryFilter?) {
        guard let filter else {
            reflectionCondition = "1"
            noteCondition = "1"
            noteFunction = nil
            return
        }
        noteFunction = DatabaseFunction("twohats_note_matches", argumentCount: 2, pure: true) { values in
            filter.matchesNote(contrastID: String.fromDatabaseValue(values[0]), text: String.fromDatabaseValue(values[1]) ?? "")
        }
        let unfinished = filter.matchesReflection(complete: false)
        let finished = filter.matchesReflection(complete: true)
        reflectionCondition = switch (unfinished, finished) {
        case (true, true): "1"
        case (true, false): "completedAt IS NULL"
        case (false, true): "completedAt IS NOT NULL"
        case (false, false): "0"
        }
        noteCondition = "twohats_note_matches(contrastID, text)"
    }
}
