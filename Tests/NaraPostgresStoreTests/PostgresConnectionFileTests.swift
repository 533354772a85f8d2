import Foundation
import NaraDomain
import NaraPostgresStore
import Testing

/// The connection file: the URL without a password, the password beside it or in a
/// `.pgpass`-style file, and no password that others can read.
@Suite final class PostgresConnectionFileTests {
    let folder: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("nara-pgfile-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    /// Each test's folder goes with it, whichever way the test ends.
    deinit {
        try? FileManager.default.removeItem(atPath: folder)
    }

    func write(_ name: String, _ text: String, mode: Int = 0o640) throws -> String {
        let path = folder + "/" + name
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        return path
    }

    func refusal(_ path: String) -> String? {
        do {
            _ = try PostgresConnectionFile.read(path)
            return nil
        } catch StoreError.invalid(let text) {
            return text
        } catch {
            return "\(error)"
        }
    }

    @Test func aURLWithAnInlinePassword() throws {
        let path = try write("region.conf", """
            # The region's store, through PgBouncer.

            postgresql://nara_app@/nara?host=/run/pgbouncer&port=6432
            password = hemligt: med kolon
            """)
        let l = try PostgresConnectionFile.read(path)
        #expect(l.endpoint == .socket(directory: "/run/pgbouncer", port: 6432))
        #expect(l.user == "nara_app" && l.password == "hemligt: med kolon")
    }

    @Test func aPasswordFileInPgpassFormat() throws {
        _ = try write("pgpass", """
            # host:port:database:user:password
            other.host:5432:*:*:wrong
            db.region.se:6432:nara:nara_app:r\\:ätt\\\\lösen
            *:*:*:*:fallback
            """, mode: 0o600)
        let path = try write("region.conf", "postgresql://nara_app@db.region.se:6432/nara\npassword_file = pgpass\n")
        #expect(try PostgresConnectionFile.read(path).password == "r:ätt\\lösen")
        let other = try write("other.conf", "postgresql://anna@elsewhere/nara\npassword_file = \(folder)/pgpass\n")
        #expect(try PostgresConnectionFile.read(other).password == "fallback")
    }

    @Test func aSocketLocationMatchesLocalhostInPgpass() throws {
        let l = try PostgresLocation.parse(url: "postgresql://nara@/nara?host=/run/postgresql")
        #expect(try PostgresConnectionFile.password(in: "localhost:5432:nara:nara:p", for: l) == "p")
        #expect(try PostgresConnectionFile.password(in: "db:5432:nara:nara:p", for: l) == nil)
    }

    @Test func noPasswordNeedsNoPrivateFile() throws {
        let path = try write("peer.conf", "postgresql://nara@/nara\n", mode: 0o644)
        #expect(try PostgresConnectionFile.read(path).password == nil)
    }

    @Test func aPasswordOthersCanReadIsRefused() throws {
        let inline = try write("open.conf", "postgresql://nara@db/nara\npassword = x\n", mode: 0o644)
        #expect(refusal(inline)?.contains("other users can read") == true)
        _ = try write("open-pgpass", "*:*:*:*:x\n", mode: 0o604)
        let viaFile = try write("via.conf", "postgresql://nara@db/nara\npassword_file = open-pgpass\n", mode: 0o600)
        #expect(refusal(viaFile)?.contains("chmod o-r") == true)
    }

    @Test func badFilesSayWhatIsWrong() throws {
        let cases: [(String, String)] = [
            ("# only a comment\n", "names no postgresql:// URL"),
            ("postgresql://nara:pw@db/nara\n", "the URL holds a password"),
            ("postgresql://nara@db/nara\nuser = anna\n", "unknown key 'user'"),
            ("postgresql://nara@db/nara\npassword\n", "is not `key = value`"),
            ("postgresql://nara@db/nara\npassword = a\npassword = b\n", "given twice"),
            ("postgresql://nara@db/nara\npassword = a\npassword_file = b\n", "both password and password_file"),
            ("postgresql://nara@db/nara\npassword =\n", "has no value"),
            ("/srv/nara/clinic.sqlite\n", "must start with postgresql://"),
        ]
        for (i, (text, reason)) in cases.enumerated() {
            let path = try write("bad\(i).conf", text, mode: 0o600)
            let said = refusal(path)
            #expect(said?.contains(reason) == true, "\(text): \(said ?? "accepted")")
        }
        #expect(refusal(folder + "/missing.conf")?.contains("cannot read") == true)
        #expect(refusal(folder)?.contains("is not a file") == true)
    }
}
