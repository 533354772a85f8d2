import ArgumentParser

@main
struct Nara: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nara",
        abstract: "Nära: continuity, referrals and proactive work lists for Swedish primary care."
    )
}
