import Foundation
import NaraPostgresStore
import NaraPostgresTesting
import PostgresNIO
import Testing

/// Helpers for the PostgreSQL-only suites.
enum PG {
    /// A fresh database on the test server (the suite fails under CI when there is none).
    static func database() throws -> PostgresLocation {
        try PostgresTestServer.require().makeDatabase()
    }

    /// A migrated store on a fresh database.
    static func store() throws -> PostgresStore {
        try PostgresStore.open(location: try database())
    }

    /// SQL as the administrator (a superuser of the test cluster) on the store's database.
    @discardableResult
    static func admin(_ store: PostgresStore, _ sql: String) throws -> [PostgresRow] {
        try store.client.query(PostgresQuery(unsafeSQL: sql))
    }

    /// Runs `body(i)` for i in 0..<count on threads of their own, all at once, and waits:
    /// unlike `concurrentPerform`, not limited to the number of cores.
    static func onThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        let group = DispatchGroup()
        for i in 0..<count {
            group.enter()
            let thread = Thread {
                body(i)
                group.leave()
            }
            thread.start()
        }
        group.wait()
    }
}

/// Errors gathered from several threads.
final class Errors: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var all: [any Error] = []
    func add(_ error: any Error) { lock.withLock { all.append(error) } }
}
