import TerminalUI

/// The one loop of the program: wait for an event, let the app handle it and every
/// event already waiting behind it, then draw one frame. Reading the whole burst before
/// drawing means a fast typist or a paste costs one frame, not one per key.
public enum AppRunner {
    /// How long to wait for a key before a tick: the clock and other sessions' changes
    /// are checked this often, well inside the two seconds a nurse may wait.
    public static let tickMilliseconds = 1000

    /// Ticks without a key after which a session gives back its caches. Most sessions
    /// on a server sit idle most of the day (a nurse with a patient, on the phone); the
    /// first key after that reads its pages again from the operating system's cache,
    /// which costs no measurable time (BENCHMARKS.md, "After use").
    public static let quietTicksBeforeRelease = 3

    /// `exitAfterFirstFrame` ends the loop once the first frame is drawn, so that
    /// `nara bench` can time a start from exec to first frame. `releaseMemory` runs once
    /// per quiet spell, after the app's own release: the caller may give back what only
    /// the process can (the C heap's free pages).
    public static func run(_ app: App, backend: any TerminalBackend, view: AppView, exitAfterFirstFrame: Bool = false,
                           releaseMemory: () -> Void = {}) {
        let size = backend.size
        app.handle(.resize(width: size.width, height: size.height))
        draw(app, backend, view)
        if exitAfterFirstFrame { return }
        var quietTicks = 0
        while !app.shouldQuit {
            // Work a screen left for after its frame is done only when no key waits.
            let idle = app.hasIdleWork
            guard let event = backend.nextEvent(timeoutMilliseconds: idle ? 0 : tickMilliseconds) else {
                return ended(app)
            }
            if idle && event == .tick {
                app.doIdleWork()
                draw(app, backend, view)
                continue
            }
            if event == .tick {
                quietTicks += 1
                if quietTicks == quietTicksBeforeRelease {
                    app.releaseMemory()
                    releaseMemory()
                }
            } else {
                quietTicks = 0
            }
            app.handle(event)
            var burst = 0
            while !app.shouldQuit, burst < 512 {
                guard let next = backend.nextEvent(timeoutMilliseconds: 0) else { return ended(app) }
                if next == .tick { break }
                quietTicks = 0
                app.handle(next)
                burst += 1
            }
            if app.shouldQuit { return }
            if app.redrawRequested {
                app.redrawRequested = false
                backend.invalidate()
            }
            draw(app, backend, view)
        }
    }

    /// The terminal went away or a signal asked the program to stop: nobody chose to
    /// throw away what a form holds, so it is kept as a draft for the next start.
    private static func ended(_ app: App) {
        app.sessionEnded()
    }

    private static func draw(_ app: App, _ backend: any TerminalBackend, _ view: AppView) {
        let frame = view.render(app)
        backend.draw(frame.buffer, cursor: frame.cursor)
    }
}
