import NaraDomain
import NaraPostgresStore
import Testing

/// `postgresql://` URLs as libpq reads them, and refusals that say what is wrong.
@Suite struct PostgresLocationTests {
    @Test func aTCPURLWithEverything() throws {
        let l = try PostgresLocation.parse(url: "postgresql://nara_app:s%40cret@db.region.se:6432/nara"
            + "?sslmode=require&connect_timeout=5&statement_timeout=2000&application_name=nara-vc01")
        #expect(l.endpoint == .tcp(host: "db.region.se", port: 6432))
        #expect(l.user == "nara_app" && l.password == "s@cret" && l.database == "nara")
        #expect(l.tls == .require && l.connectTimeout == 5 && l.statementTimeoutMs == 2000)
        #expect(l.applicationName == "nara-vc01")
        #expect(!l.description.contains("s@cret") && !l.description.contains("cret"))
    }

    @Test func defaults() throws {
        let l = try PostgresLocation.parse(url: "postgres://nara@localhost")
        #expect(l.endpoint == .tcp(host: "localhost", port: 5432))
        #expect(l.database == "nara" && l.password == nil && l.tls == .disable)
        #expect(l.connectTimeout == 10 && l.statementTimeoutMs == 30_000)
    }

    @Test func aSocketFolderAsQueryOrEncodedHost() throws {
        let a = try PostgresLocation.parse(url: "postgresql://nara@/postgres?host=/tmp/pg%20x&port=6432")
        #expect(a.endpoint == .socket(directory: "/tmp/pg x", port: 6432))
        #expect(a.socketPath == "/tmp/pg x/.s.PGSQL.6432")
        let b = try PostgresLocation.parse(url: "postgresql://nara@%2Frun%2Fpostgresql:5433/nara")
        #expect(b.endpoint == .socket(directory: "/run/postgresql", port: 5433))
        let c = try PostgresLocation.parse(url: "postgresql://nara@/nara")
        #expect(c.endpoint == .socket(directory: "/var/run/postgresql", port: 5432))
    }

    @Test func anIPv6Host() throws {
        let l = try PostgresLocation.parse(url: "postgresql://nara@[::1]:5433/nara")
        #expect(l.endpoint == .tcp(host: "::1", port: 5433))
        #expect(l.description == "postgresql://nara@[::1]:5433/nara")
    }

    @Test func theUserAndDatabaseMayComeAsOptions() throws {
        let l = try PostgresLocation.parse(url: "postgresql://localhost?user=anna&dbname=region%C3%B6")
        #expect(l.user == "anna" && l.database == "regionö")
    }

    @Test(arguments: [
        ("postgresql://db.region.se/nara", "names no user"),
        ("mysql://nara@db/nara", "must start with postgresql://"),
        ("postgresql://nara@db:99999/nara", "the port must be a number"),
        ("postgresql://nara@db:abc/nara", "the port must be a number"),
        ("postgresql://nara@db/nara?sslmode=allow", "sslmode must be disable or require"),
        ("postgresql://nara@db/nara?frobnicate=1", "unknown option 'frobnicate'"),
        ("postgresql://nara@db/nara?port", "has no value"),
        ("postgresql://nara@db/na%2", "a % is not followed"),
        ("postgresql://nara@db/na%ZZ", "a % is not followed"),
        ("postgresql://nara@db/a/b", "contains a /"),
        ("postgresql://nara@[::1/nara", "lacks its ]"),
        ("postgresql://nara@db/nara?connect_timeout=0", "connect_timeout (seconds) must be"),
        ("postgresql://nara@db/nara?statement_timeout=-5", "statement_timeout (milliseconds) must be"),
        ("postgresql://na%FFra@db/nara", "not valid text"),
        ("postgresql://nara@db/nara x", "contains a space"),
        ("postgresql://", "names no user"),
    ])
    func badURLsAreRefusedWithTheReason(_ url: String, _ reason: String) {
        let error = #expect(throws: StoreError.self) { try PostgresLocation.parse(url: url) }
        guard case .invalid(let text)? = error else {
            Issue.record("not refused as invalid input: \(String(describing: error))")
            return
        }
        #expect(text.hasPrefix("the PostgreSQL location is not valid") && text.contains(reason), "\(text)")
    }

    @Test func onlyPostgresURLsCountAsURLs() {
        #expect(PostgresLocation.isURL("postgresql://x@y") && PostgresLocation.isURL("POSTGRES://x@y"))
        #expect(!PostgresLocation.isURL("/srv/nara/clinic.sqlite") && !PostgresLocation.isURL("region.conf"))
    }
}
