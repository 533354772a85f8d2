import ArgumentParser
import Foundation
import NaraApp
import NaraDomain
import NaraThemes
import NcursesBackend
import TerminalUI
#if canImport(Glibc)
import Glibc
#endif

@main
struct Nara: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nara",
        abstract: "Nära: continuity, referrals and proactive work lists for Swedish primary care.",
        discussion: """
            Without a subcommand, nara opens the program in the terminal. Every command that takes --store \
            also reads NARA_STORE. With neither, the store is $XDG_DATA_HOME/nara/demo.sqlite \
            (~/.local/share/nara/demo.sqlite), created as a demo store on first use.
            """,
        version: NaraVersion.text,
        subcommands: [PnrCommand.self, WorklistCommand.self, DemoCommand.self, InitCommand.self, CheckCommand.self,
                      BackupCommand.self, RestoreCommand.self, BenchCommand.self,
                      StaffCommand.self, SshCommand.self, AuditCommand.self, BlockCommand.self, ConsentCommand.self, AnnulCommand.self, DischargeCommand.self,
                      CareRequestCommand.self, TaskCommand.self, PatientDetailsCommand.self, PlannedContactCommand.self,
                      ResidenceCommand.self, YearlyCheckCommand.self,
                      ImportCommand.self, ExportCommand.self, ReportCommand.self, CopyCommand.self]
    )

    @OptionGroup var storeOptions: StoreOptions

    @OptionGroup var userOption: UserOption
    var user: String? { userOption.user }

    @OptionGroup var languageOption: LanguageOption
    var lang: String? { languageOption.lang }

    @Option(help: ArgumentHelp("A theme name (\(ThemeCatalog.shippedNames.joined(separator: ", ")), or one in "
                               + "$XDG_CONFIG_HOME/nara/themes) or the path of a theme file.", valueName: "NAME|PATH"))
    var theme: String = "default"

    @Flag(help: "Draw borders and charts with ASCII characters only.")
    var ascii = false

    @Option(help: ArgumentHelp("The first screen: my-day or search. Default: my-day for clinical staff, search "
                               + "for the others.", valueName: "SCREEN"))
    var start: String?

    /// For `nara bench`: end once the first frame is on the terminal.
    @Flag(help: .hidden)
    var exitAfterFirstFrame = false

    func validate() throws {
        if let lang, Language(rawValue: lang.lowercased()) == nil {
            throw ValidationError("--lang must be sv or en, not '\(lang)'")
        }
        if let start, !Self.startScreens.keys.contains(start) {
            throw ValidationError("--start must be my-day or search, not '\(start)'")
        }
    }

    static let startScreens: [String: ScreenID] = ["my-day": .myDay, "search": .search]

    func run() throws {
        // Read before cleaning: the client's command is recorded, never run.
        let remoteCommand = ProcessInfo.processInfo.environment["SSH_ORIGINAL_COMMAND"]
        ProgramEnvironment.clean()
        try reportingFailures {
            let environment = ProcessInfo.processInfo.environment
            let language = Language.resolve(option: lang, environment: environment) ?? .sv
            let chosenTheme = try ThemeCatalog.load(theme, environment: environment)
            let store = try storeOptions.open()
            let session = try SessionResolver.resolve(store: store, user: user, environment: environment)
            if let remoteCommand {
                try store.logEvent(ProgramEnvironment.ignoredCommandDetail(remoteCommand), action: .read,
                                   as: session.context)
            }
            let backend = try NcursesBackend(options: NcursesOptions(
                theme: chosenTheme, forceASCII: ascii, noColor: environment["NO_COLOR"].map { !$0.isEmpty } ?? false))
            defer { backend.shutdown() }
            let size = backend.size
            let app = App(store: store, session: session, language: language, width: size.width, height: size.height)
            app.start(at: start.flatMap { Self.startScreens[$0] } ?? App.startScreen(for: session.staff))
            AppRunner.run(app, backend: backend, view: AppView(glyphs: backend.usesASCII ? .ascii : .unicode),
                          exitAfterFirstFrame: exitAfterFirstFrame,
                          releaseMemory: HeapTrim.run)
        }
    }
}
