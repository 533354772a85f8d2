import Foundation
import NaraDomain
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The environment a session starts with partly comes from the SSH client and from
/// whoever set up the account, so the program keeps only the names it means to read
/// and drops the rest before anything else runs: nothing a client sends (EDITOR, PAGER,
/// SHELL, TERMINFO, LD_* for any child) can change how the program behaves later.
/// It cannot undo what the dynamic loader already read at start; that is sshd's job
/// (`PermitUserEnvironment no`, no `AcceptEnv` for the account, see DEPLOYMENT.md).
public enum ProgramEnvironment {
    static let keptNames: Set<String> = [
        "TERM", "LANG", "HOME", "USER", "LOGNAME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "NARA_STORE", "NARA_LANG",
        "NO_COLOR", "SSH_CONNECTION", "SSH_CLIENT", "SSH_TTY",
    ]

    /// A fixed search path: nothing the program does should depend on where a client
    /// would like programs to be found.
    public static let path = "/usr/bin:/bin"

    /// The rule, without side effects: what survives of `env`.
    public static func kept(_ env: [String: String]) -> [String: String] {
        var result = env.filter { name, _ in keptNames.contains(name) || name.hasPrefix("LC_") }
        result["PATH"] = path
        return result
    }

    /// Applies the rule to this process's environment.
    public static func clean() {
        let current = ProcessInfo.processInfo.environment
        let keep = kept(current)
        for name in current.keys where keep[name] == nil { unsetenv(name) }
        for (name, value) in keep where current[name] != value { setenv(name, value, 1) }
    }

    /// What the client asked to run instead of the program: never run, only recorded,
    /// cleaned of control characters and cut short so it cannot flood the log.
    public static func ignoredCommandDetail(_ command: String) -> String {
        "ignored remote command: " + String(CleanText.line(command).prefix(200))
    }
}
