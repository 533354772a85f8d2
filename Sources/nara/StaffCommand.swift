import ArgumentParser
import Foundation
import NaraDomain

struct StaffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff",
        abstract: "Add, list and deactivate staff, and keep their SSH keys.",
        discussion: """
            After any change to staff or keys, regenerate the service account's keys file with \
            `nara ssh authorized-keys` (see docs/DEPLOYMENT.md).
            """,
        subcommands: [StaffAddCommand.self, StaffAddKeyCommand.self, StaffListCommand.self,
                      StaffDeactivateCommand.self, StaffRolesCommand.self]
    )
}

/// The roles and what each may do: the needs-and-risk analysis the access policy applies.
struct StaffRolesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roles",
        abstract: "List the roles and the rights each gives.",
        discussion: """
            Rights: read and write identity (name, identifier, address, listing), coordination (named contacts,             plans, the course of referrals) and clinical information (diagnoses, encounters, referral texts);             consent and blocks; emergency access; administration; log review.
            """
    )

    @Option(help: ArgumentHelp("Output format: table or json.", valueName: "FORMAT"))
    var format: String = "table"

    func validate() throws {
        guard ["table", "json"].contains(format) else { throw ValidationError("--format must be table or json") }
    }

    func run() throws {
        if format == "json" {
            let objects = RoleCatalog.all.map { d -> [String: Any] in
                ["role": d.role.rawValue, "name_sv": d.swedishName, "name_en": d.englishName,
                 "rights": Right.allCases.filter(d.rights.contains).map(\.rawValue)]
            }
            print(CommandTable.json(objects, pretty: true), terminator: "")
            return
        }
        print(CommandTable(header: ["role", "name", "rights"], rows: RoleCatalog.all.map { d in
            [d.role.rawValue, d.englishName + " (" + d.swedishName + ")",
             Right.allCases.filter(d.rights.contains).map(\.rawValue).joined(separator: " ")]
        }).text(), terminator: "")
    }
}

struct StaffDeactivateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deactivate",
        abstract: "Stop a staff member from signing in. Their history and keys stay on file."
    )

    @OptionGroup var storeOptions: StoreOptions
    @Option(help: ArgumentHelp("The staff member's login name.", valueName: "ID"))
    var id: String

    func run() throws {
        try reportingFailures {
            let store = try storeOptions.openOperator()
            try store.setStaffActive(StaffID(rawValue: id), active: false)
            print("Deactivated \(id).")
            Output.note("Regenerate the keys file (nara ssh authorized-keys) so that \(id)'s keys stop working.")
        }
    }
}

struct StaffAddKeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add-key",
        abstract: "Put one more SSH public key on file for a staff member (a new workstation, a new key)."
    )

    @OptionGroup var storeOptions: StoreOptions
    @Option(help: ArgumentHelp("The staff member's login name.", valueName: "ID"))
    var id: String
    @Option(help: ArgumentHelp("An OpenSSH public key file (one line: TYPE BASE64 [comment]).", valueName: "FILE"))
    var key: String

    func run() throws {
        try reportingFailures {
            let parsed = try KeyFile.read(key)
            let store = try storeOptions.openOperator()
            try store.addStaffKey(parsed, for: StaffID(rawValue: id))
            print("Added a key (\(parsed.type)) for \(id).")
            Output.note("Regenerate the keys file (nara ssh authorized-keys) for the key to work.")
        }
    }
}

/// Reads a `.pub` file, with the file's name in every complaint so the administrator
/// knows which of several files was wrong.
enum KeyFile {
    static func read(_ path: String) throws -> SSHPublicKey {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError.invalid("cannot read the key file \(path)")
        }
        defer { try? handle.close() }
        // A public key is a few hundred bytes; never read a large file whole.
        let data = (try? handle.read(upToCount: 16_385)) ?? Data()
        guard let text = String(data: data, encoding: .utf8) else {
            throw StoreError.invalid("key file \(path): not text")
        }
        do {
            return try SSHPublicKey.parse(text)
        } catch let failure as SSHPublicKey.Failure {
            throw StoreError.invalid("key file \(path): \(failure)")
        }
    }
}
