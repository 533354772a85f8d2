import Foundation
import NaraApp
import NaraDomain
import TerminalUI

/// The whole pipeline a keystroke goes through, on a headless terminal: the event is
/// handed to the app (reduce, and the store call it asks for), the frame is rendered and
/// diffed against the previous one. Only the curses layer is left out; its bytes are
/// measured by `TerminalProbe` on a real pseudo-terminal.
public struct AppBenchmark {
    public struct Report: Sendable {
        /// Moving in lists and switching screens.
        public var keystrokeMilliseconds: StoreBenchmark.Figure
        /// Each letter typed into the search field, with the search it starts.
        public var typeaheadMilliseconds: StoreBenchmark.Figure
        /// Enter on a search hit until the overview, continuity included, is drawn.
        public var openOverviewMilliseconds: StoreBenchmark.Figure
        /// Work done after a frame while no key waits (work-list counts), to its frame.
        public var idleWorkMilliseconds: StoreBenchmark.Figure
        /// The same as `openOverviewMilliseconds`, as the first key after a quiet spell
        /// in which the session gave back its caches (`AppRunner.quietTicksBeforeRelease`).
        public var openOverviewAfterReleaseMilliseconds: StoreBenchmark.Figure
        /// Enter on the work list nearest 50 patients, to its frame, in a new session
        /// each time (a session logs a list's patients once): the list read through the
        /// door, one log row per patient written.
        public var workListMilliseconds: StoreBenchmark.Figure
        public var workListPatients: Int
        public var workListLogRows: Int
        /// F5 in a new session, to the frame: both referral boxes, each patient logged.
        public var referralQueueMilliseconds: StoreBenchmark.Figure
        public var referralQueueLogRows: Int
        /// Min dag (F8) in a new session: the key to its first frame, and to the frame
        /// with every section read (the work it leaves for after the first frame).
        public var myDay: MyDayFigures
        /// Statements each screen action sends besides BEGIN and COMMIT, in a new
        /// session: over a network each is a round trip.
        public var statements: [(action: String, count: Int)] = []
    }

    public struct MyDayFigures: Sendable {
        public var firstFrameMilliseconds: StoreBenchmark.Figure
        public var listedMilliseconds: StoreBenchmark.Figure
        /// Statements on the writing connection from the key to the listed frame.
        public var statements: Int
        public var logRows: Int
        /// Tab to Mina patienter, to its frame.
        public var myPatientsMilliseconds: StoreBenchmark.Figure
        public var myPatientsStatements: Int
        public var myPatientsRows: Int
    }

    let store: any CareStore
    let session: Session
    let samples: Int

    public init(store: any CareStore, session: Session, samples: Int = 1_000) {
        self.store = store
        self.session = session
        self.samples = samples
    }

    public func run() throws -> Report {
        let picker = StoreBenchmark(store: store, samples: samples)
        let listed = try store.listedIdentifiers(at: session.unit.id, count: 300)
        guard !listed.isEmpty else { throw StoreError.invalid("no patient is listed at \(session.unit.id)") }
        let prefixes = try picker.namePrefixes(count: 200).filter { $0.count >= 2 }
        guard !prefixes.isEmpty else { throw StoreError.invalid("the store has no names to search for") }
        let driver = Driver(store: store, session: session)
        let keys = try keystrokes(driver, listed: listed, prefixes: prefixes)
        let typed = try typeahead(driver, prefixes: prefixes)
        let opened = try openOverview(driver, listed: listed)
        let quiet = try openOverview(driver, listed: listed, count: 100, releasingFirst: true)
        let (list, patients, listRows) = try workList()
        let (queue, queueRows) = try referralQueue()
        let day = try myDay()
        var report = Report(keystrokeMilliseconds: keys, typeaheadMilliseconds: typed, openOverviewMilliseconds: opened,
                            idleWorkMilliseconds: StoreBenchmark.Figure(seconds: driver.idleTimes, factor: 1e3),
                            openOverviewAfterReleaseMilliseconds: quiet, workListMilliseconds: list,
                            workListPatients: patients, workListLogRows: listRows, referralQueueMilliseconds: queue,
                            referralQueueLogRows: queueRows, myDay: day)
        report.statements = try statementCounts(listed: listed, prefixes: prefixes)
        return report
    }

    /// Each screen action once, in a new session, counting the statements it sends.
    private func statementCounts(listed: [String], prefixes: [String]) throws -> [(action: String, count: Int)] {
        let driver = freshDriver()
        func count(_ body: () -> Void) throws -> Int { try store.countingWork(body).statements.count }
        driver.clearSearch()
        let letter = try count { _ = driver.press(.char(prefixes[0].first ?? "a")) }
        driver.clearSearch()
        driver.paste(listed[0])
        let overview = try count { _ = driver.press(.enter) }
        let queue = try count { _ = driver.press(.function(5)) }
        let lists = try count { _ = driver.pressTimingIdle(.function(6)) }
        let day = try count { _ = driver.pressTimingIdle(.function(8)) }
        return [("search, one letter typed", letter), ("open an overview (Enter on a hit)", overview),
                ("referral queue (F5), both boxes", queue), ("work lists (F6) with every count", lists),
                ("Min dag (F8), every section", day)]
    }

    /// The same session on a new connection and session id: what a nurse signing in has.
    private func freshDriver() -> Driver {
        var fresh = session
        fresh.context.sessionId = "bench-\(UUID().uuidString.prefix(8))"
        return Driver(store: store, session: fresh)
    }

    /// The log's last row id: its rows are numbered without gaps, so the difference of
    /// two is the rows between, in one cheap read where counting the tables scans them
    /// on a server.
    private func logRows() throws -> Int {
        Int(try store.accessLogHead()?.rowId ?? 0)
    }

    private func workList() throws -> (StoreBenchmark.Figure, Int, Int) {
        let counts = try store.workListCounts(unit: session.unit.id, settings: .default, today: SystemClock().today,
                                              as: session.context)
        guard let (index, kind) = WorkListKind.allCases.enumerated().filter({ (counts[$0.element] ?? 0) > 0 })
            .min(by: { abs((counts[$0.element] ?? 0) - 50) < abs((counts[$1.element] ?? 0) - 50) }) else {
            // A small store may have no list with anyone on it: nothing to time.
            return (StoreBenchmark.Figure(seconds: [], factor: 1e3), 0, 0)
        }
        var times: [Double] = []
        var rows = 0
        for i in 0..<min(samples, 30) + 3 {
            let driver = freshDriver()
            _ = driver.press(.function(6))
            for _ in 0..<index { _ = driver.press(.down) }
            let before = try logRows()
            let time = driver.press(.enter)
            rows = try logRows() - before
            if i >= 3 { times.append(time) }
        }
        return (StoreBenchmark.Figure(seconds: times, factor: 1e3), counts[kind] ?? 0, rows)
    }

    private func referralQueue() throws -> (StoreBenchmark.Figure, Int) {
        var times: [Double] = []
        var rows = 0
        for i in 0..<min(samples, 30) + 3 {
            let driver = freshDriver()
            let before = try logRows()
            let time = driver.press(.function(5))
            rows = try logRows() - before
            if i >= 3 { times.append(time) }
        }
        return (StoreBenchmark.Figure(seconds: times, factor: 1e3), rows)
    }

    /// F8 in a new session each time, as a nurse signing in meets it, then Tab.
    private func myDay() throws -> MyDayFigures {
        var first: [Double] = [], listed: [Double] = [], mine: [Double] = []
        var statements = 0, rows = 0, mineStatements = 0, mineRows = 0
        for i in 0..<min(samples, 30) + 3 {
            let driver = freshDriver()
            let before = try logRows()
            let ((frame, settled), sql) = try store.recordingStatements { driver.pressTimingIdle(.function(8)) }
            rows = try logRows() - before
            statements = sql.count
            let ((tab, tabSettled), tabSQL) = try store.recordingStatements { driver.pressTimingIdle(.tab) }
            mineStatements = tabSQL.count
            mineRows = (driver.app.state.top as? MyDayScreen)?.state.patients.count ?? 0
            if i >= 3 {
                first.append(frame)
                listed.append(frame + settled)
                mine.append(tab + tabSettled)
            }
        }
        return MyDayFigures(firstFrameMilliseconds: StoreBenchmark.Figure(seconds: first, factor: 1e3),
                            listedMilliseconds: StoreBenchmark.Figure(seconds: listed, factor: 1e3),
                            statements: statements, logRows: rows,
                            myPatientsMilliseconds: StoreBenchmark.Figure(seconds: mine, factor: 1e3),
                            myPatientsStatements: mineStatements, myPatientsRows: mineRows)
    }

    /// Rounds of 24 arrow keys in a list of 50 search hits, then 11 function keys
    /// between the screens of a patient opened by personnummer.
    private func keystrokes(_ driver: Driver, listed: [String], prefixes: [String]) throws -> StoreBenchmark.Figure {
        var times: [Double] = []
        times.reserveCapacity(samples)
        var round = 0
        while times.count < samples {
            driver.clearSearch()
            driver.paste(prefixes[round % prefixes.count])
            for key in [Key](repeating: .down, count: 12) + [Key](repeating: .up, count: 12) {
                times.append(driver.press(key))
            }
            driver.clearSearch()
            driver.paste(listed[round % listed.count])
            _ = driver.press(.enter)
            for key: Key in [.function(4), .function(5), .function(6), .function(3), .function(7), .function(3),
                             .function(4), .function(6), .function(5), .function(3), .function(2)] {
                times.append(driver.press(key))
            }
            round += 1
        }
        return StoreBenchmark.Figure(seconds: Array(times.prefix(samples)), factor: 1e3)
    }

    /// Names typed letter by letter from an empty field, each letter a new search.
    private func typeahead(_ driver: Driver, prefixes: [String]) throws -> StoreBenchmark.Figure {
        var times: [Double] = []
        var round = 0
        while times.count < samples {
            driver.clearSearch()
            for letter in prefixes[round % prefixes.count] { times.append(driver.press(.char(letter))) }
            round += 1
        }
        return StoreBenchmark.Figure(seconds: Array(times.prefix(samples)), factor: 1e3)
    }

    /// A listed patient found by personnummer, then Enter: the record is read through
    /// the logging door, the overview and its panels are built and drawn.
    private func openOverview(_ driver: Driver, listed: [String], count: Int? = nil,
                              releasingFirst: Bool = false) throws -> StoreBenchmark.Figure {
        var times: [Double] = []
        let count = min(samples, count ?? 300)
        for i in 0..<(count + 10) {
            _ = driver.press(.function(2))
            driver.clearSearch()
            driver.paste(listed[i % listed.count])
            if releasingFirst { driver.app.releaseMemory() }
            let time = driver.press(.enter)
            guard driver.app.state.top.id == .overview else {
                throw StoreError.other("opening \(listed[i % listed.count]) did not show the overview")
            }
            if i >= 10 { times.append(time) } // the first few warm the caches
        }
        return StoreBenchmark.Figure(seconds: times, factor: 1e3)
    }
}

/// An app on a memory terminal, pressing one key at a time and timing each to its frame.
public final class Driver {
    public let app: App
    let backend = MemoryBackend(width: 80, height: 24)
    let view = AppView()

    public init(store: any CareStore, session: Session) {
        app = App(store: store, session: session, language: .sv, width: 80, height: 24)
        frame()
    }

    /// Seconds of work screens left for after a frame (work-list counts), with its frame.
    public private(set) var idleTimes: [Double] = []

    /// Seconds from the key to the finished, diffed frame. Work a screen leaves for
    /// after the frame is then done as the runner does when no key is waiting, and
    /// timed apart.
    @discardableResult
    public func press(_ key: Key) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        app.handle(.key(key))
        frame()
        let time = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        settle()
        return time
    }

    /// Seconds from the key to its frame, and from there to the frame after the work the
    /// screen left for after it (zero when it left none).
    public func pressTimingIdle(_ key: Key) -> (frame: Double, settled: Double) {
        let start = DispatchTime.now().uptimeNanoseconds
        app.handle(.key(key))
        frame()
        let drawn = DispatchTime.now().uptimeNanoseconds
        while app.hasIdleWork { app.doIdleWork() }
        frame()
        let done = DispatchTime.now().uptimeNanoseconds
        return (Double(drawn - start) / 1e9, Double(done - drawn) / 1e9)
    }

    public func paste(_ text: String) {
        app.handle(.paste(text))
        frame()
        settle()
    }

    public func clearSearch() {
        if app.state.top.id != .search { app.handle(.key(.function(2))) }
        app.handle(.key(.ctrl("u")))
        frame()
        settle()
    }

    private func settle() {
        guard app.hasIdleWork else { return }
        let start = DispatchTime.now().uptimeNanoseconds
        while app.hasIdleWork { app.doIdleWork() }
        frame()
        idleTimes.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }

    private func frame() {
        let frame = view.render(app)
        backend.draw(frame.buffer, cursor: frame.cursor)
    }
}
