import Foundation
import NaraDomain
import NaraPostgresTesting
import PostgresNIO
import Testing
@testable import NaraPostgresStore

/// A server that cannot be reached, or a connection that was cut: a clear
/// `.unavailable`, never a crash or a hang, and the next call connects again.
@Suite(.enabled(if: PostgresTestServer.shouldRun, PostgresTestServer.skipReason))
struct PostgresHangUpTests {
    /// What was decided: the call that finds the connection gone may fail with
    /// `.unavailable` (it may have been a write the server committed, so it is not
    /// repeated behind the caller's back); the call after it connects again. A
    /// connection the client already saw closed is replaced before the call.
    @Test func aTerminatedBackendIsReplacedOnTheNextCall() throws {
        let location = try PG.database()
        let store = try PostgresStore.open(location: location)
        try store.addUnit(CareUnit(id: "SE2321000164-vc01", name: "Vårdcentralen", principal: .region, kind: .primaryCare))
        let pid = try #require(try store.client.query("SELECT pg_backend_pid()").first?.decode(Int32.self))
        let admin = PostgresClient(location: try PostgresTestServer.require().admin)
        #expect(try admin.query("SELECT pg_terminate_backend(\(pid))").first?.decode(Bool.self) == true)
        var outcomes: [String] = []
        for _ in 0..<2 {
            do {
                outcomes.append("units \(try store.units().count)")
            } catch let error as StoreError {
                guard case .unavailable(let why) = error else {
                    Issue.record("not .unavailable: \(error)")
                    return
                }
                outcomes.append("unavailable")
                #expect(error.description.hasPrefix("the database cannot be reached"), "\(why)")
            }
        }
        #expect(outcomes.last == "units 1", "\(outcomes)")
        #expect(outcomes == ["units 1", "units 1"] || outcomes == ["unavailable", "units 1"])
        #expect(store.connectionsOpened == 2)
        let newPid = try #require(try store.client.query("SELECT pg_backend_pid()").first?.decode(Int32.self))
        #expect(newPid != pid)
    }

    @Test func aMissingSocketIsUnavailableAtOnce() throws {
        let folder = "/tmp/nara-no-server-\(UUID().uuidString.prefix(8))"
        let location = try PostgresLocation.parse(url: "postgresql://nara@/nara?host=\(folder)&connect_timeout=2")
        let started = Date()
        let error = #expect(throws: StoreError.self) { try PostgresStore.open(location: location) }
        guard case .unavailable(let why)? = error else {
            Issue.record("not .unavailable: \(String(describing: error))")
            return
        }
        #expect(why.contains(location.description), "\(why)")
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test func aClosedPortIsUnavailable() throws {
        // Port 9 (discard) on loopback: nothing listens there on a test machine.
        let location = try PostgresLocation.parse(url: "postgresql://nara@127.0.0.1:9/nara?connect_timeout=2")
        let error = #expect(throws: StoreError.self) { try PostgresStore.open(location: location) }
        guard case .unavailable? = error else {
            Issue.record("not .unavailable: \(String(describing: error))")
            return
        }
    }

    /// A statement longer than `statement_timeout` is cancelled by the server, and the
    /// store says so; the connection stays usable.
    @Test func aSlowStatementTimesOut() throws {
        var location = try PG.database()
        location.statementTimeoutMs = 200
        let store = try PostgresStore.open(location: location)
        let error = #expect(throws: StoreError.self) { try store.client.query("SELECT pg_sleep(3)") }
        guard case .unavailable(let why)? = error else {
            Issue.record("not .unavailable: \(String(describing: error))")
            return
        }
        #expect(why.contains("did not answer in time"), "\(why)")
        #expect(try store.units().isEmpty)
        #expect(store.connectionsOpened == 1)
    }

    @Test func aWrongDatabaseNameIsUnavailableWithTheServersWords() throws {
        var location = try PostgresTestServer.require().admin
        location.database = "no_such_database"
        let error = #expect(throws: StoreError.self) { try PostgresStore.open(location: location) }
        guard case .unavailable(let why)? = error else {
            Issue.record("not .unavailable: \(String(describing: error))")
            return
        }
        #expect(why.contains("no_such_database"), "\(why)")
    }
}
