import GRDB

/// SQLite cannot change a CHECK: a table is made again from its own definition with one
/// piece of it replaced, its rows copied in order, and its indexes made again.
enum TableRebuild {
    static func replacing(_ db: Database, table: String, _ piece: String, with replacement: String,
                          indexes: [String]) throws {
        let old = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?",
                                      arguments: [table])
        guard let old, old.contains(piece), let columns = old.firstIndex(of: "(") else {
            throw DatabaseError(message: "\(table): unexpected definition")
        }
        // The name as written may be quoted (SQLite quotes it after a rename): the columns on.
        try db.execute(sql: "CREATE TABLE \(table)_new " + old[columns...].replacingOccurrences(of: piece, with: replacement))
        try db.execute(sql: """
            INSERT INTO \(table)_new SELECT * FROM \(table) ORDER BY rowid;
            DROP TABLE \(table);
            ALTER TABLE \(table)_new RENAME TO \(table);
            """)
        for index in indexes { try db.execute(sql: index) }
    }
}
