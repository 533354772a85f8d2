import Foundation
import Testing

@Suite struct StoreCommandTests {
    @Test func demoThenCheckThenRefuseToOverwrite() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("demo.sqlite").path
        let built = try NaraBinary.run(["demo", "--store", path, "--patients", "500", "--seed", "7"])
        #expect(built.status == 0, "\(built.stderr)")
        #expect(built.stdout.contains("500 patients"))
        let check = try NaraBinary.run(["check", "--store", path])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("kind\tdemo"))
        #expect(check.stdout.contains("patient\t500"))
        #expect(check.stdout.contains("integrity\tok"))
        let again = try NaraBinary.run(["demo", "--store", path, "--patients", "500"])
        #expect(again.status != 0)
        #expect(again.stderr.contains("--force"))
        let forced = try NaraBinary.run(["demo", "--store", path, "--patients", "300", "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try NaraBinary.run(["check", "--store", path]).stdout.contains("patient\t300"))
    }

    @Test func theStoreComesFromNARA_STOREWhenNoOptionIsGiven() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("env.sqlite").path
        #expect(try NaraBinary.run(["demo", "--patients", "200"], environment: ["NARA_STORE": path]).status == 0)
        #expect(FileManager.default.fileExists(atPath: path))
        let check = try NaraBinary.run(["check"], environment: ["NARA_STORE": path])
        #expect(check.stdout.contains("patient\t200"))
    }

    @Test func withoutStoreOrEnvironmentTheDefaultDemoStoreIsCreated() throws {
        let home = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: home) }
        let r = try NaraBinary.run(["check"], home: home)
        #expect(r.status == 0, "\(r.stderr)")
        let expected = home.appendingPathComponent(".local/share/nara/demo.sqlite").path
        #expect(FileManager.default.fileExists(atPath: expected))
        #expect(r.stdout.contains("kind\tdemo"))
        let xdg = home.appendingPathComponent("xdg")
        let r2 = try NaraBinary.run(["check"], environment: ["XDG_DATA_HOME": xdg.path], home: home)
        #expect(r2.status == 0)
        #expect(FileManager.default.fileExists(atPath: xdg.appendingPathComponent("nara/demo.sqlite").path))
    }

    @Test func checkOnAMissingOrBrokenStoreExitsOneWithAMessage() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = folder.appendingPathComponent("nothing.sqlite").path
        let r = try NaraBinary.run(["check", "--store", missing])
        #expect(r.status == 1)
        #expect(r.stderr.contains("no store at"))
        let junk = folder.appendingPathComponent("junk.sqlite")
        try Data(repeating: 0x41, count: 4096).write(to: junk)
        let j = try NaraBinary.run(["check", "--store", junk.path])
        #expect(j.status == 1)
        #expect(j.stderr.contains("not a Nära store"))
    }

    @Test func initMakesAnEmptyProductionStore() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("clinic.sqlite").path
        let args = ["init", "--store", path, "--unit-id", "SE2321000164-vc01", "--unit-name", "Vårdcentralen Ekbacken",
                    "--admin", "anna.lund", "--admin-name", "Anna Lund"]
        let r = try NaraBinary.run(args)
        #expect(r.status == 0, "\(r.stderr)")
        let check = try NaraBinary.run(["check", "--store", path])
        #expect(check.stdout.contains("kind\tproduction"))
        #expect(check.stdout.contains("patient\t0"))
        #expect(check.stdout.contains("staff\t1"))
        #expect(try NaraBinary.run(args).status == 1) // never over an existing file
        let bad = try NaraBinary.run(["init", "--store", folder.appendingPathComponent("b.sqlite").path,
                                      "--unit-id", "x", "--unit-name", "X", "--admin", "Anna Lund", "--admin-name", "A"])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("staff id"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("b.sqlite").path))
    }

    /// `nara --version` names the program's version and the schema of the stores it
    /// writes: the last migration a new store gets.
    @Test func versionNamesTheProgramAndTheSchemaItWrites() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("clinic.sqlite").path
        #expect(try NaraBinary.run(["init", "--store", path, "--unit-id", "vc01", "--unit-name", "VC",
                                    "--admin", "anna.lund", "--admin-name", "Anna Lund"]).status == 0)
        let schema = try sqliteShell(path, "SELECT identifier FROM grdb_migrations ORDER BY rowid DESC LIMIT 1")
        let version = try NaraBinary.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("nara "), "\(version.stdout)")
        #expect(version.stdout.contains("(store schema \(schema))"), "\(version.stdout)")
    }
}
