import ArgumentParser
import Foundation
import NaraBench
import NaraDomain
import NaraPostgresStore

extension BenchCommand {
    /// The load test (`RegionLoad`): a line per action, then what failed, the server's
    /// connections and memory, and the client's memory per session.
    func runLoad(_ location: PostgresLocation, sessions: Int) throws {
        let report = try RegionLoad(location: location, sessions: sessions, seconds: seconds,
                                    pauseMilliseconds: pauseMs).run()
        if json {
            var object: [String: Double] = ["sessions": Double(sessions), "rounds": Double(report.rounds),
                                            "server_connections": Double(report.serverConnections),
                                            "client_mb_per_session": report.clientMegabytesPerSession,
                                            "failed": Double(report.failed.values.reduce(0, +))]
            if let megabytes = report.serverMegabytes { object["server_mb"] = megabytes }
            for (name, figure) in report.actions {
                let key = name.replacingOccurrences(of: ", ", with: "_").replacingOccurrences(of: " ", with: "_")
                object[key + "_p50_ms"] = figure.p50
                object[key + "_p99_ms"] = figure.p99
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            print(String(decoding: try encoder.encode(object), as: UTF8.self))
        } else {
            print("sessions\t\(sessions) for \(String(format: "%g", seconds)) s, \(report.rounds) rounds")
            for (name, figure) in report.actions {
                print("\(name) (\(figure.samples))\tp50 \(String(format: "%.2f", figure.p50)) ms"
                    + "\tp99 \(String(format: "%.2f", figure.p99)) ms")
            }
            print("server connections, at most\t\(report.serverConnections)")
            print("server memory (PSS)\t" + (report.serverMegabytes.map { String(format: "%.1f MB", $0) }
                ?? "not on this machine"))
            print("client memory per session\t\(String(format: "%.2f", report.clientMegabytesPerSession)) MB")
        }
        for (failure, count) in report.failed.sorted(by: { $0.key < $1.key }) {
            Output.error("bench: \(count) × \(failure)")
        }
        if !report.failed.isEmpty { throw ExitCode(1) }
    }
}
