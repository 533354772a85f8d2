import GRDB

/// Finds a patient's row id by identifier on a connection of its own.
///
/// A lookup is one indexed row. Through the pool it also paid for taking a reader, a
/// dispatch to the reader's queue and a BEGIN/COMMIT pair, five times the cost of the
/// statement itself (BENCHMARKS.md). Here it is one cached statement in autocommit
/// mode: a single SELECT reads one consistent snapshot without a transaction around it.
final class IdentifierLookup: Sendable {
    private let queue: DatabaseQueue

    init(path: String) throws {
        var config = Configuration()
        config.readonly = true
        config.label = "nara.lookup"
        config.prepareDatabase { db in
            // An index descent touches four or five pages; a small cache keeps the
            // upper levels of the index without adding to a session's memory.
            try db.execute(sql: "PRAGMA cache_size = -512")
        }
        queue = try DatabaseQueue(path: path, configuration: config)
    }

    func releaseMemory() {
        try? queue.inDatabase { db in try db.execute(sql: "PRAGMA shrink_memory") }
    }

    func patientID(ident: String) throws -> Int64? {
        try queue.inDatabase { db in
            try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM patient WHERE ident = ?"), arguments: [ident])
        }
    }
}
