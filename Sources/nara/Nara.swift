import ArgumentParser

@main
struct Nara: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nara",
        abstract: "Nära: continuity, referrals and proactive work lists for Swedish primary care.",
        discussion: """
            Every command that takes --store also reads NARA_STORE. With neither, the store is \
            $XDG_DATA_HOME/nara/demo.sqlite (~/.local/share/nara/demo.sqlite), created as a demo store \
            on first use.
            """,
        subcommands: [PnrCommand.self, WorklistCommand.self, BenchCommand.self, DemoCommand.self, InitCommand.self, CheckCommand.self, SelfTestCommand.self]
    )
}
