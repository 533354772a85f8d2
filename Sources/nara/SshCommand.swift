import ArgumentParser
import Foundation
import NaraDomain
import NaraPostgresStore
import NaraStore

struct SshCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ssh",
        abstract: "What the SSH server needs to let staff in.",
        subcommands: [AuthorizedKeysCommand.self]
    )
}

struct AuthorizedKeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "authorized-keys",
        abstract: "Print the service account's keys file: one forced-command line per key of each active staff member.",
        discussion: """
            Example: nara ssh authorized-keys --store /var/lib/nara/clinic.sqlite --binary /usr/bin/nara \
            > /etc/ssh/nara_keys/vard. Deactivated staff get no line, so run it after every staff change.
            """
    )

    @OptionGroup var storeOptions: StoreOptions
    @Option(help: ArgumentHelp("The absolute path of nara on the server, as the forced command runs it.",
                               valueName: "PATH"))
    var binary: String
    @Option(help: ArgumentHelp("The store path to name in the forced command, if not the --store path.",
                               valueName: "PATH"))
    var storeForCommand: String?

    func run() throws {
        try reportingFailures {
            // Not repeated in a message: a URL may hold a password.
            if storeForCommand == nil && PostgresLocation.isURL(storeOptions.path) {
                throw StoreError.invalid("a postgresql:// URL cannot go into a forced command; "
                    + "name a connection file with --store-for-command PATH")
            }
            let store = try storeOptions.openOperator()
            let commandStore = storeForCommand ?? storeOptions.path
            let lines = try ForcedCommand.distinct(try store.allStaffKeys()).map {
                try ForcedCommand.line(binary: binary, store: commandStore, key: $0)
            }
            for line in lines { print(line) }
            if lines.isEmpty { Output.note("No active staff member has a key on file.") }
        }
    }
}

/// The gitolite pattern: one line per key, whose forced command names the person.
/// The command sits inside double quotes that `sshd` hands to a shell, so every part
/// of it is held to an alphabet with nothing a shell or `sshd` treats specially,
/// rather than escaped: a refused line is better than a clever one.
enum ForcedCommand {
    static func line(binary: String, store: String, key: StaffKey) throws -> String {
        try checkPath(binary, what: "--binary")
        try checkPath(store, what: "the store path")
        guard StaffIDRules.isValid(key.staffId) else {
            throw StoreError.invalid("staff id '\(CleanText.line(key.staffId.rawValue))' is not safe in a forced command")
        }
        let command = "\(binary) --store \(store) --user \(key.staffId.rawValue)"
        return "restrict,pty,command=\"\(command)\" \(key.key.line)"
    }

    /// Each key once. One key on file for two people (in two encodings, from a store
    /// that compared the text) is refused: sshd would log the second in as the first.
    static func distinct(_ keys: [StaffKey]) throws -> [StaffKey] {
        var owners: [String: StaffID] = [:]
        var kept: [StaffKey] = []
        for key in keys {
            let identity = key.key.identity
            if let owner = owners[identity] {
                guard owner == key.staffId else {
                    throw StoreError.invalid("one key is on file for both \(owner) and \(key.staffId); "
                        + "no keys file is written while both hold it")
                }
                continue
            }
            owners[identity] = key.staffId
            kept.append(key)
        }
        return kept
    }

    static func checkPath(_ path: String, what: String) throws {
        let safe = path.hasPrefix("/") && (2...1024).contains(path.count)
            && path.allSatisfy { c in
                c.isASCII && (c.isLetter || c.isNumber || c == "/" || c == "." || c == "_" || c == "-" || c == "+")
            }
            && !path.split(separator: "/").contains("..")
        guard safe else {
            throw StoreError.invalid("\(what) '\(CleanText.line(path))' must be an absolute path of letters, digits "
                + "and / . _ - + only (no spaces, quotes or '..')")
        }
    }
}
