import Foundation
import Testing

@Suite struct PnrCommandTests {
    @Test func normalisesValidIdentifiers() throws {
        let r = try NaraBinary.run(["pnr", "19121212-1212", "121212+1212", "811228-9874", "98240301AA06",
                                    "--today", "2026-11-23"])
        #expect(r.status == 0)
        #expect(r.stderr == "")
        #expect(r.stdout.split(separator: "\n") == [
            "19121212-1212\tpersonnummer\t1912-12-12\tmale",
            "19121212-1212\tpersonnummer\t1912-12-12\tmale",
            "19811228-9874\tpersonnummer\t1981-12-28\tmale",
            "98240301AA06\tnational_reserve\t2024-03-01\tfemale",
        ])
    }

    @Test func aShortNumberTakesTheCenturyFromItsSeparator() throws {
        let minus = try NaraBinary.run(["pnr", "121212-1212", "--today", "2026-11-23"])
        #expect(minus.stdout.hasPrefix("20121212-1212\t"))
        let plus = try NaraBinary.run(["pnr", "121212+1212", "--today", "2026-11-23"])
        #expect(plus.stdout.hasPrefix("19121212-1212\t"))
    }

    @Test func invalidOnesGiveTheirReasonOnStderrAndExitOne() throws {
        let r = try NaraBinary.run(["pnr", "19121212-1213", "19121312-1212", "1912121", "19121212-1212"])
        #expect(r.status == 1)
        #expect(r.stdout == "19121212-1212\tpersonnummer\t1912-12-12\tmale\n")
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0].contains("19121212-1213") && lines[0].lowercased().contains("check digit"))
        #expect(lines[1].lowercased().contains("date"))
        #expect(lines[2].lowercased().contains("digits") || lines[2].lowercased().contains("length"))
    }

    @Test func helpIsThereForEveryCommand() throws {
        for command in [[], ["pnr"], ["demo"], ["init"], ["check"]] {
            let r = try NaraBinary.run(command + ["--help"])
            #expect(r.status == 0, "\(command)")
            #expect(r.stdout.contains("USAGE"), "\(command)")
        }
        #expect(try NaraBinary.run(["--help"]).stdout.contains("SUBCOMMANDS"))
        // Without a terminal the program says so instead of drawing into a pipe.
        let home = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: home) }
        let bare = try NaraBinary.run([], home: home)
        #expect(bare.status != 0)
        #expect(bare.stderr.contains("terminal"), "\(bare.stderr)")
    }
}
