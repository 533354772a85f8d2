import Foundation
import Testing

@Suite struct SshKeysCommandTests {
    @Test func oneForcedCommandLinePerKeyOfActiveStaffOnly() throws {
        let f = try StaffFixture()
        defer { f.remove() }
        let evaKey = try f.keyFile("eva", comment: "eva@ws12")
        let olleKey = try f.keyFile("olle", comment: "olle@ws3")
        #expect(try f.add("eva.berg", key: evaKey).status == 0)
        #expect(try f.add("olle.ek", key: olleKey).status == 0)
        let lines = try authorizedKeys(f)
        #expect(lines.count == 2)
        let evaPub = try String(contentsOfFile: evaKey, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(lines[0] == "restrict,pty,command=\"/usr/local/bin/nara --store /var/lib/nara/clinic.sqlite "
            + "--user eva.berg\" \(evaPub)")
        #expect(lines[1].hasPrefix("restrict,pty,command=\"/usr/local/bin/nara --store /var/lib/nara/clinic.sqlite "
            + "--user olle.ek\" ssh-"))
        #expect(try NaraBinary.run(["staff", "deactivate", "--store", f.store, "--id", "eva.berg"]).status == 0)
        let after = try authorizedKeys(f)
        #expect(after.count == 1)
        #expect(after[0].contains("--user olle.ek\""))
    }

    /// Security review L1: an RSA key whose exponent carries a leading zero byte is the
    /// same key to sshd; it is refused for a second person, by add-key and by add.
    @Test func theSameKeyInAnotherEncodingIsRefusedForASecondPerson() throws {
        let f = try StaffFixture()
        defer { f.remove() }
        let rolf = try f.write(Self.rsaLine(exponentZeros: 0, comment: "rolf@ws1") + "\n", to: "rsa1.pub")
        let variant = try f.write(Self.rsaLine(exponentZeros: 1, comment: "gun@ws2") + "\n", to: "rsa1-variant.pub")
        #expect(try f.add("rolf.bergstrom", key: rolf).status == 0)
        #expect(try f.add("gun.sjoberg").status == 0)
        let refused = try NaraBinary.run(["staff", "add-key", "--store", f.store, "--id", "gun.sjoberg", "--key", variant])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("already on file for rolf.bergstrom"), "\(refused.stderr)")
        let added = try f.add("kent.dahl", key: variant)
        #expect(added.status == 1)
        #expect(added.stderr.contains("already on file for rolf.bergstrom"), "\(added.stderr)")
        let lines = try authorizedKeys(f)
        #expect(lines.count == 1)
        #expect(lines.allSatisfy { $0.contains("--user rolf.bergstrom\"") })
    }

    /// A store that took the same key for two people before keys were compared decoded:
    /// no keys file is written from it.
    @Test func authorizedKeysRefusesOneKeyOnFileForTwoPeople() throws {
        let f = try StaffFixture()
        defer { f.remove() }
        let rolf = try f.write(Self.rsaLine(exponentZeros: 0) + "\n", to: "rsa1.pub")
        #expect(try f.add("rolf.bergstrom", key: rolf).status == 0)
        #expect(try f.add("gun.sjoberg").status == 0)
        let data = Self.rsaLine(exponentZeros: 1).split(separator: " ")[1]
        _ = try sqliteShell(f.store, "INSERT INTO staff_key(staff_id, key_type, key_data, comment, added_at) "
                                + "VALUES ('gun.sjoberg', 'ssh-rsa', '\(data)', NULL, 0)")
        let r = try NaraBinary.run(["ssh", "authorized-keys", "--store", f.store, "--binary", "/usr/local/bin/nara",
                                    "--store-for-command", "/var/lib/nara/clinic.sqlite"])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("gun.sjoberg") && r.stderr.contains("rolf.bergstrom"), "\(r.stderr)")
    }

    static func rsaLine(exponentZeros: Int, comment: String = "rolf@ws1") -> String {
        func sshString(_ bytes: [UInt8]) -> [UInt8] {
            withUnsafeBytes(of: UInt32(bytes.count).bigEndian) { Array($0) } + bytes
        }
        var modulus: [UInt8] = [0x00, 0xC3]
        for i in 0..<127 { modulus.append(UInt8((i * 37 + 11) & 0xFF)) }
        let blob = sshString(Array("ssh-rsa".utf8))
            + sshString(Array(repeating: 0, count: exponentZeros) + [0x01, 0x00, 0x01]) + sshString(modulus)
        return "ssh-rsa " + Data(blob).base64EncodedString() + " " + comment
    }

    @Test func pathsThatCouldBreakOutOfTheCommandAreRefused() throws {
        let f = try StaffFixture()
        defer { f.remove() }
        #expect(try f.add("eva.berg", key: try f.keyFile("eva")).status == 0)
        for bad in ["/usr/local/bin/na ra", "/usr/bin/nara\" ; sh", "nara", "/opt/x/../nara", "/usr/bin/nara'x"] {
            let r = try NaraBinary.run(["ssh", "authorized-keys", "--store", f.store, "--binary", bad,
                                        "--store-for-command", "/var/lib/nara/clinic.sqlite"])
            #expect(r.status == 1, "\(bad)")
            #expect(r.stdout.isEmpty)
            #expect(r.stderr.contains("--binary"))
            let s = try NaraBinary.run(["ssh", "authorized-keys", "--store", f.store, "--binary", "/usr/bin/nara",
                                        "--store-for-command", bad])
            #expect(s.status == 1, "\(bad)")
            #expect(s.stdout.isEmpty)
        }
    }

    @Test func anIdWithAQuoteOrSpaceNeverReachesTheKeysFile() throws {
        let f = try StaffFixture()
        defer { f.remove() }
        for (i, bad) in ["eva\"berg", "eva berg"].enumerated() {
            let r = try f.add(bad, key: try f.keyFile("k\(i)"))
            #expect(r.status == 1)
            #expect(r.stderr.contains("staff id"))
        }
        #expect(try authorizedKeys(f).isEmpty)
    }

    @Test func aRemoteCommandDoesNotChangeWhatCheckDoes() throws {
        let f = try StaffFixture()
        defer { f.remove() }
        let plain = try NaraBinary.run(["check", "--store", f.store])
        let with = try NaraBinary.run(["check", "--store", f.store],
                                      environment: ["SSH_ORIGINAL_COMMAND": "bash -i", "LD_PRELOAD": "", "PAGER": "sh"])
        #expect(with.status == 0, "\(with.stderr)")
        #expect(with.stdout == plain.stdout)
    }

    private func authorizedKeys(_ f: StaffFixture) throws -> [String] {
        let r = try NaraBinary.run(["ssh", "authorized-keys", "--store", f.store, "--binary", "/usr/local/bin/nara",
                                    "--store-for-command", "/var/lib/nara/clinic.sqlite"])
        #expect(r.status == 0, "\(r.stderr)")
        return r.stdout.split(separator: "\n").map(String.init)
    }
}
