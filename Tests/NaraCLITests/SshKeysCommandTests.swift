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
