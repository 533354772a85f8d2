import Foundation
import NaraDomain

/// A small file that names a PostgreSQL store, so that what names the store elsewhere
/// (an SSH keys-file line, a systemd unit, `NARA_STORE`) is a path and carries no
/// credentials:
///
///     # The region's store, through the clinic server's PgBouncer.
///     postgresql://nara_app@/nara?host=/run/pgbouncer&port=6432
///     password_file = /etc/nara/pgpass
///
/// The first line that is neither empty nor a `#` comment is the URL, without a
/// password. The password, when the server asks for one, is either on a
/// `password = …` line or in a `password_file` in the format of libpq's `.pgpass`
/// (`host:port:database:user:password`, `*` for any, `\:` for a colon), whose first
/// matching line gives it; a relative path is taken from this file's folder. A file
/// that holds a password is refused when others can read it.
public enum PostgresConnectionFile {
    /// Larger than any real descriptor or password file: not read, so a wrong path to
    /// some big file fails fast.
    static let maximumSize = 64 * 1024

    public static func read(_ path: String) throws -> PostgresLocation {
        let text = try contents(of: path)
        let bad = { (why: String) in StoreError.invalid("the connection file \(path) is not valid: \(why)") }
        var location: PostgresLocation?
        var inlinePassword: String?
        var passwordFile: String?
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard location != nil else {
                let url = try PostgresLocation.parse(url: line)
                guard url.password == nil else {
                    throw bad("line \(number + 1): the URL holds a password; put it on a `password = …` line")
                }
                location = url
                continue
            }
            guard let eq = line.firstIndex(of: "=") else { throw bad("line \(number + 1) is not `key = value`") }
            let key = line[..<eq].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            guard !value.isEmpty else { throw bad("line \(number + 1): \(key) has no value") }
            switch key {
            case "password" where inlinePassword == nil: inlinePassword = value
            case "password_file" where passwordFile == nil: passwordFile = value
            case "password", "password_file": throw bad("line \(number + 1): \(key) is given twice")
            default: throw bad("line \(number + 1): unknown key '\(key)' (password or password_file)")
            }
        }
        guard var location else { throw bad("it names no postgresql:// URL") }
        if inlinePassword != nil && passwordFile != nil { throw bad("it gives both password and password_file") }
        if let inlinePassword {
            try refuseIfOthersCanRead(path)
            location.password = inlinePassword
        } else if let passwordFile {
            let folder = (path as NSString).deletingLastPathComponent
            let full = passwordFile.hasPrefix("/") ? passwordFile : (folder as NSString).appendingPathComponent(passwordFile)
            try refuseIfOthersCanRead(full)
            location.password = try password(in: try contents(of: full), for: location)
        }
        return location
    }

    /// The password of the first `.pgpass` line that matches the location, or nil.
    /// A Unix-socket location matches the host `localhost`, as in libpq.
    public static func password(in pgpass: String, for location: PostgresLocation) throws -> String? {
        let (host, port): (String, Int) = switch location.endpoint {
        case .tcp(let host, let port): (host, port)
        case .socket(_, let port): ("localhost", port)
        }
        let wanted = [host, String(port), location.database, location.user]
        for raw in pgpass.split(separator: "\n") {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.hasPrefix("#") || line.allSatisfy(\.isWhitespace) { continue }
            let fields = splitPgpass(line)
            guard fields.count == 5 else { continue }
            if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
        }
        return nil
    }

    /// Fields split at unescaped colons, with `\:` and `\\` unescaped.
    static func splitPgpass(_ line: Substring) -> [String] {
        var fields: [String] = [""]
        var escaped = false
        for c in line {
            if escaped {
                fields[fields.count - 1].append(c)
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else if c == ":" && fields.count < 5 {
                fields.append("")
            } else {
                fields[fields.count - 1].append(c)
            }
        }
        return fields
    }

    static func contents(of path: String) throws -> String {
        var info = stat()
        guard stat(path, &info) == 0 else { throw StoreError.invalid("cannot read the connection file \(path)") }
        guard info.st_mode & S_IFMT == S_IFREG else { throw StoreError.invalid("\(path) is not a file") }
        guard info.st_size <= maximumSize else {
            throw StoreError.invalid("\(path) is too large for a connection file (over \(maximumSize / 1024) KB)")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw StoreError.invalid("cannot read the connection file \(path)")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw StoreError.invalid("\(path) is not UTF-8 text") }
        return text
    }

    /// A password readable by every user of the clinic server is no secret: the owner and
    /// its group may read it (the group the program runs in), others not.
    static func refuseIfOthersCanRead(_ path: String) throws {
        var info = stat()
        guard stat(path, &info) == 0 else { throw StoreError.invalid("cannot read \(path)") }
        if info.st_mode & S_IROTH != 0 {
            throw StoreError.invalid("\(path) holds a password that other users can read: "
                + "make it unreadable to them (chmod o-r \(path))")
        }
    }
}
