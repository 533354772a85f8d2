import Foundation
import NaraPostgresTesting
import NaraPostgresStore
import Testing

/// The client's network thread blocks the signals the terminal loop handles, so the
/// kernel gives a hang-up, an interrupt, a termination or a resize to the loop's thread,
/// whose blocked read they must interrupt.
@Suite(.enabled(if: PostgresTestServer.shouldRun, PostgresTestServer.skipReason))
struct PostgresClientThreadTests {
    @Test func theNetworkThreadBlocksTheTerminalsSignals() throws {
        var before = sigset_t()
        pthread_sigmask(SIG_BLOCK, nil, &before)
        let store = try PG.store()
        let status = try store.client.withConnection { session in
            try session.connection.eventLoop.submit {
                (try? String(contentsOfFile: "/proc/thread-self/status", encoding: .utf8)) ?? ""
            }.wait()
        }
        let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("SigBlk:") })
        let mask = try #require(UInt64(line.dropFirst("SigBlk:".count).trimmingCharacters(in: .whitespaces), radix: 16))
        for signal in [SIGHUP, SIGINT, SIGTERM, SIGWINCH] {
            #expect(mask & (1 << UInt64(signal - 1)) != 0, "signal \(signal) is not blocked on the network thread")
        }
        // The caller's own mask is left as it was.
        var after = sigset_t()
        pthread_sigmask(SIG_BLOCK, nil, &after)
        for signal in [SIGHUP, SIGINT, SIGTERM, SIGWINCH] {
            #expect(sigismember(&after, signal) == sigismember(&before, signal))
        }
    }
}
