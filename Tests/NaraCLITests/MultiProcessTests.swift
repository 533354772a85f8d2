import Foundation
import Testing

/// Several real processes on one store file, as on a clinic server.
@Suite struct MultiProcessTests {
    @Test func processesMigratingANewFileAtOnceAllSucceed() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("new.sqlite").path
        let started = try (0..<6).map { _ in try NaraBinary.start(["selftest", "open", "--store", path]) }
        for (process, pipe) in started {
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(output)")
        }
        let check = try NaraBinary.run(["check", "--store", path])
        #expect(check.status == 0)
        #expect(check.stdout.contains("kind\tproduction"))
    }

    @Test func twoProcessesWritingAtOnceLoseNothing() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("w.sqlite").path
        #expect(try NaraBinary.run(["demo", "--store", path, "--patients", "100"]).status == 0)
        func count(_ table: String) throws -> Int {
            let out = try NaraBinary.run(["check", "--store", path]).stdout
            let line = out.split(separator: "\n").first { $0.hasPrefix(table + "\t") } ?? ""
            return Int(line.split(separator: "\t").last ?? "") ?? -1
        }
        let encountersBefore = try count("encounter"), logBefore = try count("access_log")
        let writers = try (0..<2).map { _ in try NaraBinary.start(["selftest", "write", "--store", path, "--count", "200"]) }
        for (process, pipe) in writers {
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(output)")
            #expect(!output.contains("locked"))
        }
        #expect(try count("encounter") == encountersBefore + 400)
        #expect(try count("access_log") == logBefore + 400)
    }
}
