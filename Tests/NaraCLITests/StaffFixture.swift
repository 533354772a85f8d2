import Foundation

/// A production store with one unit and its administrator, in a fresh folder.
struct StaffFixture {
    let folder = temporaryFolder()
    var store: String { folder.appendingPathComponent("clinic.sqlite").path }

    init() throws {
        let r = try NaraBinary.run(["init", "--store", folder.appendingPathComponent("clinic.sqlite").path,
                                    "--unit-id", "vc01", "--unit-name", "Vårdcentralen Ekbacken",
                                    "--admin", "anna.lund", "--admin-name", "Anna Lund"])
        guard r.status == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }

    /// A public key file: from ssh-keygen when installed, else a fixed valid line.
    func keyFile(_ name: String, comment: String = "nurse@ws12") throws -> String {
        try Self.keyFile(name, in: folder, comment: comment)
    }

    static func keyFile(_ name: String, in folder: URL, comment: String = "nurse@ws12") throws -> String {
        let base = folder.appendingPathComponent(name).path
        let keygen = "/usr/bin/ssh-keygen"
        if FileManager.default.isExecutableFile(atPath: keygen) {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: keygen)
            p.arguments = ["-q", "-t", "ed25519", "-N", "", "-C", comment, "-f", base]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            p.waitUntilExit()
            if p.terminationStatus == 0 { return base + ".pub" }
        }
        try (Self.fixedKey + " " + comment + "\n").write(toFile: base + ".pub", atomically: true, encoding: .utf8)
        return base + ".pub"
    }

    func write(_ text: String, to name: String) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static let fixedKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIP1y8S6h1MzPtNjL8zzZyLdyG6BjWiN1znLlhkSVf05p"

    func add(_ id: String, role: String = "nurse", key: String? = nil) throws -> NaraBinary.Result {
        var args = ["staff", "add", "--store", store, "--id", id, "--name", "Test Person", "--profession", "nurse",
                    "--unit", "vc01", "--role", role]
        if let key { args += ["--key", key] }
        return try NaraBinary.run(args)
    }
}
