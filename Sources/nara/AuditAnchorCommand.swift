import ArgumentParser
import Foundation
import NaraDomain
import NaraStore
#if canImport(Glibc)
import Glibc
#endif

/// `nara audit anchor`: the log's head, row count and time, written where the service
/// account cannot change it, so that `audit verify --anchors` can prove later that no
/// row was cut off the end (issue 15, item 5).
struct AuditAnchorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "anchor",
        abstract: "Write the access log's head (hash, row count, UTC time) as one anchor line.",
        discussion: """
            The line reads `\(AccessLogAnchor.marker) <UTC time> rows=<N> head=<hash>`. With --syslog it goes \
            through `logger -t nara-audit`, and syslog not answering is an error; with --to FILE it is appended to FILE (made 0600 if missing). Keep \
            anchors where the account that runs nara cannot change them: syslog, or a root-owned file written by \
            a systemd unit running as root (docs/DEPLOYMENT.md). Without either it is printed.
            """)

    @OptionGroup var storeOptions: StoreOptions
    @Option(help: ArgumentHelp("Append the line to this file.", valueName: "FILE")) var to: String?
    @Flag(help: "Write the line to syslog through `logger -t nara-audit`.") var syslog = false

    func validate() throws {
        if to != nil && syslog { throw ValidationError("choose --to FILE or --syslog, not both") }
    }

    func run() throws {
        try reportingFailures {
            // A new store's empty log is anchored too, so a daily timer never fails on it.
            let head = try storeOptions.openOperator(readOnly: true).accessLogHead() ?? (0, AccessLogAnchor.emptyLogHash)
            let line = AccessLogAnchor(time: Date(), rowId: head.rowId, hash: head.hash).line
            if let to {
                try Self.append(line, to: to)
            } else if syslog {
                try Self.sendToSyslog(line)
            } else {
                print(line)
            }
        }
    }

    /// Appends one line with a single `write` on an `O_APPEND` descriptor, so anchors
    /// written at once never interleave; a new file is 0600. Never follows a symlink.
    static func append(_ line: String, to path: String) throws {
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, StoreFiles.fileMode)
        guard fd >= 0 else { throw StoreError.other("cannot write to \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) == 0, info.st_size == 0 { fchmod(fd, StoreFiles.fileMode) }
        let bytes = Array((line + "\n").utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count, fsync(fd) == 0 else {
            throw StoreError.other("cannot write to \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// util-linux `logger`, found on PATH.
    static func sendToSyslog(_ line: String) throws {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        guard let logger = folders.map({ "\($0)/logger" }).first(where: FileManager.default.isExecutableFile(atPath:))
        else {
            throw StoreError.other("--syslog needs `logger` (util-linux) on PATH, and there is none: "
                                   + "install bsdutils, or use --to FILE")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: logger)
        // Without --socket-errors=on, util-linux logger exits 0 when no syslog socket
        // listens, and the anchor would be lost without a word.
        process.arguments = ["--socket-errors=on", "-t", "nara-audit", "--", line]
        try process.run()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            throw StoreError.other("\(logger) failed (status \(process.terminationStatus)); the anchor was not written")
        }
    }

    /// Every anchor in a file, with its line number. A line that names the marker but
    /// cannot be read, or a file with no anchor at all, is an error: a damaged anchor
    /// file must not pass as a checked one.
    static func anchorLines(in path: String) throws -> [(line: Int, anchor: AccessLogAnchor)] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw StoreError.other("\(path): cannot be read (no such file, or no permission)")
        }
        var out: [(Int, AccessLogAnchor)] = []
        for (i, line) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .enumerated() where AccessLogAnchor.isAnchorLine(line) {
            guard let anchor = AccessLogAnchor.parse(line) else {
                throw StoreError.other("\(path), line \(i + 1): a damaged anchor line")
            }
            out.append((i + 1, anchor))
        }
        guard !out.isEmpty else { throw StoreError.other("\(path): no anchor lines (\(AccessLogAnchor.marker) …)") }
        return out
    }
}
