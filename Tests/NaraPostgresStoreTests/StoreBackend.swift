import Foundation
import NaraDomain
import NaraPostgresStore
import NaraPostgresTesting
import NaraStore
import Testing

/// The stores the conformance suites run against. PostgreSQL is among them when a
/// server was found, and always under CI (where a missing server then fails the test).
enum StoreBackend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite, postgres

    static var available: [StoreBackend] { PostgresTestServer.shouldRun ? [.sqlite, .postgres] : [.sqlite] }

    var testDescription: String { rawValue }
}

/// A new, empty store of one backend, for one test: a temporary SQLite file, or a fresh
/// PostgreSQL database on the test server. `store` offers the protocols both stores
/// conform to so far.
struct BackendStore {
    let backend: StoreBackend
    let store: any DirectoryStore & PatientSearchStore & ChangeWatching
    private let folder: URL?

    init(_ backend: StoreBackend) throws {
        self.backend = backend
        switch backend {
        case .sqlite:
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nara-conf-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            self.folder = folder
            store = try SQLiteStore.open(at: folder.appendingPathComponent("clinic.sqlite").path,
                                         mode: .createIfMissing(.production))
        case .postgres:
            folder = nil
            store = try PostgresStore.open(location: try PostgresTestServer.require().makeDatabase())
        }
    }

    init(backend: StoreBackend, store: any DirectoryStore & PatientSearchStore & ChangeWatching) {
        self.backend = backend
        self.store = store
        folder = nil
    }

    func remove() {
        if let folder { try? FileManager.default.removeItem(at: folder) }
    }
}
