import Foundation
import Logging
import NaraDomain
import PostgresNIO
import Synchronization

/// One connection to the server, used synchronously: the store protocols are plain
/// `throws` functions called from the terminal loop, so each statement is sent on the
/// client's own event-loop thread and waited for. One statement at a time (a lock), as
/// postgres-nio does not pipeline anyway; every statement is an unnamed one, so nothing
/// is left prepared on the server, which also keeps PgBouncer's transaction pooling safe.
///
/// A connection that was lost is not retried inside the call that found it gone: that
/// call may have been a write the server committed, so it fails with `.unavailable` and
/// the caller decides. The next call connects again.
package final class PostgresClient: @unchecked Sendable {
    package let location: PostgresLocation
    private let group: MultiThreadedEventLoopGroup
    private let lock = NSLock()
    private var connection: PostgresConnection?
    private var connectionCount = 0
    private let statementCount = Mutex(0)
    /// The statements sent while `recording` runs, for `recordingStatements`; nil otherwise.
    private let recorded = Mutex<[String]?>(nil)

    /// swift-log's default handler writes to standard error, which is the curses
    /// screen: postgres-nio's messages go nowhere.
    static let quiet = Logger(label: "nara.postgres", factory: { _ in SwiftLogNoOpLogHandler() })

    package init(location: PostgresLocation) {
        self.location = location
        group = Self.makeGroup()
    }

    deinit {
        if let connection { try? connection.close().wait() }
        try? group.syncShutdownGracefully()
    }

    /// One thread, started with the signals the terminal loop handles blocked: the
    /// kernel gives a process-wide signal to any thread that does not block it, and a
    /// hang-up or resize delivered to the network thread would not interrupt the
    /// loop's read. The thread inherits the mask; the caller's is restored.
    private static func makeGroup() -> MultiThreadedEventLoopGroup {
        var blocked = sigset_t()
        var previous = sigset_t()
        sigemptyset(&blocked)
        for signal in [SIGHUP, SIGTERM, SIGINT, SIGWINCH] { sigaddset(&blocked, signal) }
        pthread_sigmask(SIG_BLOCK, &blocked, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        // The thread starts lazily; make it start now, under this mask.
        _ = try? group.next().submit {}.wait()
        return group
    }

    /// Runs `body` with the connection to itself: for a transaction, several statements
    /// that no other caller of this client may come between.
    package func withConnection<T>(_ body: (Session) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        let session = Session(connection: try connected(), client: self)
        return try body(session)
    }

    /// One statement on its own.
    @discardableResult
    package func query(_ query: PostgresQuery) throws -> [PostgresRow] {
        try withConnection { try $0.query(query) }
    }

    /// BEGIN, `body`, COMMIT; ROLLBACK when `body` throws (the error is passed on).
    package func transaction<T>(_ body: (Session) throws -> T) throws -> T {
        try withConnection { session in
            try session.query("BEGIN")
            do {
                let result = try body(session)
                try session.query("COMMIT")
                return result
            } catch {
                // A lost connection rolls back by itself; only a live one is told to.
                if !session.connection.isClosed { _ = try? session.query("ROLLBACK") }
                throw error
            }
        }
    }

    /// How many connections this client has opened: a test sees a reconnect by it.
    package var connectionsOpened: Int {
        lock.lock()
        defer { lock.unlock() }
        return connectionCount
    }

    /// How many statements this client has sent, each a round trip to the server: a
    /// test holds a door to its budget by it.
    package var statementsSent: Int { statementCount.withLock { $0 } }

    /// `body`'s result and the text of each statement it sent, in order.
    package func recording<T>(_ body: () throws -> T) throws -> (result: T, statements: [String]) {
        recorded.withLock { $0 = [] }
        defer { recorded.withLock { $0 = nil } }
        let result = try body()
        return (result, recorded.withLock { $0 ?? [] })
    }

    /// Closes the connection; the next call opens a new one.
    package func disconnect() {
        lock.lock()
        defer { lock.unlock() }
        if let connection { try? connection.close().wait() }
        connection = nil
    }

    /// Drops a connection found broken; the caller holds the lock. The close is waited
    /// for: postgres-nio holds that a connection is closed before it is released, and a
    /// close still under way when the last reference goes is a crash in a debug build.
    fileprivate func forget(_ broken: PostgresConnection) {
        guard connection === broken else { return }
        connection = nil
        try? broken.close().wait()
    }

    private func connected() throws -> PostgresConnection {
        if let connection, !connection.isClosed { return connection }
        connection = nil
        var configuration: PostgresConnection.Configuration
        switch location.endpoint {
        case .tcp(let host, let port):
            let tls: PostgresConnection.Configuration.TLS
            switch location.tls {
            case .disable: tls = .disable
            case .require:
                do { tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration())) } catch {
                    throw StoreError.unavailable("TLS could not be set up: \(error)")
                }
            }
            configuration = .init(host: host, port: port, username: location.user, password: location.password,
                                  database: location.database, tls: tls)
        case .socket:
            configuration = .init(unixSocketPath: location.socketPath!, username: location.user,
                                  password: location.password, database: location.database)
        }
        configuration.options.connectTimeout = .seconds(Int64(location.connectTimeout))
        configuration.options.additionalStartupParameters = [
            ("statement_timeout", String(location.statementTimeoutMs)),
            ("application_name", location.applicationName),
        ]
        connectionCount += 1
        do {
            let made = try PostgresConnection.connect(on: group.next(), configuration: configuration,
                                                      id: connectionCount, logger: Self.quiet).wait()
            connection = made
            return made
        } catch {
            throw PostgresErrors.map(error, location: location, connecting: true)
        }
    }

    /// The connection while the client's lock is held.
    package struct Session {
        package let connection: PostgresConnection
        let client: PostgresClient

        /// Sends one statement and waits for all its rows. The server's
        /// `statement_timeout` bounds a slow statement; the client's own deadline, a
        /// little longer, bounds a server or network that stopped answering at all: the
        /// wait ends with `.unavailable` and the connection is closed. The wait is on a
        /// promise of this client's, not on postgres-nio's answer alone: a statement
        /// written just as the server ended the connection is never answered, and
        /// closing the connection afterwards does not fail it either.
        @discardableResult
        package func query(_ query: PostgresQuery) throws -> [PostgresRow] {
            let connection = self.connection
            let answer = connection.eventLoop.makePromise(of: PostgresQueryResult.self)
            let settled = Settled()
            let location = client.location
            let deadline = connection.eventLoop.scheduleTask(
                in: .milliseconds(Int64(location.statementTimeoutMs) + 5_000)
            ) {
                if settled.claim() { answer.fail(StoreError.unavailable("\(location) did not answer in time")) }
                let _: EventLoopFuture<Void> = connection.close()
            }
            defer { deadline.cancel() }
            client.statementCount.withLock { $0 += 1 }
            client.recorded.withLock { $0?.append(query.sql) }
            connection.query(query, logger: PostgresClient.quiet).whenComplete { result in
                if settled.claim() { answer.completeWith(result) }
            }
            do {
                let result = try answer.futureResult.wait()
                return Array(result)
            } catch {
                // A connection that failed this way is not asked again: the next call
                // connects anew. (The lock is held: this runs inside `withConnection`.)
                if error is StoreError || PostgresErrors.lostConnection(error) || connection.isClosed {
                    client.forget(connection)
                }
                throw PostgresErrors.map(error, location: client.location, connecting: false)
            }
        }
    }
}

/// Whether an answer was given: the first of the server's answer and the deadline gives
/// it, the other does nothing.
private final class Settled: Sendable {
    private let done = Atomic<Bool>(false)

    func claim() -> Bool { !done.exchange(true, ordering: .acquiringAndReleasing) }
}
