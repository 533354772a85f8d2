import Foundation
import NaraPostgresTesting
import Testing

/// `nara copy` through the real binary: a demo file into PostgreSQL and back into a new
/// file, which then passes `nara audit verify` and `nara check` with the source's counts.
@Suite(.enabled(if: PostgresTestServer.shouldRun, PostgresTestServer.skipReason))
struct CopyCommandTests {
    /// The test database as `nara` takes it: a URL, or a connection file when the server
    /// wants a password (a URL with a password would be refused nowhere, but shown).
    static func address(in folder: URL) throws -> String {
        let location = try PostgresTestServer.require().makeDatabase()
        guard let password = location.password else { return location.description }
        let file = folder.appendingPathComponent("region.conn")
        try "\(location.description)\npassword = \(password)\n".write(to: file, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        return file.path
    }

    /// `nara check`'s counts, without the line that names the store.
    static func counts(_ path: String) throws -> [String] {
        let check = try NaraBinary.run(["check", "--store", path])
        #expect(check.status == 0, "\(check.stderr)")
        return check.stdout.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("store\t") }
    }

    static func head(_ path: String) throws -> String {
        try NaraBinary.run(["audit", "head", "--store", path]).stdout
    }

    @Test func aDemoStoreGoesToPostgresAndBackUnchanged() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let demo = folder.appendingPathComponent("demo.sqlite").path
        let back = folder.appendingPathComponent("back.sqlite").path
        #expect(try NaraBinary.run(["demo", "--store", demo, "--patients", "200", "--seed", "4"]).status == 0)
        // A work list printed is logged, a row for each patient: a log to carry.
        let listed = try NaraBinary.run(["worklist", "elderly-multimorbid", "--store", demo])
        #expect(listed.status == 0, "\(listed.stderr)")
        let region = try Self.address(in: folder)

        let there = try NaraBinary.run(["copy", "--from", demo, "--to", region])
        #expect(there.status == 0, "\(there.stderr)")
        #expect(there.stdout.contains("patient\t200\n"))
        #expect(there.stdout.contains("log\tintact"))
        let again = try NaraBinary.run(["copy", "--from", region, "--to", back])
        #expect(again.status == 0, "\(again.stderr)")

        let sourceHead = try Self.head(demo)
        #expect(!sourceHead.isEmpty)
        #expect(try Self.head(back) == sourceHead)
        #expect(there.stdout.contains("head\t\(sourceHead)"))
        #expect(again.stdout.contains("head\t\(sourceHead)"))
        #expect(try Self.counts(back) == Self.counts(demo))
        let verify = try NaraBinary.run(["audit", "verify", "--store", back])
        #expect(verify.status == 0, "\(verify.stderr)")
        #expect(verify.stdout.contains("intact"))
    }

    @Test func aTargetThatHoldsDataIsRefused() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let demo = folder.appendingPathComponent("demo.sqlite").path
        let other = folder.appendingPathComponent("other.sqlite").path
        #expect(try NaraBinary.run(["demo", "--store", demo, "--patients", "20"]).status == 0)
        #expect(try NaraBinary.run(["demo", "--store", other, "--patients", "20", "--seed", "9"]).status == 0)
        let before = try Self.counts(other)
        let r = try NaraBinary.run(["copy", "--from", demo, "--to", other])
        #expect(r.status == 1)
        #expect(r.stderr.contains("not empty"), "\(r.stderr)")
        #expect(try Self.counts(other) == before)

        let region = try Self.address(in: folder)
        #expect(try NaraBinary.run(["copy", "--from", demo, "--to", region]).status == 0)
        let twice = try NaraBinary.run(["copy", "--from", demo, "--to", region])
        #expect(twice.status == 1)
        #expect(twice.stderr.contains("not empty"), "\(twice.stderr)")
    }

    @Test func aBadAddressOrAMissingSourceIsAMessage() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let demo = folder.appendingPathComponent("demo.sqlite").path
        let target = folder.appendingPathComponent("new.sqlite").path
        #expect(try NaraBinary.run(["demo", "--store", demo, "--patients", "20"]).status == 0)

        let bad = try NaraBinary.run(["copy", "--from", demo, "--to", "postgresql://nara@/db?colour=blue"])
        #expect(bad.status == 1)
        #expect(bad.stderr.hasPrefix("nara: "), "\(bad.stderr)")
        #expect(bad.stderr.contains("colour"), "\(bad.stderr)")

        // Another kind of address is refused, not taken for a path to make a file at.
        let other = try NaraBinary.run(["copy", "--from", demo, "--to", "mysql://nara@db/nara"],
                                       home: folder)
        #expect(other.status == 1)
        #expect(other.stderr.contains("not a store address"), "\(other.stderr)")
        #expect(!FileManager.default.fileExists(atPath: FileManager.default.currentDirectoryPath + "/mysql:"))

        let missing = try NaraBinary.run(["copy", "--from", folder.appendingPathComponent("none.sqlite").path,
                                          "--to", target])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no store at"), "\(missing.stderr)")
        #expect(!FileManager.default.fileExists(atPath: target))

        let unreachable = try NaraBinary.run(["copy", "--from", demo, "--to",
                                              "postgresql://nara@/db?host=\(folder.path)&connect_timeout=2"])
        #expect(unreachable.status == 1)
        #expect(unreachable.stderr.hasPrefix("nara: "), "\(unreachable.stderr)")
    }

    /// `nara bench --postgres` opens the same records on the file and on its copy: one
    /// line for each store, never a verdict on speed.
    @Test func benchComparesOpeningARecordOnTheCopy() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let demo = folder.appendingPathComponent("demo.sqlite").path
        #expect(try NaraBinary.run(["demo", "--store", demo, "--patients", "200", "--seed", "4"]).status == 0)
        let region = try Self.address(in: folder)
        #expect(try NaraBinary.run(["copy", "--from", demo, "--to", region]).status == 0)
        let r = try NaraBinary.run(["bench", "--store", demo, "--postgres", region, "--samples", "20"], home: folder)
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").filter { $0.hasPrefix("open record (") }
        #expect(lines.count == 2, "\(r.stdout)")
        #expect(lines.first?.contains("SQLite\tp50 ") == true && lines.last?.contains("PostgreSQL\tp50 ") == true)
    }
}
