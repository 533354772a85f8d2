import Foundation
import Testing
import TerminalUI
@testable import TerminalUITesting

@Suite struct SnapshotHelperTests {
    private func sample() -> Buffer {
        var b = Buffer(width: 8, height: 2)
        b.put("Åsa", x: 0, y: 0, style: Style(.header, .bold))
        b.put("日本", x: 4, y: 0)
        b.fill(Rect(x: 2, y: 1, width: 4, height: 1), style: .role(.input))
        return b
    }

    private func temporaryDirectory() -> String {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("nara-snapshots-\(UInt64.random(in: 0...UInt64.max))").path
        return dir
    }

    @Test func snapshotTextFramesLinesAndListsStyleRuns() {
        #expect(snapshotText(sample()) == """
            8×2
            │Åsa 日本│
            │        │

            row 0: 0-3 header+bold, 3-8 text
            row 1: 0-2 text, 2-6 input, 6-8 text

            """)
        #expect(snapshotText(Buffer(width: 0, height: 0)) == "0×0\n")
    }

    @Test func snapshotDirectoryIsBesideTheTestFile() {
        #expect(snapshotDirectory(forTestFile: "/p/Tests/TerminalUITests/FormTests.swift")
            == "/p/Tests/TerminalUITests/__Snapshots__/FormTests")
    }

    @Test func aMissingSnapshotIsRecordedWithAWarningThenPasses() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let text = snapshotText(sample())
        let first = checkSnapshot(text, named: "sample", in: dir, environment: [:])
        #expect(first.kind == .recorded)
        #expect(first.problems.count == 1)
        #expect(first.problems.first?.isFailure == false)
        #expect(first.problems.first?.message.contains("Recorded new snapshot \"sample\"") == true)
        #expect(try String(contentsOfFile: dir + "/sample.txt", encoding: .utf8) == text)
        #expect(checkSnapshot(text, named: "sample", in: dir, environment: [:]) == SnapshotOutcome(kind: .matched))
        // The public assertion passes against the recorded file.
        assertSnapshot(sample(), named: "sample", directory: dir)
    }

    @Test func inCIAMissingSnapshotFails() {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let outcome = checkSnapshot("x\n", named: "new", in: dir, environment: ["CI": "true"])
        #expect(outcome.kind == .recorded)
        #expect(outcome.problems.map(\.isFailure) == [true])
        #expect(outcome.problems.first?.message.contains("is missing") == true)
    }

    @Test func recordModeRewritesAChangedSnapshot() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = checkSnapshot("old\n", named: "s", in: dir, environment: [:])
        let outcome = checkSnapshot("new\n", named: "s", in: dir, environment: ["NARA_RECORD_SNAPSHOTS": "1"])
        #expect(outcome.kind == .rerecorded)
        #expect(outcome.problems.map(\.isFailure) == [false])
        #expect(try String(contentsOfFile: dir + "/s.txt", encoding: .utf8) == "new\n")
    }

    @Test func aMismatchFailsWithALineDiffAndWritesTheActualText() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = checkSnapshot(snapshotText(sample()), named: "sample", in: dir, environment: [:])
        var changed = sample()
        changed.put("Öberg", x: 0, y: 1)
        let outcome = checkSnapshot(snapshotText(changed), named: "sample", in: dir, environment: [:])
        #expect(outcome.kind == .mismatched)
        let message = try #require(outcome.problems.first?.message)
        #expect(outcome.problems.first?.isFailure == true)
        #expect(message.contains("first difference at row 1, column 0 (line 3)"))
        #expect(message.contains("""
            --- expected
            +++ actual
            @@ -1,6 +1,6 @@
             8×2
             │Åsa 日本│
            -│        │
            +│Öberg   │
            \u{20}
             row 0: 0-3 header+bold, 3-8 text
            -row 1: 0-2 text, 2-6 input, 6-8 text
            +row 1: 0-5 text, 5-6 input, 6-8 text

            """))
        #expect(try String(contentsOfFile: dir + "/sample.actual.txt", encoding: .utf8) == snapshotText(changed))
        // Once the snapshot matches again the stale .actual.txt goes away.
        _ = checkSnapshot(snapshotText(sample()), named: "sample", in: dir, environment: [:])
        #expect(!FileManager.default.fileExists(atPath: dir + "/sample.actual.txt"))
    }

    @Test func assertSnapshotRecordsAnIssueOnMismatch() {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = checkSnapshot(snapshotText(sample()), named: "sample", in: dir, environment: [:])
        withKnownIssue {
            assertSnapshot(Buffer(width: 8, height: 2), named: "sample", directory: dir)
        } matching: { issue in
            issue.comments.contains { $0.rawValue.contains("does not match") && $0.rawValue.contains("-│Åsa 日本│") }
        }
    }

    @Test func unifiedDiffKeepsContextAndHandlesInsertedLines() {
        let old = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"]
        #expect(unifiedDiff(expected: old, actual: old) == "")
        let new = ["a", "b", "c", "X", "Y", "d", "e", "f", "g", "h", "i", "j", "k"]
        #expect(unifiedDiff(expected: old, actual: new) == """
            --- expected
            +++ actual
            @@ -2,4 +2,6 @@
             b
             c
            +X
            +Y
             d
             e
            @@ -10,3 +12,2 @@
             j
             k
            -l

            """)
        // Same length: rows are compared in place.
        #expect(unifiedDiff(expected: ["x", " ", " "], actual: [" ", " ", "y"], context: 0) == """
            --- expected
            +++ actual
            @@ -1,1 +1,1 @@
            -x
            +\u{20}
            @@ -3,1 +3,1 @@
            -\u{20}
            +y

            """)
    }

    @Test func columnsOfTheFirstDifferenceCountDisplayWidth() {
        #expect(firstDifference(expected: ["2×1", "│日本x│"], actual: ["2×1", "│日本y│"], headerLines: 1)
            == "row 0, column 4 (line 2)")
        #expect(firstDifference(expected: ["1×1"], actual: ["2×1"], headerLines: 1) == "line 1 (size 1×1 → 2×1)")
        #expect(firstDifference(expected: ["a"], actual: ["a", "b"], headerLines: 0) == "line 2: extra in actual")
        #expect(firstDifference(expected: ["row 3: 0-1 text"], actual: ["row 3: 0-1 muted"], headerLines: 0)
            == "style runs of row 3 (line 1)")
        #expect(firstDifference(expected: ["x"], actual: ["x"], headerLines: 0) == nil)
    }

    @Test func expectLinesPadsAndReportsADiff() {
        expectLines(sample(), ["Åsa 日本", ""])
        withKnownIssue {
            expectLines(sample(), ["Åsa 日本", "x"])
        } matching: { issue in
            issue.comments.contains { $0.rawValue.contains("first at row 1, column 0") && $0.rawValue.contains("+│        │") }
        }
    }
}
