import Foundation
import NaraDomain
import TerminalUI

/// The access log (Patientdatalagen's loggutdrag and logguppföljning): who has looked at
/// the open patient's record, and, for administrators, the week's review of emergency
/// accesses and a stable sample of the rest.
public struct AccessLogScreen: ScreenModel {
    public var state = AccessLogState()
    public let id = ScreenID.accessLog
    /// Names of staff and units met in the log; the directory rarely changes in a session.
    private var staffNames: [StaffID: String] = [:]
    private var unitNames: [UnitID: String] = [:]

    public init() {}

    public var capturesKeys: Bool { state.form != nil || state.filter.isEditing }
    public var hasUnsavedInput: Bool { state.form?.hasInput ?? false }

    public func help(_ strings: Strings) -> HelpSection? { HelpSection(AccessLogKeymap.make(strings)) }

    public mutating func handle(_ event: Event, _ context: ScreenContext) -> (handled: Bool, commands: [ScreenCommand]) {
        if state.form != nil {
            switch event {
            case .key, .paste: return (true, run(.form(event), context))
            default: return (false, [])
            }
        }
        if state.filter.isEditing { return (true, run(.filter(event), context)) }
        // Esc on a filtered log shows every row again before it leaves the screen.
        if event == .key(.escape), state.filter.isFiltering { return (true, run(.clearFilter, context)) }
        guard case .key(let key) = event, let action = AccessLogKeymap.make(context.strings).action(for: key) else {
            return (false, [])
        }
        return (true, run(action, context))
    }

    public mutating func appear(_ context: ScreenContext) -> [ScreenCommand] {
        state.user = context.session.staff.id
        state.isAdministrator = context.session.staff.rights.contains(.logReview)
        return perform(.loadExtract, context)
    }

    /// Others' commits add log rows: read again what has been read, without a new log row.
    public mutating func refresh(_ context: ScreenContext) {
        if state.extractPatient != nil { _ = perform(.loadExtract, context) }
        if state.reviewLoaded { _ = perform(.loadReview, context) }
    }

    public func render(in area: Rect, buffer: inout Buffer, _ context: ScreenContext) -> (x: Int, y: Int)? {
        AccessLogView(state: state, strings: context.strings, patient: context.patient, glyphs: context.glyphs)
            .draw(in: area, buffer: &buffer)
    }

    private mutating func run(_ action: AccessLogAction, _ context: ScreenContext) -> [ScreenCommand] {
        let rows = AccessLogView.visibleRows(bodyHeight: context.bodyHeight)
        let words = AccessLogStrings.of(context.language)
        var commands: [ScreenCommand] = []
        for effect in AccessLogReducer.reduce(&state, action, words: words, visibleRows: rows) {
            commands += perform(effect, context)
        }
        return commands
    }

    private mutating func perform(_ effect: AccessLogEffect, _ context: ScreenContext) -> [ScreenCommand] {
        let rows = AccessLogView.visibleRows(bodyHeight: context.bodyHeight)
        let words = AccessLogStrings.of(context.language)
        do {
            switch effect {
            case .loadExtract:
                guard let patient = context.patient?.patient.id else {
                    state.extractPatient = nil
                    state.extractRead = []
                    state.applyFilter()
                    return []
                }
                // The store logs the extract in the same transaction that reads it.
                let entries = try context.store.accessLog(patient: patient, limit: AccessLogState.extractLimit,
                                                          action: .read, as: context.session.context)
                // Everyone named in the extract in one read, not one a row.
                let missing = Set(entries.map(\.staffId)).filter { staffNames[$0] == nil }
                for (id, staff) in try context.store.staff(ids: missing) { staffNames[id] = staff.name }
                let found = try entries.map { entry in
                    AccessLogExtractRow(entry: entry, time: Self.time(entry.atMilliseconds),
                                        staffName: try staffName(entry.staffId, context),
                                        unitName: try unitName(entry.unitId, context))
                }
                _ = AccessLogReducer.reduce(&state, .extractLoaded(patient, found), words: words, visibleRows: rows)
            case .loadReview:
                let to = context.today, from = to.adding(days: -(AccessLogState.reviewDays - 1))
                let items = try context.store.reviewSample(from: from, to: to, sample: AccessLogState.sampleSize,
                                                           seed: UInt64(bitPattern: Int64(to.dayNumber)),
                                                           as: context.session.context)
                _ = AccessLogReducer.reduce(&state, .reviewLoaded(from: from, to: to, items), words: words,
                                            visibleRows: rows)
            case .save(let logId, let verdict, let comment):
                do {
                    let review = try context.store.markReviewed(logId: logId, verdict: verdict, comment: comment,
                                                                as: context.session.context)
                    return run(.saved(review), context)
                } catch {
                    // The form stays open with the comment, for a retry.
                    _ = AccessLogReducer.reduce(&state, .saveFailed(context.strings.describe(error)), words: words)
                    return [.message(context.strings.describe(error), isError: true)]
                }
            case .message(let text, let isError):
                return [.message(text, isError: isError)]
            }
        } catch {
            return [.message(context.strings.describe(error), isError: true)]
        }
        return []
    }

    private mutating func staffName(_ id: StaffID, _ context: ScreenContext) throws -> String {
        if let name = staffNames[id] { return name }
        let name = try context.store.staff(id)?.name ?? id.rawValue
        staffNames[id] = name
        return name
    }

    private mutating func unitName(_ id: UnitID, _ context: ScreenContext) throws -> String {
        if let name = unitNames[id] { return name }
        let name = try context.store.unit(id)?.name ?? id.rawValue
        unitNames[id] = name
        return name
    }

    static func time(_ milliseconds: Int64) -> String {
        WallClock.dateTime(Date(timeIntervalSince1970: TimeInterval(milliseconds) / 1000))
    }
}
