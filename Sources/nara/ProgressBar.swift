import Foundation
import Synchronization

/// A one-line progress bar redrawn in place, only when its output (stdout, or stderr for
/// a command whose stdout is its report) is a terminal, and at most when the shown
/// percentage or phase changes, so it costs nothing in a loop.
final class ProgressBar: Sendable {
    private let last = Mutex<(phase: String, percent: Int)>(("", -1))
    private let output: FileHandle

    init(output: FileHandle = .standardOutput) {
        self.output = output
    }

    func show(_ phase: String, done: Int, total: Int) {
        let percent = total > 0 ? min(100, done * 100 / total) : 0
        let changed = last.withLock { state -> Bool in
            guard state.phase != phase || state.percent != percent else { return false }
            state = (phase, percent)
            return true
        }
        guard changed else { return }
        let width = 30, filled = percent * width / 100
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
        let line = "\r\u{1B}[2K\(bar) \(String(format: "%3d", percent)) %  \(phase)"
        output.write(Data(line.utf8))
    }

    func finish() {
        let drew = last.withLock { $0.percent >= 0 }
        if drew { output.write(Data("\r\u{1B}[2K".utf8)) }
    }
}
