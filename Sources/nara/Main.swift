import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension Nara {
    /// ArgumentParser's own `main`, except that its messages (which echo unknown
    /// options and values the user typed) are cleaned of control characters before they
    /// reach the terminal (security review L7).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            let message = Output.clean(fullMessage(for: error))
            if !message.isEmpty {
                let handle = code == .success ? FileHandle.standardOutput : FileHandle.standardError
                fflush(nil)
                handle.write(Data((message + "\n").utf8))
            }
            Glibc.exit(code.rawValue)
        }
    }
}
