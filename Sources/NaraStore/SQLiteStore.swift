import Foundation
import GRDB
import NaraDomain

/// The embedded store: one SQLite file in WAL mode shared by every session on a clinic
/// server. Implements `CareStore`; every patient read and write goes through `door`.
public final class SQLiteStore: Sendable {
    public let path: String
    public let kind: StoreKind
    public let demoUser: StaffID?
    public let readOnly: Bool
    let writer: any DatabaseWriter
    let clock: any NaraDomain.Clock
    private let watcher: ChangeWatcher
    /// Held while the store is open, so that a restore cannot replace the file under it.
    private let presence: SessionPresence
    let lookup: IdentifierLookup
    /// What this session's lists have logged lately (`logShown`).
    let shownMemory = ShownMemory()
    /// Where `recordingStatements` collects what the readers run, while it runs.
    let readerRecorder = ReaderRecorder()

    public enum OpenMode: Sendable, Equatable {
        /// The file must exist and be a Nära store.
        case existing
        /// Create an empty store of this kind when no file is there.
        case createIfMissing(StoreKind)
    }

    public static func open(at path: String, mode: OpenMode = .existing, readOnly: Bool = false,
                            clock: any NaraDomain.Clock = SystemClock()) throws -> SQLiteStore {
        do {
            return try openUnmapped(at: path, mode: mode, readOnly: readOnly, clock: clock, inspecting: false)
        } catch {
            throw StoreError.from(error, path: path)
        }
    }

    /// Opens a copy (a backup, or a file about to be restored) read-only to check it:
    /// no presence lock beside it, and a copy from an older version is accepted as it is.
    static func openCopy(at path: String) throws -> SQLiteStore {
        do {
            return try openUnmapped(at: path, mode: .existing, readOnly: true, clock: SystemClock(), inspecting: true)
        } catch {
            throw StoreError.from(error, path: path)
        }
    }

    private static func openUnmapped(at given: String, mode: OpenMode, readOnly: Bool,
                                     clock: any NaraDomain.Clock, inspecting: Bool) throws -> SQLiteStore {
        let fm = FileManager.default
        // The real path names the lock and sessions files, so that a session through a
        // symlink is seen by a restore through the real name (and the other way round).
        var path = StoreFiles.resolve(given)
        let exists = fm.fileExists(atPath: path)
        if !exists {
            guard case .createIfMissing = mode, !readOnly else { throw StoreError.missing(path: given) }
            try StoreFiles.makeFolder((path as NSString).deletingLastPathComponent)
            path = StoreFiles.resolve(given)
            if !inspecting { try StoreFiles.checkOthersCannotWrite(store: path) }
            // Made here, 0600, before SQLite opens it: its -wal and -shm take this mode.
            try StoreFiles.createEmpty(path)
        } else {
            if !inspecting { try StoreFiles.checkOthersCannotWrite(store: path) }
            try StoreFileCheck.checkHeader(path: path)
        }
        let writable = !readOnly && (!exists || fm.isWritableFile(atPath: path))
        let writer: any DatabaseWriter
        let presence: SessionPresence
        if writable {
            // Opening a pool writes (GRDB makes sure a WAL file exists), so a store from
            // a newer version is refused by a read-only look first: never written to.
            if exists, ((try? fm.attributesOfItem(atPath: path)[.size] as? Int) ?? 0) > 0 {
                let look = try DatabaseQueue(path: path, configuration: StoreConfiguration.make(readOnly: true))
                try look.read { db in try checkSchema(db, path: given, requireComplete: false) }
                try look.close()
            }
            let lock = try StoreLock.acquire(.migration, storePath: path, exclusive: true)
            defer { lock?.release() }
            presence = try SessionPresence(storePath: path)
            let pool = try DatabasePool(path: path, configuration: StoreConfiguration.make(readOnly: false))
            try prepareSchema(pool, path: given, mode: mode, existed: exists)
            writer = pool
        } else {
            presence = inspecting ? SessionPresence.none : try SessionPresence(storePath: path)
            let queue = try DatabaseQueue(path: StoreConfiguration.readLocation(path),
                                          configuration: StoreConfiguration.make(readOnly: true))
            try queue.read { db in try checkSchema(db, path: given, requireComplete: !inspecting) }
            writer = queue
        }
        let meta = try writer.read { db in try StoreMeta.read(db) }
        guard let kind = meta.kind else { throw StoreError.notAStore(path: given) }
        let watcher = try ChangeWatcher(path: writable ? path : StoreConfiguration.readLocation(path))
        return SQLiteStore(path: given, kind: kind, demoUser: meta.demoUser, readOnly: !writable,
                           writer: writer, clock: clock, watcher: watcher, presence: presence,
                           lookup: try IdentifierLookup(path: writable ? path : StoreConfiguration.readLocation(path)))
    }

    private init(path: String, kind: StoreKind, demoUser: StaffID?, readOnly: Bool, writer: any DatabaseWriter,
                 clock: any NaraDomain.Clock, watcher: ChangeWatcher, presence: SessionPresence,
                 lookup: IdentifierLookup) {
        self.path = path
        self.kind = kind
        self.demoUser = demoUser
        self.readOnly = readOnly
        self.writer = writer
        self.clock = clock
        self.watcher = watcher
        self.presence = presence
        self.lookup = lookup
    }

    private static func prepareSchema(_ pool: DatabasePool, path: String, mode: OpenMode, existed: Bool) throws {
        try pool.write { db in try checkSchema(db, path: path, requireComplete: false) }
        try Migrations.migrator.migrate(pool)
        try pool.write { db in
            if try StoreMeta.read(db).kind == nil {
                guard case .createIfMissing(let kind) = mode else { throw StoreError.notAStore(path: path) }
                try StoreMeta.write(db, key: .kind, value: kind.rawValue)
                try StoreMeta.write(db, key: .createdAt, value: ISO8601DateFormatter().string(from: Date()))
            }
        }
    }

    /// Refuses a file that is some other program's database, or that a newer Nära wrote.
    static func checkSchema(_ db: Database, path: String, requireComplete: Bool) throws {
        let hasMigrations = try db.tableExists("grdb_migrations")
        if !hasMigrations {
            let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'table'") ?? 0
            if tables > 0 || requireComplete { throw StoreError.notAStore(path: path) }
            return
        }
        let applied = Set(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"))
        if let unknown = applied.subtracting(Migrations.knownIdentifiers).sorted().last {
            throw StoreError.newerSchema(path: path, found: unknown)
        }
        if requireComplete && applied != Migrations.knownIdentifiers {
            throw StoreError.olderSchema(path: path)
        }
    }

    /// Where the counters of `scope` stand (`ChangeWatcher`).
    public func changeStamp(_ scope: ChangeScope) throws -> ChangeStamp {
        do { return try watcher.stamp(scope) } catch { throw StoreError.from(error, path: path) }
    }

    /// Empties the connections' page caches (`PRAGMA shrink_memory`); the next reads
    /// fetch their pages again from the operating system's cache. Connections and
    /// prepared statements stay: closing the readers as well gave back 1.5 MB more but
    /// made the first overview after a quiet spell 7.4 ms at p99 instead of 2.2
    /// (BENCHMARKS.md), over the 5 ms a key may take.
    public func releaseMemory() {
        let shrink = "PRAGMA shrink_memory"
        try? writer.writeWithoutTransaction { db in try db.execute(sql: shrink) }
        // The session reads one thing at a time, so the pool has one reader to empty.
        try? writer.read { db in try db.execute(sql: shrink) }
        lookup.releaseMemory()
    }

    /// Runs a read-only query outside the logging door: directory data, counts, queues.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.read { db in try readerRecorder.tracing(db, body) }
        } catch { throw StoreError.from(error, path: path) }
    }

    func write<T>(_ body: (Database) throws -> T) throws -> T {
        guard !readOnly else { throw StoreError.readOnly(path: path) }
        do { return try writer.write(body) } catch { throw StoreError.from(error, path: path) }
    }

    /// SQLite's integrity check; an empty array means the file is sound.
    public func integrityProblems() throws -> [String] {
        try read { db in
            let rows = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            return rows == ["ok"] ? [] : rows
        }
    }

    /// Rows per table, for `nara check`.
    public func counts() throws -> [(table: String, rows: Int)] {
        let tables = ["care_unit", "staff", "patient", "listing", "care_contact", "problem", "encounter",
                      "discharge", "discharge_notice", "observation", "referral", "referral_event", "coordinated_plan", "care_provider", "consent",
                      "information_block", "block_opening", "care_request", "patient_task", "work_list_claim",
                      "access_log"]
        return try read { db in
            try tables.map { ($0, try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)") ?? 0) }
        }
    }

    /// Meta value, for commands that show what kind of store this is.
    public func meta(_ key: StoreMeta.Key) throws -> String? {
        try read { db in try StoreMeta.value(db, key) }
    }

    public func legacyBlocksEnded() throws -> String? { try meta(.legacyBlocksEnded) }

    public var location: String { path }
}

extension SQLiteStore {
    /// Runs `body` inside a write transaction that changes nothing: for diagnosing a
    /// server and for tests of what other sessions see while one holds the write lock.
    public func withWriteTransaction(_ body: () throws -> Void) throws {
        try write { _ in try body() }
    }
}
