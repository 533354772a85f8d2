import Foundation
import Testing

@Suite struct StaffCommandTests {
    /// Tables pad by terminal columns: a name of wide characters lines up with the rest.
    @Test func tablesLineUpByTerminalColumns() throws {
        let f = try StaffFixture()
        defer { f.remove() }
        let added = try NaraBinary.run(["staff", "add", "--store", f.store, "--id", "hana.y", "--name", "山田 花子",
                                        "--profession", "nurse", "--unit", "vc01", "--role", "nurse"])
        #expect(added.status == 0, "\(added.stderr)")
        let table = try NaraBinary.run(["staff", "list", "--store", f.store])
        let lines = table.stdout.split(separator: "\n").filter { $0.contains("vc01") || $0.hasPrefix("id ") }
        #expect(lines.count == 3)
        // The profession column starts at the same terminal column on every line: a CJK
        // character takes two columns, so the wide name has fewer characters of padding.
        func column(_ line: Substring, of word: String) -> Int? {
            guard let r = line.range(of: word) else { return nil }
            return line[..<r.lowerBound].unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 && $1.value <= 0xFFDC ? 2 : 1) }
        }
        let starts = lines.compactMap { line in
            ["profession", "coordinator", "nurse"].lazy.compactMap { column(line, of: " " + $0 + " ") }.first
        }
        #expect(starts.count == 3 && Set(starts).count == 1, "\(lines)")
    }

    @Test func addWithAKeyThenListInEveryFormat() throws {
        let f = try StaffFixture()
        defer { f.remove() }
        let key = try f.keyFile("eva")
        let added = try NaraBinary.run(["staff", "add", "--store", f.store, "--id", "eva.berg", "--name", "Eva Berg",
                                        "--profession", "district_nurse", "--unit", "vc01", "--role", "nurse",
                                        "--role", "municipal_nurse", "--hsa-id", "SE2321000164-e1", "--key", key])
        #expect(added.status == 0, "\(added.stderr)")
        let table = try NaraBinary.run(["staff", "list", "--store", f.store])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("eva.berg"))
        #expect(table.stdout.contains("municipal_nurse nurse"))
        #expect(table.stdout.contains("2 staff"))
        let csv = try NaraBinary.run(["staff", "list", "--store", f.store, "--format", "csv"])
        #expect(csv.stdout.hasPrefix("id,name,profession,unit,roles,hsa_id,active,keys\n"))
        #expect(csv.stdout.contains("eva.berg,Eva Berg,district_nurse,vc01,municipal_nurse nurse,SE2321000164-e1,yes,1"))
        let json = try NaraBinary.run(["staff", "list", "--store", f.store, "--format", "json", "--unit", "vc01"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        let eva = try #require(rows.first { $0["id"] as? String == "eva.berg" })
        #expect(eva["keys"] as? Int == 1)
        #expect(eva["active"] as? Bool == true)
        #expect(eva["roles"] as? [String] == ["municipal_nurse", "nurse"])
    }

    @Test func deactivateKeepsThePersonButMarksThemInactive() throws {
        let f = try StaffFixture()
        defer { f.remove() }
        #expect(try f.add("eva.berg").status == 0)
        let r = try NaraBinary.run(["staff", "deactivate", "--store", f.store, "--id", "eva.berg"])
        #expect(r.status == 0, "\(r.stderr)")
        let csv = try NaraBinary.run(["staff", "list", "--store", f.store, "--format", "csv"])
        #expect(csv.stdout.contains("eva.berg,Test Person,nurse,vc01,nurse,,no,0"))
        let missing = try NaraBinary.run(["staff", "deactivate", "--store", f.store, "--id", "nobody"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("nobody not found"))
    }

    @Test func refusalsExitOneWithAMessageAndWriteNothing() throws {
        let f = try StaffFixture()
        defer { f.remove() }
        #expect(try f.add("eva.berg").status == 0)
        let duplicate = try f.add("eva.berg")
        #expect(duplicate.status == 1)
        #expect(duplicate.stderr.contains("already exists"))
        let badId = try f.add("Eva Berg")
        #expect(badId.status == 1)
        #expect(badId.stderr.contains("staff id"))
        let role = try f.add("a.b", role: "boss")
        #expect(role.status == 1)
        #expect(role.stderr.contains("unknown role 'boss'"))
        let unit = try NaraBinary.run(["staff", "add", "--store", f.store, "--id", "c.d", "--name", "C D",
                                       "--profession", "nurse", "--unit", "nope"])
        #expect(unit.status == 1)
        #expect(unit.stderr.contains("unit nope not found"))
        let profession = try NaraBinary.run(["staff", "add", "--store", f.store, "--id", "c.d", "--name", "C D",
                                             "--profession", "wizard", "--unit", "vc01"])
        #expect(profession.status == 1)
        #expect(profession.stderr.contains("unknown profession 'wizard'"))
        let unknownList = try NaraBinary.run(["staff", "list", "--store", f.store, "--unit", "nope"])
        #expect(unknownList.status == 1)
        #expect(try NaraBinary.run(["staff", "list", "--store", f.store, "--format", "csv"]).stdout
            .split(separator: "\n").count == 3)
    }

    @Test func aKeyFileWithOptionsOrTwoLinesOrJunkIsRefused() throws {
        let f = try StaffFixture()
        defer { f.remove() }
        let good = StaffFixture.fixedKey
        let cases: [(String, String)] = [
            ("command=\"/bin/sh\" \(good) x", "options"),
            ("\(good) one\n\(good) two\n", "exactly one key"),
            ("ssh-dss AAAAB3NzaC1kc3MAAACBAP", "unknown key type"),
            ("ssh-ed25519 not*base64!!!!!!!!!!!!", "base64"),
            ("ssh-rsa AAAAC3NzaC1lZDI1NTE5AAAAIP1y8S6h1MzPtNjL8zzZyLdyG6BjWiN1znLlhkSVf05p", "does not match"),
            ("", "no key"),
        ]
        for (i, (text, message)) in cases.enumerated() {
            let path = try f.write(text, to: "bad\(i).pub")
            let r = try f.add("person.\(i)", key: path)
            #expect(r.status == 1, "case \(i)")
            #expect(r.stderr.contains(message), "case \(i): \(r.stderr)")
        }
        #expect(try NaraBinary.run(["staff", "list", "--store", f.store, "--format", "csv"]).stdout
            .split(separator: "\n").count == 2) // only the header and the administrator
    }

    @Test func oneKeyBelongsToOnePersonOnly() throws {
        let f = try StaffFixture()
        defer { f.remove() }
        let key = try f.keyFile("shared")
        #expect(try f.add("eva.berg", key: key).status == 0)
        let second = try f.add("olle.ek", key: key)
        #expect(second.status == 1)
        #expect(second.stderr.contains("already on file for eva.berg"))
        let addKey = try NaraBinary.run(["staff", "add-key", "--store", f.store, "--id", "anna.lund", "--key", key])
        #expect(addKey.status == 1)
        let own = try NaraBinary.run(["staff", "add-key", "--store", f.store, "--id", "anna.lund",
                                      "--key", try f.keyFile("anna")])
        #expect(own.status == 0, "\(own.stderr)")
    }
}
