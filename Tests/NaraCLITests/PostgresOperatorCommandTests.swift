import Foundation
import NaraPostgresTesting
import Testing

/// The operator's commands on a PostgreSQL store, through the real binary: a demo file
/// copied into the database answers `staff`, `audit`, `check` and `ssh authorized-keys`
/// as the file does, and staff and keys added there are found there.
@Suite(.enabled(if: PostgresTestServer.shouldRun, PostgresTestServer.skipReason))
struct PostgresOperatorCommandTests {
    /// A demo file with a logged work list (200 patients give it rows), and its copy in
    /// a fresh database.
    static func copiedDemo(in folder: URL, patients: Int = 200) throws -> (demo: String, region: String) {
        let demo = folder.appendingPathComponent("demo.sqlite").path
        #expect(try NaraBinary.run(["demo", "--store", demo, "--patients", "\(patients)", "--seed", "4"]).status == 0)
        let listed = try NaraBinary.run(["worklist", "elderly-multimorbid", "--store", demo])
        #expect(listed.status == 0, "\(listed.stderr)")
        let region = try CopyCommandTests.address(in: folder)
        let copied = try NaraBinary.run(["copy", "--from", demo, "--to", region])
        #expect(copied.status == 0, "\(copied.stderr)")
        return (demo, region)
    }

    static func ok(_ arguments: [String]) throws -> String {
        let run = try NaraBinary.run(arguments)
        #expect(run.status == 0, "\(arguments): \(run.stderr)")
        return run.stdout
    }

    /// `nara init` makes a production store in an empty database, refuses one that holds
    /// a directory, and names the database without a password.
    @Test func initMakesAStoreInAnEmptyDatabaseOnce() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let region = try CopyCommandTests.address(in: folder)
        let arguments = ["init", "--store", region, "--unit-id", "SE2321000164-vc0100", "--unit-name", "Vårdcentralen Ny",
                         "--admin", "anna.admin", "--admin-name", "Anna Admin"]
        let made = try Self.ok(arguments)
        #expect(made.contains("Created production store") && made.contains("anna.admin"), "\(made)")
        #expect(!made.contains("password"))
        let again = try NaraBinary.run(arguments)
        #expect(again.status == 1 && again.stderr.contains("already exists"), "\(again.stderr)")
        #expect(try Self.ok(["staff", "list", "--store", region, "--format", "csv"]).contains("anna.admin,Anna Admin"))
        #expect(try Self.ok(["check", "--store", region]).contains("production"))
    }

    @Test func staffListsAlikeAndStaffAndKeysAreAddedOnPostgres() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (demo, region) = try Self.copiedDemo(in: folder, patients: 40)
        for format in ["table", "json", "csv"] {
            let there = try Self.ok(["staff", "list", "--store", region, "--format", format])
            #expect(there == (try Self.ok(["staff", "list", "--store", demo, "--format", format])), "\(format)")
            #expect(there.count > 100)
        }
        let listed = try JSONSerialization.jsonObject(with: Data(try Self.ok(["staff", "list", "--store", region,
                                                                              "--format", "json"]).utf8))
        let unit = try #require((listed as? [[String: Any]])?.first?["unit"] as? String)

        let first = try StaffFixture.keyFile("first", in: folder)
        let second = try StaffFixture.keyFile("second", in: folder, comment: "nurse@ws13")
        let added = try Self.ok(["staff", "add", "--store", region, "--id", "nea.nilsson", "--name", "Nea Nilsson",
                                 "--profession", "nurse", "--unit", unit, "--role", "nurse", "--key", first])
        #expect(added.contains("Added nea.nilsson"))
        #expect(try Self.ok(["staff", "add-key", "--store", region, "--id", "nea.nilsson", "--key", second])
            .contains("Added a key"))
        let again = try NaraBinary.run(["staff", "add-key", "--store", region, "--id", "nea.nilsson", "--key", first])
        #expect(again.status == 1 && again.stderr.contains("already on file for nea.nilsson"), "\(again.stderr)")
        let twice = try NaraBinary.run(["staff", "add", "--store", region, "--id", "nea.nilsson", "--name", "Nea",
                                        "--profession", "nurse", "--unit", unit])
        #expect(twice.status == 1, "\(twice.stdout)")

        let csv = try Self.ok(["staff", "list", "--store", region, "--unit", unit, "--format", "csv"])
        #expect(csv.split(separator: "\n").contains { $0.hasPrefix("nea.nilsson,Nea Nilsson,nurse,\(unit),nurse,,yes,2") },
                "\(csv)")
        #expect(!(try Self.ok(["staff", "list", "--store", demo, "--format", "csv"])).contains("nea.nilsson"))

        // The keys file names the connection file the forced command opens.
        let keys = try Self.ok(["ssh", "authorized-keys", "--store", region, "--binary", "/usr/bin/nara",
                                "--store-for-command", "/etc/nara/region.conn"])
        let lines = keys.split(separator: "\n").filter { $0.contains("--user nea.nilsson\"") }
        #expect(lines.count == 2 && lines.allSatisfy { $0.contains("--store /etc/nara/region.conn ") }, "\(keys)")
        #expect(try Self.ok(["staff", "deactivate", "--store", region, "--id", "nea.nilsson"]).contains("Deactivated"))
        #expect(!(try Self.ok(["ssh", "authorized-keys", "--store", region, "--binary", "/usr/bin/nara",
                               "--store-for-command", "/etc/nara/region.conn"])).contains("nea.nilsson"))
    }

    @Test func auditAndCheckAgreeBetweenTheFileAndItsCopy() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (demo, region) = try Self.copiedDemo(in: folder)
        let head = try Self.ok(["audit", "head", "--store", demo])
        #expect(!head.isEmpty)
        #expect(try Self.ok(["audit", "head", "--store", region]) == head)
        let verified = try Self.ok(["audit", "verify", "--store", region])
        #expect(verified.hasPrefix("intact: "))
        #expect(try verified == Self.ok(["audit", "verify", "--store", demo]))

        let anchors = folder.appendingPathComponent("anchors.log").path
        _ = try Self.ok(["audit", "anchor", "--store", region, "--to", anchors])
        #expect(try Self.ok(["audit", "verify", "--store", demo, "--anchors", anchors]).contains("1 anchors hold"))
        #expect(try Self.ok(["audit", "verify", "--store", region, "--anchors", anchors]).contains("1 anchors hold"))

        let check = try Self.ok(["check", "--store", region])
        #expect(check.contains("integrity\tok") && check.contains("kind\tdemo"), "\(check)")
        #expect(try CopyCommandTests.counts(region) == CopyCommandTests.counts(demo))
        let store = check.split(separator: "\n").first { $0.hasPrefix("store\t") }
        #expect(store?.hasPrefix("store\tpostgresql://") == true, "\(check)")
    }
}
