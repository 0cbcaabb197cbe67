import Foundation
import TwoHatsCore

extension Store {
    /// Writes one of the reducer's saves, stamped `at`.
    public func apply(_ save: Save, at now: Date) throws(StoreError) {
        switch save {
        case let .rating(reflection, contrastID, value):
            try saveRating(reflection: reflection, contrastID: contrastID, value: value, at: now)
        case let .answer(reflection, key, prompt, text):
            try saveAnswer(reflection: reflection, key: key, promptText: prompt, text: text, at: now)
        case let .position(reflection, position):
            try savePosition(reflection: reflection, position: position, at: now)
        case let .commitment(reflection, commitment):
            try saveCommitment(reflection: reflection, commitment: commitment, at: now)
        case let .complete(reflection):
            try complete(reflection: reflection, at: now)
        case let .note(id, lines):
            try saveNote(id: id, text: lines.text, at: now)
        }
    }
}
