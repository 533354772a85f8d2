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

    /// Security review L7: what the user typed is echoed without its control characters,
    /// in nara's own errors and in the command-line parser's.
    @Test func echoedInputReachesTheTerminalWithoutControlCharacters() throws {
        let invalid = try NaraBinary.run(["pnr", "19121212\u{1B}]0;x\u{7}-1212"])
        #expect(invalid.status == 1)
        #expect(invalid.stderr.contains("19121212]0;x-1212"), "\(invalid.stderr)")
        let badDay = try NaraBinary.run(["pnr", "--today", "\u{1B}[31mx", "19121212-1212"])
        #expect(badDay.status != 0)
        #expect(badDay.stderr.contains("not '[31mx'"), "\(badDay.stderr)")
        let badOption = try NaraBinary.run(["pnr", "19121212-1212", "--x\u{1B}[2J\u{9B}1m"])
        #expect(badOption.status != 0)
        #expect(badOption.stderr.contains("--x[2J1m"), "\(badOption.stderr)")
        for r in [invalid, badDay, badOption] {
            #expect(!(r.stderr + r.stdout).unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || $0.value == 0x9B },
                    "\(r.stderr.debugDescription)")
        }
        let help = try NaraBinary.run(["pnr", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("USAGE: nara pnr"), "\(help.stdout)")
    }
}

@Suite struct PnrReserveNumberTests {
    /// The published examples of Inera and HL7 Sweden: each region is named.
    @Test func printsTheRegionOfEachLocalReserveNumber() throws {
        let r = try NaraBinary.run(["pnr", "991981000010", "19810829M071", "19810829SU3A", "198108320014",
                                    "19810829TB1F", "19651207-01M1", "--today", "2026-11-23"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.split(separator: "\n") == [
            "991981000010\tlocal_reserve_stockholm\tunknown\tunknown\tRegion Stockholm",
            "19810829M071\tlocal_reserve_vastra_gotaland\t1981-08-29\tmale\tVästra Götalandsregionen (LRID) (same shape: Region Dalarna, Västra Götalandsregionen (GRID))",
            "19810829SU3A\tlocal_reserve_varmland\t1981-08-29\tmale\tRegion Värmland (same shape: Region Blekinge, Region Sörmland)",
            "198108320014\tlocal_reserve_inera_carelink\tunknown\tunknown\tInera Carelink (same shape: Region Halland)",
            "19810829TB1F\tlocal_reserve_orebro\t1981-08-29\tunknown\tRegion Örebro län (same shape: Region Blekinge, Region Sörmland)",
            "19651207-01M1\tlocal_reserve_gavleborg\t1965-12-07\tmale\tRegion Gävleborg",
        ])
    }

    @Test func nationalReserveNumbersAreCheckedAndNeverPersonnummer() throws {
        let r = try NaraBinary.run(["pnr", "98240301AA06", "25780404KHD5", "00342145BZ31", "98240301AA05",
                                    "991981000011", "121212-0008", "--today", "2026-11-23"])
        #expect(r.status == 1)
        #expect(r.stdout.split(separator: "\n") == [
            "98240301AA06\tnational_reserve\t2024-03-01\tfemale",
            "25780404KHD5\tnational_reserve\t1978-04-04\tunknown",
            "00342145BZ31\tnational_reserve\tunknown\tmale",
        ])
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0].contains("98240301AA05") && lines[0].contains("check digit is 5, expected 6"))
        #expect(lines[1].contains("991981000011") && lines[1].contains("check digit is 1, expected 0"))
        #expect(lines[2].contains("121212-0008") && lines[2].contains("000"))
    }
}
