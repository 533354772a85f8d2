import Foundation

/// Runs the built `nara` executable the way a user does, from a fresh environment.
struct NaraBinary {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let url = built("nara")
    /// The store exercises of the reliability tests, a program of its own (`selftest …`).
    static let harness = built("nara-store-harness")

    static func built(_ name: String) -> URL {
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        var candidates = [here.appendingPathComponent(name)]
        // swift test may run the tests from inside the .xctest bundle folder.
        candidates.append(here.deletingLastPathComponent().appendingPathComponent(name))
        candidates.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../.build/debug/" + name).standardized)
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    /// `selftest …` runs the harness; anything else the shipped program.
    static func program(_ arguments: [String]) -> (URL, [String]) {
        arguments.first == "selftest" ? (harness, Array(arguments.dropFirst())) : (url, arguments)
    }

    /// A private HOME so that the default store never touches the developer's own.
    static func run(_ arguments: [String], environment: [String: String] = [:], home: URL? = nil) throws -> Result {
        var env = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        if let home { env["HOME"] = home.path }
        env.merge(environment) { _, new in new }
        let (program, arguments) = program(arguments)
        return try execute(program, arguments, environment: env)
    }

    /// Runs a program to its end with no input, collecting both outputs.
    static func execute(_ executable: URL, _ arguments: [String], environment: [String: String]) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read before waiting: a full pipe would block the child forever.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    static func start(_ arguments: [String]) throws -> (Process, Pipe) {
        let process = Process()
        (process.executableURL, process.arguments) = program(arguments)
        process.environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        return (process, out)
    }
}

func temporaryFolder() -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("nara-cli-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// A query through the sqlite3 shell, as an administrator would read a store: the
/// tests use it to find facts about generated data and to tamper with files.
func sqliteShell(_ path: String, _ sql: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
    process.arguments = [path, sql]
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
}
