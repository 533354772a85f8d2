import NaraDomain

/// Where a PostgreSQL store is and how to log in: parsed from a `postgresql://` URL (the
/// form libpq and psql take), so an operator can test the same string with psql. Bad
/// input is refused as `StoreError.invalid` with the reason, never a crash.
public struct PostgresLocation: Sendable, Equatable, CustomStringConvertible {
    public enum Endpoint: Sendable, Equatable {
        case tcp(host: String, port: Int)
        /// A Unix socket: the server's socket folder and port, as libpq names them.
        case socket(directory: String, port: Int)
    }

    /// `disable` is the default: a clinic server reaches its database through a local
    /// PgBouncer socket or a private network. `require` refuses a server without TLS
    /// and verifies its certificate and name against the system's trust store (libpq's
    /// `verify-ca` and `verify-full` are read as `require`).
    public enum TLSMode: String, Sendable, Equatable {
        case disable, require
    }

    public var endpoint: Endpoint
    public var user: String
    public var password: String?
    public var database: String
    public var tls: TLSMode = .disable
    /// Seconds to wait for a connection before the store counts the server unreachable.
    public var connectTimeout: Int = 10
    /// The server's `statement_timeout` for this store's sessions, in milliseconds: a
    /// screen waits for no statement longer than this.
    public var statementTimeoutMs: Int = 30_000
    public var applicationName: String = "nara"

    public init(endpoint: Endpoint, user: String, password: String? = nil, database: String) {
        self.endpoint = endpoint
        self.user = user
        self.password = password
        self.database = database
    }

    /// The socket file for a `.socket` endpoint: `<directory>/.s.PGSQL.<port>`.
    public var socketPath: String? {
        guard case .socket(let directory, let port) = endpoint else { return nil }
        return (directory.hasSuffix("/") ? directory : directory + "/") + ".s.PGSQL.\(port)"
    }

    /// The location as a URL without its password: safe for messages and logs.
    public var description: String {
        switch endpoint {
        case .tcp(let host, let port):
            let shown = host.contains(":") ? "[\(host)]" : host
            return "postgresql://\(user)@\(shown):\(port)/\(database)"
        case .socket(let directory, let port):
            return "postgresql://\(user)@/\(database)?host=\(directory)&port=\(port)"
        }
    }

    /// Whether `text` is meant as a PostgreSQL URL rather than a file path.
    public static func isURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.hasPrefix("postgresql://") || lower.hasPrefix("postgres://")
    }

    static let defaultSocketDirectory = "/var/run/postgresql"

    /// `postgresql://user[:password]@[host][:port][/database][?key=value&…]`. The host
    /// may be a socket folder, percent-encoded (`%2Frun%2Fpostgresql`) or given as
    /// `?host=/run/postgresql`; with no host at all the Debian socket folder is used.
    /// Keys: host, port, user, password, dbname, sslmode, connect_timeout (seconds),
    /// statement_timeout (milliseconds), application_name. An unknown key is refused,
    /// so that a misspelt option does not silently do nothing.
    public static func parse(url text: String) throws -> PostgresLocation {
        let bad = { (why: String) in StoreError.invalid("the PostgreSQL location is not valid: \(why)") }
        guard isURL(text) else { throw bad("it must start with postgresql://") }
        guard !text.contains(where: { $0.isWhitespace || $0.isNewline }) else { throw bad("it contains a space") }
        var rest = Substring(text.drop(while: { $0 != ":" }).dropFirst(3))
        var query = Substring("")
        if let q = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: q)...]
            rest = rest[..<q]
        }
        var path = Substring("")
        if let slash = rest.firstIndex(of: "/") {
            path = rest[rest.index(after: slash)...]
            rest = rest[..<slash]
        }
        var user: String?
        var password: String?
        if let at = rest.lastIndex(of: "@") {
            let info = rest[..<at]
            rest = rest[rest.index(after: at)...]
            if let colon = info.firstIndex(of: ":") {
                user = try decode(info[..<colon], bad)
                password = try decode(info[info.index(after: colon)...], bad)
            } else {
                user = try decode(info, bad)
            }
        }
        var host: String?
        var port: Int?
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else { throw bad("an IPv6 address lacks its ]") }
            host = String(rest[rest.index(after: rest.startIndex)..<close])
            let after = rest[rest.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw bad("unexpected text after the IPv6 address") }
                port = try parsePort(after.dropFirst(), bad)
            }
        } else if !rest.isEmpty {
            if let colon = rest.lastIndex(of: ":") {
                port = try parsePort(rest[rest.index(after: colon)...], bad)
                rest = rest[..<colon]
            }
            host = rest.isEmpty ? nil : try decode(rest, bad)
        }
        guard !path.contains("/") else { throw bad("the database name contains a /") }
        var database = path.isEmpty ? nil : try decode(path, bad)
        var location = PostgresLocation(endpoint: .socket(directory: defaultSocketDirectory, port: 5432), user: "",
                                        database: "")
        if !query.isEmpty {
            for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
                guard let eq = pair.firstIndex(of: "=") else { throw bad("the option '\(pair)' has no value") }
                let key = String(pair[..<eq])
                let value = try decode(pair[pair.index(after: eq)...], bad)
                switch key {
                case "host": host = value
                case "port": port = try parsePort(Substring(value), bad)
                case "user": user = value
                case "password": password = value
                case "dbname": database = value
                case "sslmode":
                    switch value {
                    case "disable": location.tls = .disable
                    case "require", "verify-ca", "verify-full": location.tls = .require
                    default: throw bad("sslmode must be disable or require, not '\(value)'")
                    }
                case "connect_timeout":
                    location.connectTimeout = try number(value, in: 1...3600, "connect_timeout (seconds)", bad)
                case "statement_timeout":
                    location.statementTimeoutMs = try number(value, in: 1...86_400_000,
                                                             "statement_timeout (milliseconds)", bad)
                case "application_name":
                    guard value.count <= 63, value.allSatisfy({ $0.isASCII && !$0.isNewline }) else {
                        throw bad("application_name must be at most 63 ASCII characters")
                    }
                    location.applicationName = value
                default: throw bad("unknown option '\(key)'")
                }
            }
        }
        guard let user, !user.isEmpty else { throw bad("it names no user (postgresql://USER@host/database)") }
        location.user = user
        location.password = password.flatMap { $0.isEmpty ? nil : $0 }
        location.database = (database?.isEmpty ?? true) ? user : database!
        let thePort = port ?? 5432
        if let host, !host.isEmpty {
            location.endpoint = host.hasPrefix("/") ? .socket(directory: host, port: thePort)
                : .tcp(host: host, port: thePort)
        } else {
            location.endpoint = .socket(directory: defaultSocketDirectory, port: thePort)
        }
        return location
    }

    private static func parsePort(_ text: Substring, _ bad: (String) -> StoreError) throws -> Int {
        try number(String(text), in: 1...65535, "the port", bad)
    }

    private static func number(_ text: String, in range: ClosedRange<Int>, _ what: String,
                               _ bad: (String) -> StoreError) throws -> Int {
        guard text.allSatisfy(\.isASCIIDigitCharacter), let n = Int(text), range.contains(n) else {
            throw bad("\(what) must be a number from \(range.lowerBound) to \(range.upperBound), not '\(text)'")
        }
        return n
    }

    /// Percent-decoding of one URL part, refusing broken escapes and text that is not UTF-8.
    private static func decode(_ text: Substring, _ bad: (String) -> StoreError) throws -> String {
        var bytes: [UInt8] = []
        var i = text.utf8.startIndex
        let utf8 = text.utf8
        while i < utf8.endIndex {
            let b = utf8[i]
            if b == UInt8(ascii: "%") {
                let h1 = utf8.index(after: i)
                guard h1 < utf8.endIndex, utf8.index(after: h1) < utf8.endIndex,
                      let hi = hexValue(utf8[h1]), let lo = hexValue(utf8[utf8.index(after: h1)]) else {
                    throw bad("a % is not followed by two hexadecimal digits")
                }
                bytes.append(hi << 4 | lo)
                i = utf8.index(i, offsetBy: 3)
            } else {
                bytes.append(b)
                i = utf8.index(after: i)
            }
        }
        guard let decoded = String(validating: bytes, as: UTF8.self), !decoded.contains("\0") else {
            throw bad("a part is not valid text")
        }
        return decoded
    }

    private static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): b - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
