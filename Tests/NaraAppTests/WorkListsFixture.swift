import Foundation
import NaraApp
import NaraDomain
import NaraStore
import TerminalUI

/// A small demo region (1,500 patients, seed 5) with the clock pinned to 2026-11-23 and
/// the app running as the demo user, a nurse at Vårdcentralen Ekbacken. The store is
/// built once per test run; each fixture works on its own copy, so tests that write
/// (record opens, log rows) never see each other.
struct WorkListsFixture {
    static let day = LocalDate(year: 2026, month: 11, day: 23)!

    private static let built: Result<String, any Error> = Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nara-wl-demo-\(UUID().uuidString)")
        let path = folder.appendingPathComponent("demo.sqlite").path
        _ = try DemoGenerator.build(at: path, options: DemoOptions(patients: 1500, seed: 5, today: day), force: false)
        return path
    }

    let folder: URL
    let store: SQLiteStore
    let app: App
    let view: AppView

    init(language: Language = .sv, width: Int = 80, height: Int = 24, glyphs: Glyphs = .unicode,
         clock: any Clock = FixedClock(day: day)) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("nara-wl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("s.sqlite").path
        try FileManager.default.copyItem(atPath: try Self.built.get(), toPath: path)
        store = try SQLiteStore.open(at: path, clock: clock)
        let session = try SessionResolver.resolve(store: store, user: nil, environment: [:])
        app = App(store: store, session: session, language: language, width: width, height: height, clock: clock)
        app.glyphs = glyphs
        view = AppView(glyphs: glyphs)
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }

    func press(_ keys: Key...) { keys.forEach { app.handleAndSettle(.key($0)) } }
    func type(_ text: String) { text.forEach { app.handleAndSettle(.key(.char($0))) } }

    var buffer: Buffer { view.render(app).buffer }
    var screen: [String] { buffer.lines }
    var text: String { screen.joined(separator: "\n") }

    /// The screen line that holds `text`, if any.
    func line(containing text: String) -> String? { screen.first { $0.contains(text) } }
}
