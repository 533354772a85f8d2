import Foundation
import Testing
import TerminalUI

/// Compares a buffer with `__Snapshots__/<test file>/<name>.txt` beside the test file.
///
/// - A missing snapshot is written and reported: as a warning on a developer's machine
///   (review the new file and commit it), as a failure when `CI` is set, so a snapshot
///   that was never committed cannot pass unseen.
/// - `NARA_RECORD_SNAPSHOTS=1` rewrites snapshots instead of comparing; `git diff` is
///   then the review (Textual's practice: look before re-recording).
/// - A mismatch fails with a unified line diff and the first differing screen row and
///   column, and leaves the actual text in `<name>.actual.txt` for a side-by-side look.
///
/// `directory` replaces the folder next to the test file (the helper's own tests use a
/// temporary one).
public func assertSnapshot(_ buffer: Buffer, named name: String, directory: String? = nil,
                           sourceLocation: SourceLocation = #_sourceLocation) {
    assertSnapshot(text: snapshotText(buffer), named: name, directory: directory, sourceLocation: sourceLocation)
}

/// The same for text that is already in snapshot form (a whole app screen, say).
public func assertSnapshot(text: String, named name: String, directory: String? = nil,
                           sourceLocation: SourceLocation = #_sourceLocation) {
    let folder = directory ?? snapshotDirectory(forTestFile: sourceLocation.filePath)
    let outcome = checkSnapshot(text, named: name, in: folder, environment: ProcessInfo.processInfo.environment)
    for problem in outcome.problems {
        Issue.record(Comment(rawValue: problem.message), severity: problem.isFailure ? .error : .warning,
                     sourceLocation: sourceLocation)
    }
}

/// Compares the buffer's lines with `lines`, which are padded with spaces to the
/// buffer's width (so trailing blanks may be left out, as with ratatui's
/// `Buffer::with_lines`). On a mismatch the issue shows a line diff with `│` frames.
public func expectLines(_ buffer: Buffer, _ lines: [String], sourceLocation: SourceLocation = #_sourceLocation) {
    let expected = lines.map { line -> String in
        let missing = buffer.width - DisplayWidth.of(line)
        return missing > 0 ? line + String(repeating: " ", count: missing) : line
    }
    let actual = buffer.lines
    guard expected != actual else { return }
    let framedExpected = expected.map { "│" + $0 + "│" }
    let framedActual = actual.map { "│" + $0 + "│" }
    var message = "Buffer lines differ"
    if let at = firstDifference(expected: framedExpected, actual: framedActual, headerLines: 0) {
        message += " (first at \(at))"
    }
    message += ":\n" + unifiedDiff(expected: framedExpected, actual: framedActual)
    Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
}

// MARK: - The parts that do not need a running test, so the helper can test them

/// `Tests/TerminalUITests/FormTests.swift` → `Tests/TerminalUITests/__Snapshots__/FormTests`.
func snapshotDirectory(forTestFile filePath: String) -> String {
    let url = URL(fileURLWithPath: filePath)
    let stem = url.deletingPathExtension().lastPathComponent
    return url.deletingLastPathComponent().appendingPathComponent("__Snapshots__").appendingPathComponent(stem).path
}

struct SnapshotProblem: Equatable {
    var message: String
    /// False for a warning: the test still passes.
    var isFailure: Bool
}

struct SnapshotOutcome: Equatable {
    enum Kind: Equatable { case matched, recorded, rerecorded, mismatched }
    var kind: Kind
    var problems: [SnapshotProblem] = []
}

func checkSnapshot(_ actual: String, named name: String, in directory: String,
                   environment: [String: String]) -> SnapshotOutcome {
    let fileName = name.replacingOccurrences(of: "/", with: "_")
    let path = (directory as NSString).appendingPathComponent(fileName + ".txt")
    let actualPath = (directory as NSString).appendingPathComponent(fileName + ".actual.txt")
    let files = FileManager.default
    let recording = environment["NARA_RECORD_SNAPSHOTS"] == "1"
    let inCI = !(environment["CI"] ?? "").isEmpty
    let existing = try? String(contentsOfFile: path, encoding: .utf8)

    func write(_ text: String, to file: String) -> SnapshotProblem? {
        do {
            try files.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try text.write(toFile: file, atomically: true, encoding: .utf8)
            return nil
        } catch {
            return SnapshotProblem(message: "Could not write snapshot \(file): \(error)", isFailure: true)
        }
    }

    guard let expected = existing else {
        var problems = write(actual, to: path).map { [$0] } ?? []
        if inCI {
            problems.append(SnapshotProblem(
                message: "Snapshot \"\(name)\" is missing (\(path)). Record it locally by running the test, review it and commit it.",
                isFailure: true))
        } else {
            problems.append(SnapshotProblem(
                message: "Recorded new snapshot \"\(name)\" at \(path). Review it and commit it.",
                isFailure: false))
        }
        return SnapshotOutcome(kind: .recorded, problems: problems)
    }
    if expected == actual {
        try? files.removeItem(atPath: actualPath)
        return SnapshotOutcome(kind: .matched)
    }
    if recording {
        try? files.removeItem(atPath: actualPath)
        var problems = write(actual, to: path).map { [$0] } ?? []
        problems.append(SnapshotProblem(
            message: "Re-recorded snapshot \"\(name)\" at \(path) (NARA_RECORD_SNAPSHOTS=1). Review the change with git diff.",
            isFailure: false))
        return SnapshotOutcome(kind: .rerecorded, problems: problems)
    }
    var problems = write(actual, to: actualPath).map { [$0] } ?? []
    let expectedLines = lines(of: expected), actualLines = lines(of: actual)
    var message = "Snapshot \"\(name)\" does not match \(path)"
    if let at = firstDifference(expected: expectedLines, actual: actualLines, headerLines: 1) {
        message += "\nfirst difference at \(at)"
    }
    message += "\nactual written to \(actualPath); if the change is intended, run with NARA_RECORD_SNAPSHOTS=1\n"
    message += unifiedDiff(expected: expectedLines, actual: actualLines)
    problems.append(SnapshotProblem(message: message, isFailure: true))
    return SnapshotOutcome(kind: .mismatched, problems: problems)
}

func lines(of text: String) -> [String] {
    var parts = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if parts.last == "" { parts.removeLast() }
    return parts
}

/// Where two snapshot texts first differ, in screen terms: `row 3, column 7` for the
/// picture (column in display cells, as on the terminal), `style runs of row 3` or
/// `size line` for the other sections. `headerLines` is how many lines come before
/// the first framed row.
func firstDifference(expected: [String], actual: [String], headerLines: Int) -> String? {
    guard let index = (0..<max(expected.count, actual.count)).first(where: { i in
        i >= expected.count || i >= actual.count || expected[i] != actual[i]
    }) else { return nil }
    let snapshotLine = "line \(index + 1)"
    guard index < expected.count, index < actual.count else {
        return "\(snapshotLine): \(index < expected.count ? "missing in actual" : "extra in actual")"
    }
    let e = expected[index], a = actual[index]
    if index < headerLines { return "\(snapshotLine) (size \(e) → \(a))" }
    if e.hasPrefix("│") && a.hasPrefix("│") {
        var column = 0
        for (ce, ca) in zip(e.dropFirst(), a.dropFirst()) {
            if ce != ca { break }
            column += DisplayWidth.of(ce)
        }
        return "row \(index - headerLines), column \(column) (\(snapshotLine))"
    }
    if e.hasPrefix("row "), let colon = e.firstIndex(of: ":") {
        return "style runs of \(e[..<colon]) (\(snapshotLine))"
    }
    return snapshotLine
}
