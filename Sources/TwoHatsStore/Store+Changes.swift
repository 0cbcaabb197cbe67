import GRDB

extension Store {
    /// A number that changes whenever another connection (another copy of TwoHats) commits to
    /// the file, and never for this store's own writes: SQLite's `data_version`.
    public func dataVersion() throws(StoreError) -> Int {
        try read { db in try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
    }
}
