import Foundation

// Writing the JSON shape of an export (docs/export-format.md): keys in the documented order,
// ids as lowercase UUID text, times as ISO-8601 UTC, absent values as null.

extension UUID {
    /// Lowercase, as RFC 4122 writes UUIDs and as the store keeps them.
    var archiveText: String { UUIDText.text(self) }
}

extension JSONWriter {
    mutating func id(_ value: UUID) {
        string(value.archiveText)
    }

    mutating func archive(_ header: ArchiveHeader, _ source: any ArchiveSource) throws {
        try object { json in
            json.key("schemaVersion"); json.number(header.schemaVersion)
            json.key("exportedAt"); json.date(header.exportedAt)
            json.key("appVersion"); json.string(header.appVersion)
            json.key("since"); json.optional(header.since) { $0.date($1) }
            json.key("reflections")
            try json.array { json in
                try source.forEachReflection(oldestFirst: false, ratingsOnly: false) {
                    json.item()
                    json.reflection($0)
                }
            }
            json.key("notes")
            try json.array { json in
                try source.forEachNote {
                    json.item()
                    json.note($0)
                }
            }
        }
    }

    private mutating func reflection(_ reflection: ArchivedReflection) {
        object { json in
            json.key("id"); json.id(reflection.id)
            json.key("packID"); json.string(reflection.packID)
            json.key("packVersion"); json.number(reflection.packVersion)
            json.key("createdAt"); json.date(reflection.createdAt)
            json.key("updatedAt"); json.date(reflection.updatedAt)
            json.key("completedAt"); json.optional(reflection.completedAt) { $0.date($1) }
            json.key("position")
            json.object { json in
                json.key("step"); json.number(reflection.position.step)
                json.key("line"); json.number(reflection.position.line)
                json.key("column"); json.number(reflection.position.column)
            }
            json.key("ratings")
            json.array(reflection.ratings) { json, rating in
                json.object { json in
                    json.key("contrastID"); json.string(rating.contrastID)
                    json.key("value"); json.number(rating.value)
                    json.key("updatedAt"); json.date(rating.updatedAt)
                }
            }
            json.key("answers")
            json.array(reflection.answers) { json, answer in
                json.object { json in
                    json.key("id"); json.id(answer.id)
                    json.key("contrastID"); json.string(answer.contrastID)
                    json.key("promptIndex"); json.number(answer.promptIndex)
                    json.key("prompt"); json.string(answer.prompt)
                    json.key("text"); json.string(answer.text)
                    json.key("createdAt"); json.date(answer.createdAt)
                    json.key("updatedAt"); json.date(answer.updatedAt)
                }
            }
            json.key("commitment")
            json.optional(reflection.commitment) { json, commitment in
                json.object { json in
                    json.key("id"); json.id(commitment.id)
                    json.key("contrastID"); json.string(commitment.contrastID)
                    json.key("text"); json.string(commitment.text)
                    json.key("dueDate"); json.date(commitment.dueDate)
                    json.key("createdAt"); json.date(commitment.createdAt)
                    json.key("updatedAt"); json.date(commitment.updatedAt)
                }
            }
        }
    }

    private mutating func note(_ note: ArchivedNote) {
        object { json in
            json.key("id"); json.id(note.id)
            json.key("contrastID"); json.optional(note.contrastID) { $0.string($1) }
            json.key("text"); json.string(note.text)
            json.key("createdAt"); json.date(note.createdAt)
            json.key("updatedAt"); json.date(note.updatedAt)
        }
    }
}
