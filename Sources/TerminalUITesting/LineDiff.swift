/// A unified diff of two texts by lines, with a little context, as `git diff` shows it:
/// a failing snapshot should read like the change a reviewer would see in the commit.
func unifiedDiff(expected: [String], actual: [String], context: Int = 2) -> String {
    let ops = diffOperations(expected, actual)
    let changed = ops.indices.filter { ops[$0].mark != " " }
    guard !changed.isEmpty else { return "" }
    // Merge the changes whose context overlaps into hunks.
    var hunks: [ClosedRange<Int>] = []
    for i in changed {
        let range = max(0, i - context)...min(ops.count - 1, i + context)
        if let last = hunks.last, range.lowerBound <= last.upperBound + 1 {
            hunks[hunks.count - 1] = last.lowerBound...range.upperBound
        } else {
            hunks.append(range)
        }
    }
    var out = "--- expected\n+++ actual\n"
    for hunk in hunks {
        let slice = ops[hunk]
        let oldCount = slice.filter { $0.mark != "+" }.count
        let newCount = slice.filter { $0.mark != "-" }.count
        let oldStart = (slice.first?.old ?? 0) + (oldCount == 0 ? 0 : 1)
        let newStart = (slice.first?.new ?? 0) + (newCount == 0 ? 0 : 1)
        out += "@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@\n"
        for op in slice { out += "\(op.mark)\(op.text)\n" }
    }
    return out
}

struct DiffOperation {
    /// " " kept, "-" only in expected, "+" only in actual.
    var mark: Character
    var text: String
    /// Lines of expected and actual before this one (0-based positions).
    var old: Int
    var new: Int
}

/// Longest common subsequence by dynamic programming: snapshots are a few dozen lines,
/// so the quadratic table is cheaper than explaining a cleverer algorithm.
func diffOperations(_ a: [String], _ b: [String]) -> [DiffOperation] {
    if a.count == b.count { return positionalOperations(a, b) }
    let n = a.count, m = b.count
    var table = Array(repeating: Array(repeating: 0, count: m + 1), count: n + 1)
    for i in stride(from: n - 1, through: 0, by: -1) {
        for j in stride(from: m - 1, through: 0, by: -1) {
            table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
        }
    }
    var ops: [DiffOperation] = []
    var i = 0, j = 0
    while i < n || j < m {
        if i < n, j < m, a[i] == b[j] {
            ops.append(DiffOperation(mark: " ", text: a[i], old: i, new: j))
            i += 1; j += 1
        } else if i < n, j == m || table[i + 1][j] >= table[i][j + 1] {
            // Removals first, as `diff -u` prints them.
            ops.append(DiffOperation(mark: "-", text: a[i], old: i, new: j))
            i += 1
        } else {
            ops.append(DiffOperation(mark: "+", text: b[j], old: i, new: j))
            j += 1
        }
    }
    return ops
}

/// Same-size screens are compared row by row: a row that changed is shown as that row
/// removed and re-added, never matched against some other blank row further down.
private func positionalOperations(_ a: [String], _ b: [String]) -> [DiffOperation] {
    var ops: [DiffOperation] = []
    var i = 0
    while i < a.count {
        if a[i] == b[i] {
            ops.append(DiffOperation(mark: " ", text: a[i], old: i, new: i))
            i += 1
            continue
        }
        var end = i
        while end < a.count && a[end] != b[end] { end += 1 }
        for k in i..<end { ops.append(DiffOperation(mark: "-", text: a[k], old: k, new: i)) }
        for k in i..<end { ops.append(DiffOperation(mark: "+", text: b[k], old: end, new: k)) }
        i = end
    }
    return ops
}
