import Foundation
import NaraPostgresStore
import Testing

/// A PostgreSQL server for the tests, found or made once per test process:
///
/// - `NARA_TEST_POSTGRES_URL`, when set, names a server and a database on it where the
///   tests may create databases (`postgresql://nara@/postgres?host=/tmp/pg`);
/// - otherwise the newest `initdb` under `/usr/lib/postgresql/*/bin` makes a throwaway
///   cluster in a temporary folder (as the user `postgres` when the tests run as root,
///   since the server refuses root), started on a Unix socket in that folder with no
///   TCP port, so nothing collides with another server on the machine. It is stopped
///   and deleted when the test process exits; a watchdog process does the same if the
///   test process dies without exiting.
///
/// Each suite gets a fresh database of its own (`makeDatabase()`), so suites can run
/// in parallel. When no PostgreSQL can be found, the PostgreSQL tests are skipped with
/// the reason, except under `CI=true`, where they fail: CI installs PostgreSQL, and a
/// broken set-up must not pass as "SQLite only".
public final class PostgresTestServer: Sendable {
    /// The server of this test process, or why there is none.
    public static let shared: Result<PostgresTestServer, PostgresMissing> = start()

    public struct PostgresMissing: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// Whether the PostgreSQL tests should run: there is a server, or this is CI, where
    /// they run and fail when there is none.
    public static var shouldRun: Bool {
        if case .success = shared { return true }
        return ProcessInfo.processInfo.environment["CI"] == "true"
    }

    /// The reason given when the PostgreSQL tests are skipped.
    public static var skipReason: Comment {
        if case .failure(let missing) = shared { return Comment(rawValue: "PostgreSQL tests skipped: \(missing)") }
        return "PostgreSQL is available"
    }

    /// The server, or a recorded failure (the caller stops there): under CI the missing
    /// server is an issue, elsewhere the tests were already skipped by `shouldRun`.
    public static func require(sourceLocation: SourceLocation = #_sourceLocation) throws -> PostgresTestServer {
        switch shared {
        case .success(let server): return server
        case .failure(let missing):
            Issue.record("PostgreSQL is missing, so the PostgreSQL half of the store tests did not run: \(missing)",
                         sourceLocation: sourceLocation)
            throw missing
        }
    }

    /// Where to connect as the cluster's administrator, to the database `postgres`.
    public let admin: PostgresLocation
    let cluster: TestCluster?

    init(admin: PostgresLocation, cluster: TestCluster?) {
        self.admin = admin
        self.cluster = cluster
    }

    /// A new empty database, UTF-8 with C collation, named `nara_t_<random>`; dropped at
    /// exit when the server is not a throwaway one.
    public func makeDatabase() throws -> PostgresLocation {
        let name = "nara_t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        try TestCluster.run(sql: """
            CREATE DATABASE \(name) TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'
            """, at: admin)
        if cluster == nil { TestCluster.dropAtExit(name, admin: admin) }
        TestCluster.markRan()
        var location = admin
        location.database = String(name)
        return location
    }

    static func start() -> Result<PostgresTestServer, PostgresMissing> {
        let environment = ProcessInfo.processInfo.environment
        if let url = environment["NARA_TEST_POSTGRES_URL"], !url.isEmpty {
            do {
                let admin = try PostgresLocation.parse(url: url)
                try TestCluster.run(sql: "SELECT 1", at: admin)
                return .success(PostgresTestServer(admin: admin, cluster: nil))
            } catch {
                return .failure(PostgresMissing(description: "NARA_TEST_POSTGRES_URL cannot be used: \(error)"))
            }
        }
        do {
            let cluster = try TestCluster.make()
            return .success(PostgresTestServer(admin: cluster.admin, cluster: cluster))
        } catch let missing as PostgresMissing {
            return .failure(missing)
        } catch {
            return .failure(PostgresMissing(description: "the test cluster did not start: \(error)"))
        }
    }
}
