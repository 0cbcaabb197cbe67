import Foundation
import TwoHatsExport

// How values look in the file. Ids are lowercase UUID text (GRDB would bind a UUID as a
// 16-byte blob), so the file reads well in `sqlite3` and exports need no conversion. Dates are
// GRDB's default text, "yyyy-MM-dd HH:mm:ss.SSS" in UTC: it sorts in time order, reads the same
// in any time zone, and GRDB's decoder reads it back. SQL binds these texts, never the values.

extension UUID {
    var databaseText: String { UUIDText.text(self) }
}

extension Date {
    /// The date as it reads back from the file: the nearest whole millisecond, the precision
    /// the file keeps. GRDB's parser lands within a hair of the
    /// millisecond, not on the Date a caller built from it, so reads go through this too: the
    /// value a create call hands out equals what a later load gives.
    var asStored: Date { Timestamp.date(milliseconds: Timestamp.milliseconds(self)) }

    /// The stored text, written from the same whole millisecond as `asStored` with integer
    /// arithmetic, so the two agree however a date formatter would round a binary fraction
    /// (and a bulk import need not build a Calendar per timestamp).
    var databaseText: String { Timestamp.storage(self) }
}
