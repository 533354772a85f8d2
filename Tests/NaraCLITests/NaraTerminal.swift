import Foundation
import NaraApp
import Testing
import TmuxTesting

/// `nara` in a tmux pane, with the few verbs the end-to-end tests read best in.
final class NaraTerminal {
    let session: TmuxSession

    init(_ session: TmuxSession) { self.session = session }

    deinit { session.close() }

    func send(_ keys: String...) throws { for k in keys { try session.sendKeys(k) } }

    /// Types text literally, as a person typing it.
    func type(_ text: String) throws { try session.sendKeys("-l", text) }

    func screen() throws -> String { try session.capture() }

    func resize(_ width: Int, _ height: Int) throws { try session.resize(width: width, height: height) }

    /// Polls until `predicate` holds (up to 8 s) and returns the last screen either way.
    @discardableResult
    func waitFor(_ predicate: (String) -> Bool) throws -> String { try session.waitForScreen(predicate).screen }

    func waitFor(_ text: String) throws -> String { try session.waitForScreen(containing: text).screen }

    /// Like `waitFor`, but a screen that never shows `text` ends the test there, with the
    /// last screen in the message, instead of letting later steps run on the wrong screen.
    @discardableResult
    func expect(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let (matched, screen) = try session.waitForScreen(containing: text)
        try #require(matched, "no \"\(text)\" on the screen:\n\(screen)\n\(session.standardError)",
                     sourceLocation: sourceLocation)
        return screen
    }

    /// Another session's step shows here without a key, within the two seconds a nurse
    /// may wait (and half a second for the terminal).
    /// Within a tick of the commit, or of the end of the unit's interval
    /// (`App.unitRefreshInterval`) when the screens read again for a move just before.
    func seesWithoutAKey(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let started = Date(), limit = App.unitRefreshInterval + 2.5
        let seen = try session.waitForScreen(seconds: limit) { $0.contains(text) }
        #expect(seen.matched, "no \"\(text)\" on the screen:\n\(seen.screen)", sourceLocation: sourceLocation)
        #expect(Date().timeIntervalSince(started) < limit, sourceLocation: sourceLocation)
    }

    /// F10 in each session, and each program ends cleanly.
    static func quit(_ terminals: NaraTerminal..., sourceLocation: SourceLocation = #_sourceLocation) throws {
        for t in terminals { try t.send("F10") }
        for t in terminals { #expect(try t.waitForExit() == 0, sourceLocation: sourceLocation) }
    }

    func exitStatus() throws -> Int32? { try session.waitForExit(seconds: 0.2).map(Int32.init) }

    func waitForExit() throws -> Int32? { try session.waitForExit(seconds: 5).map(Int32.init) }
}
