import ArgumentParser
import Foundation
import NaraApp
import NaraDomain
import NaraPostgresStore
import NaraStore

/// `--store`, shared by every command that works on a store.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The store file.", valueName: "PATH"))
    var store: String?

    /// --store, else NARA_STORE, else the default demo store.
    var path: String {
        if let store, !store.isEmpty { return store }
        if let env = ProcessInfo.processInfo.environment["NARA_STORE"], !env.isEmpty { return env }
        return StoreLocation.defaultDemoStore
    }

    var isDefaultDemoStore: Bool { path == StoreLocation.defaultDemoStore }

    /// Where the store is, for a message: the path, or a database's address without its
    /// password (a URL may hold one).
    var shown: String {
        guard let location = try? Self.serverLocation(path) else { return path }
        return location.description
    }

    /// Opens the store: a PostgreSQL database (a URL or a connection file), or a SQLite
    /// file. The default demo store is built on first use, so that a new user's first
    /// command works; any other missing path is an error.
    func open(readOnly: Bool = false) throws -> any CareStore {
        if let location = try Self.serverLocation(path) {
            return try PostgresStore.open(location: location, readOnly: readOnly)
        }
        try buildDefaultDemoStore()
        return try SQLiteStore.open(at: path, mode: .existing, readOnly: readOnly)
    }

    /// Opens the store for a command that needs only the directory, the keys and the
    /// log's checks: a PostgreSQL database (a URL or a connection file) as well as a
    /// SQLite file. `readOnly` opens either without upgrading its schema (a database's
    /// role decides what else it may do).
    func openOperator(readOnly: Bool = false) throws -> any OperatorStore {
        if let location = try Self.serverLocation(path) {
            return try PostgresStore.open(location: location, readOnly: readOnly)
        }
        try buildDefaultDemoStore()
        return try SQLiteStore.open(at: path, mode: .existing, readOnly: readOnly)
    }

    /// A URL, or a file that reads as a connection file, is a PostgreSQL database. Any
    /// other file that is not SQLite falls through to SQLite, which names its fault,
    /// unless it names a PostgreSQL URL: then it was meant as a connection file, and the
    /// reason it cannot be read as one is the message.
    static func serverLocation(_ path: String) throws -> PostgresLocation? {
        if PostgresLocation.isURL(path) { return try .parse(url: path) }
        guard try StoreAddress.isPostgres(path) else { return nil }
        do {
            return try PostgresConnectionFile.read(path)
        } catch {
            let head = FileManager.default.contents(atPath: path).map { String(decoding: $0.prefix(4096), as: UTF8.self) }
            if let head, head.contains("postgresql://") || head.contains("postgres://") { throw error }
            return nil
        }
    }

    private func buildDefaultDemoStore() throws {
        guard isDefaultDemoStore && !FileManager.default.fileExists(atPath: path) else { return }
        Output.note("Creating the demo store at \(path) …")
        _ = try DemoCommand.build(at: path, options: DemoOptions(today: SystemClock().today), force: false)
    }

    /// A PostgreSQL address for a command that works on a store file (`nara restore`):
    /// said plainly, not taken for a missing file. The address is not repeated: a URL may
    /// hold a password. Any other file falls through to SQLite, which names its fault.
    static func refuseServerStore(_ path: String, _ why: String) throws {
        guard PostgresLocation.isURL(path) || (try? serverLocation(path)) != nil else { return }
        throw StoreError.invalid("--store names a PostgreSQL database: " + why)
    }

    /// Whether a store is where --store points: a file, or a database that holds a
    /// directory. The only place, with `open` and `create`, that knows what kind of store
    /// that is: every command works on `CareStore`. A database that cannot be reached is
    /// none here: `create` then says why.
    var exists: Bool {
        guard let location = try? Self.serverLocation(path) else { return FileManager.default.fileExists(atPath: path) }
        return (try? PostgresStore.open(location: location, readOnly: true).units().isEmpty == false) ?? false
    }

    /// Makes an empty production store where --store points: a new file, or the schema in
    /// an empty database (refused when it already holds a directory).
    func create() throws -> any CareStore {
        if let location = try Self.serverLocation(path) {
            let store = try PostgresStore.open(location: location)
            guard try store.units().isEmpty else { throw StoreError.duplicate("a store at \(store.location)") }
            try store.claimKind(.production)
            return store
        }
        return try SQLiteStore.open(at: path, mode: .createIfMissing(.production))
    }

    /// Removes what `create()` made, when the command could not finish setting it up:
    /// the next try starts clean. A database keeps its schema, which is harmless empty,
    /// and a connection file is never removed.
    func removeUnfinished() {
        guard (try? Self.serverLocation(path)) == nil, !PostgresLocation.isURL(path) else { return }
        for suffix in ["", "-wal", "-shm", ".lock"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}

/// What the operator's commands need of a store (`StoreOptions.openOperator`), which
/// both kinds of store have: staff and their keys, the log's checks, the counts.
protocol OperatorStore: DirectoryStore, StaffKeyStore, AuditStore {
    /// The kind the store says it is; nil when it says none.
    func storeKind() throws -> StoreKind?
}

extension SQLiteStore: OperatorStore {
    func storeKind() -> StoreKind? { kind }
}

extension PostgresStore: OperatorStore {
    func storeKind() throws -> StoreKind? { try copyStoreKind() }
}

/// What a STORE argument names: a SQLite file, or a PostgreSQL database by a
/// `postgresql://` URL or a connection file. Sessions and every command take either
/// (`StoreOptions.open`); `nara backup` and `nara restore` are a file's alone.
enum StoreAddress {
    /// A URL is PostgreSQL; so is an existing file that is not a SQLite database (a
    /// connection file is a few lines of text). A path where nothing is yet is a new
    /// SQLite file.
    static func isPostgres(_ store: String) throws -> Bool {
        if PostgresLocation.isURL(store) { return true }
        // Any other address is a mistake, not a file to make: "mysql://db" must not
        // become a folder "mysql:" with a SQLite file in it.
        if store.contains("://") {
            throw StoreError.invalid("\(store): not a store address; give a SQLite file's path or a postgresql:// URL")
        }
        guard let file = FileHandle(forReadingAtPath: store) else { return false }
        defer { try? file.close() }
        let header = (try? file.read(upToCount: 16)) ?? Data()
        return !header.isEmpty && header != Data("SQLite format 3\u{0}".utf8)
    }

    /// The store to copy from: it must exist.
    static func openCopySource(_ store: String) throws -> any CopyableStore {
        if try isPostgres(store) { return try PostgresStore.open(store) }
        return try SQLiteStore.open(at: store, mode: .existing, readOnly: true)
    }

    /// The store to copy into. A SQLite file is made when missing, of the source's
    /// kind; `created` says so, so that a failed copy can take it away again.
    static func openCopyTarget(_ store: String, kind: StoreKind) throws -> (store: any CopyableStore, created: Bool) {
        if try isPostgres(store) { return (try PostgresStore.open(store), false) }
        let created = !FileManager.default.fileExists(atPath: store)
        return (try SQLiteStore.open(at: store, mode: .createIfMissing(kind)), created)
    }

    /// Removes a SQLite file `openCopyTarget` made, with what SQLite keeps beside it.
    static func removeCreated(_ store: String) {
        for suffix in ["", "-wal", "-shm", ".lock"] { try? FileManager.default.removeItem(atPath: store + suffix) }
    }
}

/// `--user`. The top command parses its options out of the whole command line, so a
/// subcommand's own `--user` would never see a value; sharing this type hands the
/// parsed value down to the subcommands that declare it.
struct UserOption: ParsableArguments {
    @Option(help: ArgumentHelp("The staff member using the program (required on a production store).",
                               valueName: "ID"))
    var user: String?
}

/// `--lang`, shared like `--user`, so that a subcommand that words things sees it too.
struct LanguageOption: ParsableArguments {
    @Option(help: ArgumentHelp("Interface language: sv (default) or en. Also NARA_LANG.", valueName: "LANG"))
    var lang: String?
}

enum StoreLocation {
    static var defaultDemoStore: String {
        let env = ProcessInfo.processInfo.environment
        let dataHome: String
        if let xdg = env["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            dataHome = xdg
        } else {
            dataHome = (env["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()) + "/.local/share"
        }
        return dataHome + "/nara/demo.sqlite"
    }
}

/// Runs a command body, turning known failures into a message on stderr and exit 1.
func reportingFailures<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as ExitCode {
        throw error
    } catch let error as CleanExit {
        throw error
    } catch {
        Output.error(String(describing: error))
        throw ExitCode(1)
    }
}

/// What a list across patients takes: the store, who asks and the output format.
struct ListOptions: ParsableArguments {
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var userOption: UserOption
    @Option(help: ArgumentHelp("Output format: table, csv or json.", valueName: "FORMAT"))
    var format: WorklistCommand.Format = .table

    /// The store and the session of --user (the demo user on a demo store).
    func open() throws -> (any CareStore, Session) {
        let store = try storeOptions.open()
        return (store, try SessionResolver.resolve(store: store, user: userOption.user,
                                                   environment: ProcessInfo.processInfo.environment))
    }

    /// The table in the chosen format; `empty` instead of a table without rows.
    func render(_ table: CommandTable, empty: String) -> String {
        switch format {
        case .csv: return table.csv()
        case .json: return table.json()
        case .table: return table.rows.isEmpty ? empty + "\n" : table.text()
        }
    }
}
