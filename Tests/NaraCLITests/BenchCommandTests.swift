import Foundation
import Testing

/// `nara bench --json` through the real binary on a small demo store: the shape of the
/// report, never its speed (speed is measured by benchmarks, not asserted in tests).
@Suite struct BenchCommandTests {
    static let keys: Set<String> = [
        "keystroke_to_frame_ms", "typeahead_search_ms", "pnr_lookup_us", "pnr_lookup_raw_us", "name_search_ms",
        "open_overview_ms", "work_list_ms", "referral_queue_ms", "first_frame_ms", "rss_mb", "private_mb", "bytes_selection_move", "bytes_full_frame",
        "my_day_first_frame_ms", "my_day_listed_ms", "my_patients_ms",
    ]

    @Test func jsonHoldsEveryFigureWithP50AndP99() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("demo.sqlite").path
        let built = try NaraBinary.run(["demo", "--store", path, "--patients", "600", "--years", "2",
                                        "--today", "2026-11-23"])
        #expect(built.status == 0, "\(built.stderr)")

        let r = try NaraBinary.run(["bench", "--store", path, "--json", "--samples", "100"], home: folder)
        #expect(r.status == 0, "\(r.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(Set(object.keys) == Self.keys)
        for key in Self.keys {
            let figure = try #require(object[key] as? [String: Double], "\(key)")
            #expect(Set(figure.keys) == ["p50", "p99"], "\(key)")
            let p50 = try #require(figure["p50"]), p99 = try #require(figure["p99"])
            #expect(p50 > 0, "\(key)")
            #expect(p50 <= p99, "\(key)")
        }
    }

    @Test func textReportNamesTheBaselineAndTheRatio() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("demo.sqlite").path
        #expect(try NaraBinary.run(["demo", "--store", path, "--patients", "300", "--today", "2026-11-23"]).status == 0)
        let r = try NaraBinary.run(["bench", "--store", path, "--samples", "100"], home: folder)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("pnr lookup (raw statement)"))
        #expect(r.stdout.contains("store API over the raw statement"))
        #expect(r.stdout.contains("start to first frame"))
        #if DEBUG
        // The tests run a debug build, whose figures say little: the report says so.
        #expect(r.stderr.contains("debug build"))
        #expect(r.stderr.contains("Swift runtime as shared libraries"))
        #endif
    }

    @Test func aMissingStoreIsAClearError() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let r = try NaraBinary.run(["bench", "--store", folder.appendingPathComponent("none.sqlite").path, "--json"])
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("nara: "))
        #expect(r.stdout.isEmpty)
    }
}
