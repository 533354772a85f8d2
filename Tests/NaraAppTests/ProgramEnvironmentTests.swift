import NaraApp
import Testing

@Suite struct ProgramEnvironmentTests {
    @Test func onlyTheNamesTheProgramReadsSurvive() {
        let given = [
            "TERM": "xterm-256color", "LANG": "sv_SE.UTF-8", "LC_ALL": "C", "LC_CTYPE": "sv_SE.UTF-8",
            "HOME": "/home/vard", "USER": "vard", "LOGNAME": "vard", "PATH": "/tmp/evil:/usr/bin",
            "XDG_DATA_HOME": "/x", "XDG_CONFIG_HOME": "/y", "NARA_STORE": "/s", "NARA_LANG": "en", "NO_COLOR": "1",
            "SSH_CONNECTION": "10.0.0.5 5000 10.0.0.1 22", "SSH_CLIENT": "10.0.0.5 5000 22", "SSH_TTY": "/dev/pts/3",
            "LD_PRELOAD": "/tmp/x.so", "LD_LIBRARY_PATH": "/tmp", "EDITOR": "vim", "PAGER": "less", "SHELL": "/bin/bash",
            "TERMINFO": "/tmp/ti", "SSH_ORIGINAL_COMMAND": "bash", "ENV": "/tmp/rc", "BASH_ENV": "/tmp/rc",
        ]
        let kept = ProgramEnvironment.kept(given)
        #expect(Set(kept.keys) == ["TERM", "LANG", "LC_ALL", "LC_CTYPE", "HOME", "USER", "LOGNAME", "PATH",
                                   "XDG_DATA_HOME", "XDG_CONFIG_HOME", "NARA_STORE", "NARA_LANG", "NO_COLOR",
                                   "SSH_CONNECTION", "SSH_CLIENT", "SSH_TTY"])
        #expect(kept["PATH"] == "/usr/bin:/bin")
        #expect(kept["TERM"] == "xterm-256color")
        #expect(ProgramEnvironment.kept([:]) == ["PATH": "/usr/bin:/bin"])
    }

    @Test func theIgnoredCommandIsRecordedCleanAndShort() {
        let detail = ProgramEnvironment.ignoredCommandDetail("rm -rf /\u{1B}[2J" + String(repeating: "x", count: 500))
        #expect(detail.hasPrefix("ignored remote command: rm -rf /"))
        #expect(!detail.contains("\u{1B}"))
        #expect(detail.count <= "ignored remote command: ".count + 200)
    }
}
