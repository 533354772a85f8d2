import GRDB
import NaraDomain

/// What `nara bench` measures with, drawn at random from the file.
extension SQLiteStore: BenchmarkSampling {
    public func patientCount() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM patient") ?? 0 }
    }

    public func randomIdentifiers(count: Int) throws -> [String] {
        try read { db in
            try String.fetchAll(db, sql: "SELECT ident FROM patient ORDER BY random() LIMIT ?", arguments: [count])
        }
    }

    public func listedIdentifiers(at unit: UnitID, count: Int) throws -> [String] {
        try read { db in
            try String.fetchAll(db, sql: """
                SELECT p.ident FROM listing l JOIN patient p ON p.id = l.patient_id
                WHERE l.unit_id = ? AND l.to_date IS NULL AND p.protected = 0
                ORDER BY random() LIMIT ?
                """, arguments: [unit.rawValue, count])
        }
    }

    public func randomSearchNames(count: Int) throws -> [String] {
        try read { db in
            try String.fetchAll(db, sql: "SELECT search_name FROM patient WHERE search_name <> '' ORDER BY random() LIMIT ?",
                                arguments: [count])
        }
    }

    public func commonNamePrefix() throws -> String {
        try read { db in
            try String.fetchOne(db, sql: """
                SELECT substr(family_name, 1, 2) AS p FROM patient WHERE protected = 0
                GROUP BY p ORDER BY count(*) DESC LIMIT 1
                """)
        } ?? "an"
    }

    /// One prepared statement on a read-only connection of its own, each lookup a statement
    /// of its own (autocommit), as any real lookup is.
    public func withRawIdentifierLookup<T>(_ body: ((String) throws -> Int64?) throws -> T) throws -> T {
        var config = Configuration()
        config.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: config)
        return try queue.inDatabase { db in
            let statement = try db.makeStatement(sql: "SELECT id FROM patient WHERE ident = ?")
            return try body { ident in try Int64.fetchOne(statement, arguments: [ident]) }
        }
    }
}
