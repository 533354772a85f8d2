import Foundation
import GRDB
import NaraDomain
import NaraStore
import PostgresNIO

/// The exchange's statements (`ExchangeSQL`) on a PostgreSQL session, inside a
/// transaction whose `search_path` is `nara` (`PostgresStore.exchanging`): the SQLite SQL
/// runs as written, with `?` numbered `$n` and rowid (the order rows were written) a plan
/// participant's `position`, and elsewhere the physical order: the tables read so
/// (identifiers of other systems, exchange links) are only ever added to. Flags are bound as booleans, which the schema's
/// columns are; a row the schema refuses is an `ExchangeConstraint`, as on SQLite.
struct PostgresExchangeSQL: ExchangeSQL {
    let session: PostgresClient.Session

    func rows(_ sql: String, _ arguments: [(any DatabaseValueConvertible)?]) throws -> [Row] {
        try session.query(Self.query(sql, arguments)).map(PostgresReportSource.row)
    }

    func run(_ sql: String, _ arguments: [(any DatabaseValueConvertible)?]) throws {
        _ = try refusingConstraints { try session.query(Self.query(sql, arguments)) }
    }

    func insert(_ sql: String, _ arguments: [(any DatabaseValueConvertible)?]) throws -> Int64 {
        let rows = try refusingConstraints { try session.query(Self.query(sql + " RETURNING id", arguments)) }
        guard let id = try rows.first?.decode(Int64.self) else { throw StoreError.other("an insert returned no id") }
        return id
    }

    func insertIfMissing(_ sql: String, _ arguments: [(any DatabaseValueConvertible)?]) throws -> Bool {
        try !refusingConstraints { try session.query(Self.query(sql + " RETURNING 1", arguments)) }.isEmpty
    }

    /// A duplicate key (23505) or another refused row (classes 22, 23), as SQLite's constraint error.
    private func refusingConstraints<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch StoreError.duplicate(let message), StoreError.invalid(let message) {
            throw ExchangeConstraint(message: message)
        }
    }

    /// `sql` with its `?` numbered (the exchange's SQL has none in a literal) and rowid carried over.
    static func query(_ sql: String, _ arguments: [(any DatabaseValueConvertible)?]) -> PostgresQuery {
        var numbered = "", n = 0
        let order = sql.contains("plan_participant") ? "position" : "ctid"
        for character in sql.replacing(/\browid\b/, with: order) {
            if character == "?" {
                n += 1
                numbered += "$\(n)"
            } else {
                numbered.append(character)
            }
        }
        var binds = PostgresBindings()
        for argument in arguments {
            guard let argument else {
                binds.appendNull()
                continue
            }
            if let flag = argument as? Bool {
                binds.append(flag)
                continue
            }
            switch argument.databaseValue.storage {
            case .int64(let value): binds.append(value)
            case .double(let value): binds.append(value)
            case .string(let value): binds.append(value)
            case .blob(let data): binds.append(ByteBuffer(bytes: data))
            case .null: binds.appendNull()
            }
        }
        return PostgresQuery(unsafeSQL: numbered, binds: binds)
    }
}
