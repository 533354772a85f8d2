// A small program that opens the real terminal through NcursesBackend and shows the last
// event it received. The backend's tests drive it under tmux; people can run it to see
// what their terminal sends: `swift run nara-terminal-check`.
//
// Options: --ascii (draw ASCII only), --plain (Theme.plain instead of colours),
// --ignore-hangup (ignore SIGHUP once started, to exercise the dropped-terminal path),
// --wait-forever (wait for input without a timeout, as an idle screen may).
// NARA_CHECK_PID_FILE names a file to write the process id into.
// Exit status: 0 on q, a termination signal or a lost terminal; 2 when no screen opens.

import Glibc
import NcursesBackend
import TerminalUI

let arguments = Set(CommandLine.arguments.dropFirst())

/// A few colours, so the colour-pair cache and the mapping to 16/8 colours are exercised.
let colourful = Theme(name: "check", looks: [
    .text: RoleLook(),
    .title: RoleLook(foreground: .ansi(15), background: .ansi(4), attributes: .bold),
    .accent: RoleLook(foreground: .indexed(208), attributes: .bold),
    .muted: RoleLook(foreground: .indexed(245)),
    .statusBar: RoleLook(foreground: .ansi(0), background: .indexed(250)),
    .functionKey: RoleLook(foreground: .ansi(11), background: .indexed(24), attributes: .bold),
])

/// Glibc's `stderr` is a C global that Swift 6 refuses; write to the descriptor instead.
func standardError(_ line: String) {
    let bytes = Array((line + "\n").utf8)
    _ = bytes.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
}

let options = NcursesOptions(theme: arguments.contains("--plain") ? .plain : colourful,
                             forceASCII: arguments.contains("--ascii"))
let backend: NcursesBackend
do {
    backend = try NcursesBackend(options: options)
} catch {
    standardError("nara-terminal-check: \(error)")
    exit(2)
}

if arguments.contains("--ignore-hangup") { signal(SIGHUP, SIG_IGN) }
if let path = getenv("NARA_CHECK_PID_FILE"), let file = fopen(path, "w") {
    fputs("\(getpid())\n", file)
    fclose(file)
}

var lastEvent = "none yet"
var pasted = ""
var eventCount = 0

func describe(_ event: Event) -> String? {
    switch event {
    case .key(let key): return "key: \(key)"
    case .paste(let text): return "paste: \(text.count) chars"
    case .resize(let w, let h): return "resize: \(w)x\(h)"
    case .tick: return nil
    }
}

@MainActor func render() {
    let (width, height) = backend.size
    var buffer = Buffer(width: width, height: height)
    buffer.fill(Rect(x: 0, y: 0, width: width, height: 1), style: .role(.title))
    buffer.put(" Nära terminal check", x: 0, y: 0, style: .role(.title))
    buffer.put("Åsa Öberg — 日本", x: 2, y: 2, style: .role(.accent))
    buffer.put("last: \(lastEvent)", x: 2, y: 4)
    buffer.put("events: \(eventCount)", x: 2, y: 5, style: .role(.muted))
    buffer.put("size: \(width)x\(height)  colours: \(backend.colorCapability)  ascii: \(backend.usesASCII ? "yes" : "no")",
               x: 2, y: 6, style: .role(.muted))
    if !pasted.isEmpty {
        buffer.put("pasted: " + pasted.replacingNewlines(), x: 2, y: 7)
    }
    if height > 1 {
        buffer.fill(Rect(x: 0, y: height - 1, width: width, height: 1), style: .role(.statusBar))
        let used = buffer.put(" q ", x: 0, y: height - 1, style: .role(.functionKey))
        buffer.put(" quit", x: used, y: height - 1, style: .role(.statusBar))
    }
    backend.draw(buffer, cursor: nil)
}

extension String {
    func replacingNewlines() -> String {
        String(unicodeScalars.map { $0 == "\n" ? "⏎" : $0 == "\t" ? "⇥" : Character($0) })
    }
}

var endedBy = "terminal gone"
render()
let timeout = arguments.contains("--wait-forever") ? -1 : 1000
while let event = backend.nextEvent(timeoutMilliseconds: timeout) {
    if event == .key(.char("q")) {
        endedBy = "q"
        break
    }
    if event == .key(.ctrl("l")) { backend.invalidate() }
    if case .paste(let text) = event { pasted = text }
    if let text = describe(event) {
        lastEvent = text
        eventCount += 1
    }
    render()
}
if let signal = backend.terminationSignal { endedBy = "signal \(signal)" }
backend.shutdown()
standardError("nara-terminal-check: ended by \(endedBy)")
exit(0)
