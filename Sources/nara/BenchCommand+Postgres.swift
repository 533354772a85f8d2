import Foundation
import NaraBench
import NaraDomain
import NaraPostgresStore

extension BenchCommand {
    /// The benchmark on a PostgreSQL store: the figures of what that store serves so far
    /// (lookup beside the raw statement, name search), keyed as on SQLite so the two
    /// tables can be set side by side. Sessions do not run on it yet, so there are no
    /// key-to-frame, start-up or memory figures; stderr says so.
    func runOnPostgres(_ location: PostgresLocation, samples: Int) throws {
        let store = try PostgresStore.open(location: location)
        let report = try StoreBenchmark(store: store, user: userOption.user.map { StaffID($0) }, samples: samples).run()
        Output.error("bench: on PostgreSQL, only the store's figures so far; sessions still run on a SQLite file")
        Self.printFigures([
            ("pnr_lookup_us", "pnr lookup (store API)", "µs", report.pnrLookupMicroseconds),
            ("pnr_lookup_raw_us", "pnr lookup (raw statement)", "µs", report.pnrLookupRawMicroseconds),
            ("name_search_ms", "name search, top 50", "ms", report.nameSearchMilliseconds),
        ], patients: report.patients, json: json)
    }
}
