import GRDB

/// What an exchange batch reads and writes through, on either store: SQLite's SQL with
/// `?` arguments, on the transaction the import or export runs in. A PostgreSQL session
/// carries the SQL over as it carries a record's parts (`nara.` tables, `$n`
/// arguments), so that the import's matching and checks have one owner.
///
/// The SQL keeps to what both databases read alike: `INSERT … ON CONFLICT DO NOTHING`,
/// flags as bound booleans or TRUE, and no rowid.
package protocol ExchangeSQL {
    /// Every row of a read.
    func rows(_ sql: String, _ arguments: [(any DatabaseValueConvertible)?]) throws -> [Row]
    /// A change; a broken constraint throws `ExchangeConstraint`.
    func run(_ sql: String, _ arguments: [(any DatabaseValueConvertible)?]) throws
    /// An insert of one row into a table with an `id`; returns the new row's id.
    func insert(_ sql: String, _ arguments: [(any DatabaseValueConvertible)?]) throws -> Int64
    /// An insert ending in `ON CONFLICT DO NOTHING`: whether the row went in.
    func insertIfMissing(_ sql: String, _ arguments: [(any DatabaseValueConvertible)?]) throws -> Bool
}

/// A row the database refused for a constraint (a second active named contact of a
/// kind): the import names the record in the file that broke it.
package struct ExchangeConstraint: Error {
    package let message: String
    package init(message: String) { self.message = message }
}

/// The exchange's statements on a SQLite connection, each prepared once: an import
/// writes each kind of row tens of thousands of times, and preparing costs more than
/// inserting.
struct SQLiteExchangeSQL: ExchangeSQL {
    let db: Database

    func rows(_ sql: String, _ arguments: [(any DatabaseValueConvertible)?]) throws -> [Row] {
        try Row.fetchAll(db.cachedStatement(sql: sql), arguments: StatementArguments(arguments))
    }

    func run(_ sql: String, _ arguments: [(any DatabaseValueConvertible)?]) throws {
        do {
            try db.cachedStatement(sql: sql).execute(arguments: StatementArguments(arguments))
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            throw ExchangeConstraint(message: error.message ?? "\(error)")
        }
    }

    func insert(_ sql: String, _ arguments: [(any DatabaseValueConvertible)?]) throws -> Int64 {
        try run(sql, arguments)
        return db.lastInsertedRowID
    }

    func insertIfMissing(_ sql: String, _ arguments: [(any DatabaseValueConvertible)?]) throws -> Bool {
        try run(sql, arguments)
        return db.changesCount > 0
    }
}
