import Foundation
import Testing

@Suite struct BlockCommandTests {
    @Test func addListAndLiftABlock() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("b.sqlite").path
        #expect(try NaraBinary.run(["demo", "--store", path, "--patients", "300"]).status == 0)
        let pnr = try sqliteShell(path, "SELECT substr(ident, 1, 8) || '-' || substr(ident, 9) FROM patient WHERE ident_kind = 'personnummer' ORDER BY id LIMIT 1")
        let user = try sqliteShell(path, "SELECT value FROM store_meta WHERE key = 'demo_user'")
        let unit = try sqliteShell(path, "SELECT id FROM care_unit WHERE kind = 'specialist' ORDER BY id LIMIT 1")
        let add = try NaraBinary.run(["block", "add", "--store", path, "--user", user, "--patient", pnr, "--unit", unit,
                                      "--reason", "Patientens begäran"])
        #expect(add.status == 0, "\(add.stderr)")
        let list = try NaraBinary.run(["block", "list", "--store", path, "--user", user, "--patient", pnr])
        #expect(list.stdout.contains("\(unit)\t"))
        #expect(list.stdout.contains("active"))
        #expect(try NaraBinary.run(["block", "lift", "--store", path, "--user", user, "--patient", pnr, "--unit", unit]).status == 0)
        #expect(!(try NaraBinary.run(["block", "list", "--store", path, "--user", user, "--patient", pnr]).stdout.contains("active")))
        let bad = try NaraBinary.run(["block", "add", "--store", path, "--user", user, "--patient", "19121212-1213",
                                      "--unit", unit, "--reason", "x"])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("check digit"))
    }

}
