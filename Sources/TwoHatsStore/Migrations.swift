import GRDB

/// The schema's history. A new version is one more `registerMigration` appended below; a
/// shipped migration never changes, because databases out there already ran it. That is also
/// why v1 spells its SQL out (the rating range included) rather than deriving it from code
/// that may move on.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1", migrate: v1)
        migrator.registerMigration("v2", migrate: v2)
        return migrator
    }

    /// The tables the migrations leave, GRDB's bookkeeping among them: a file holding any other
    /// table is not ours. Spelled out because building them in a scratch database took 7.7 M
    /// instructions at every start; a test runs the migrations on an empty database and
    /// compares, so this cannot fall behind them.
    static let tables: Set<String> = ["reflection", "rating", "answer", "commitment", "note", "grdb_migrations"]

    private static func v1(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE reflection (
                id TEXT PRIMARY KEY NOT NULL,
                packID TEXT NOT NULL,
                packVersion INTEGER NOT NULL,
                createdAt TEXT NOT NULL,
                updatedAt TEXT NOT NULL,
                completedAt TEXT,
                step INTEGER NOT NULL DEFAULT 0,
                cursorLine INTEGER NOT NULL DEFAULT 0,
                cursorColumn INTEGER NOT NULL DEFAULT 0
            );
            CREATE INDEX reflection_updatedAt ON reflection(updatedAt);

            CREATE TABLE rating (
                reflectionID TEXT NOT NULL REFERENCES reflection(id) ON DELETE CASCADE,
                contrastID TEXT NOT NULL,
                value INTEGER NOT NULL CHECK (value BETWEEN 1 AND 7),
                updatedAt TEXT NOT NULL,
                PRIMARY KEY (reflectionID, contrastID)
            );

            CREATE TABLE answer (
                id TEXT PRIMARY KEY NOT NULL,
                reflectionID TEXT NOT NULL REFERENCES reflection(id) ON DELETE CASCADE,
                contrastID TEXT NOT NULL,
                promptIndex INTEGER NOT NULL,
                promptText TEXT NOT NULL,
                text TEXT NOT NULL,
                createdAt TEXT NOT NULL,
                updatedAt TEXT NOT NULL,
                UNIQUE (reflectionID, contrastID, promptIndex)
            );

            CREATE TABLE commitment (
                id TEXT PRIMARY KEY NOT NULL,
                reflectionID TEXT NOT NULL UNIQUE REFERENCES reflection(id) ON DELETE CASCADE,
                contrastID TEXT NOT NULL,
                text TEXT NOT NULL,
                dueDate TEXT NOT NULL,
                createdAt TEXT NOT NULL,
                updatedAt TEXT NOT NULL
            );

            CREATE TABLE note (
                id TEXT PRIMARY KEY NOT NULL,
                contrastID TEXT,
                text TEXT NOT NULL,
                createdAt TEXT NOT NULL,
                updatedAt TEXT NOT NULL
            );
            CREATE INDEX note_updatedAt ON note(updatedAt);
            """)
    }

    /// Answers lose their second unique index, the one on `id`: an import of ten thousand
    /// reflections inserts some 150,000 answers, and keeping two indexes of random UUIDs in
    /// order was a quarter of SQLite's work. Answers are found by reflection, contrast and
    /// prompt, which stays unique; `id` is only carried for exports, and the merge checks it
    /// is not used twice (Store+Transfer.swift). Rowids are copied, since they keep the order
    /// each reflection's answers were first written in.
    private static func v2(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE answer_v2 (
                id TEXT NOT NULL,
                reflectionID TEXT NOT NULL REFERENCES reflection(id) ON DELETE CASCADE,
                contrastID TEXT NOT NULL,
                promptIndex INTEGER NOT NULL,
                promptText TEXT NOT NULL,
                text TEXT NOT NULL,
                createdAt TEXT NOT NULL,
                updatedAt TEXT NOT NULL,
                UNIQUE (reflectionID, contrastID, promptIndex)
            );
            INSERT INTO answer_v2 (rowid, id, reflectionID, contrastID, promptIndex, promptText, text, createdAt, updatedAt)
                SELECT rowid, id, reflectionID, contrastID, promptIndex, promptText, text, createdAt, updatedAt
                FROM answer ORDER BY rowid;
            DROP TABLE answer;
            ALTER TABLE answer_v2 RENAME TO answer;
            """)
    }
}
