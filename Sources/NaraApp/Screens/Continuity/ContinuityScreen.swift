import NaraDomain
import TerminalUI

/// Named contacts, encounters, continuity measures and the SIP of the open record.
/// The reducer decides; this runs its store calls right away (they take milliseconds)
/// and turns their outcome into the program's commands.
public struct ContinuityScreen: ScreenModel {
    public var state = ContinuityState()
    public let id = ScreenID.continuity

    public init() {}

    public var textFieldHasFocus: Bool { state.hasDialog || state.filter.isEditing }
    public var capturesKeys: Bool { state.hasDialog || state.filter.isEditing }
    public var hasUnsavedInput: Bool { state.form?.hasInput ?? false }

    public func help(_ strings: Strings) -> HelpSection? {
        HelpSection(ContinuityKeymap.make(strings, .of(strings.language)))
    }

    public mutating func handle(_ event: Event, _ context: ScreenContext) -> (handled: Bool, commands: [ScreenCommand]) {
        if state.hasDialog {
            if case .key(.ctrl("l")) = event { return (false, []) }
            return (true, run(.dialog(event), context))
        }
        if state.filter.isEditing { return (true, run(.filter(event), context)) }
        // Esc on a filtered list shows every row again before it leaves the screen.
        if event == .key(.escape), state.filter.isFiltering { return (true, run(.clearFilter, context)) }
        // `/` filters the contacts and encounters; on the other tabs it finds a patient.
        if event == .key(.char("/")), state.tab != .contacts, state.tab != .encounters { return (false, []) }
        guard case .key(let key) = event,
              let action = ContinuityKeymap.make(context.strings, .of(context.language)).action(for: key)
        else { return (false, []) }
        return (true, run(action, context))
    }

    /// Another session changed the record: a form bound to a contact or plan that changed
    /// says so above the kept input (saving it would be refused as a conflict).
    public mutating func refresh(_ context: ScreenContext) {
        guard var form = state.form, let record = context.patient else { return }
        let current: Int?
        switch form.kind {
        case .end(let id, let version, _, _), .annul(.contact(let id, let version), _):
            current = (record.contacts + record.annulled.contacts).first { $0.id == id }?.version
            if current == version { return }
        case .plan(let id, let version) where id != 0:
            current = record.plans.first { $0.id == id }?.version
            if current == version { return }
        default:
            return
        }
        form.error = ContinuityStrings.of(context.language).changedUnderForm
        state.form = form
    }

    func environment(_ context: ScreenContext) -> ContinuityEnvironment {
        let width = context.bodyWidth, height = context.bodyHeight
        let record = context.patient, today = context.today
        let strings = ContinuityStrings.of(context.language)
        return ContinuityEnvironment(
            strings: strings, today: today, now: context.now, user: context.session.staff, unit: context.session.unit,
            record: record,
            visibleRows: { tab in
                let alerts = record.map { ContinuityFacts(record: $0, today: today, words: strings).alerts(strings).count } ?? 0
                return ContinuityLayout.listRows(tab: tab, width: width, height: height, alerts: alerts)
            },
            unitStaff: { ((try? context.store.staffList(unit: context.session.unit.id)) ?? []).filter(\.active) },
            staff: { try? context.store.staff($0) },
            units: { (try? context.store.units()) ?? [] })
    }

    private mutating func run(_ action: ContinuityAction, _ context: ScreenContext) -> [ScreenCommand] {
        let env = environment(context)
        var commands: [ScreenCommand] = []
        for effect in ContinuityReducer.reduce(&state, action, env) {
            commands += perform(effect, env, context)
        }
        return commands
    }

    private mutating func perform(_ effect: ContinuityEffect, _ env: ContinuityEnvironment,
                                  _ context: ScreenContext) -> [ScreenCommand] {
        let s = env.strings
        let as_ = context.session.context
        do {
            let done: String
            switch effect {
            case .message(let text, let isError):
                return [.message(text, isError: isError)]
            case .reload:
                guard context.patient != nil else { return [.message(s.noPatient, isError: true)] }
                return [.reloadPatient, .message(s.reloaded, isError: false)]
            case .assign(let new):
                let saved = try context.store.assignContact(new, as: as_)
                done = s.assigned(env.staff(saved.staffId)?.name ?? saved.staffId.rawValue, s.role(saved.role))
            case .end(let id, let version, let day, let reason, let name, let role):
                _ = try context.store.endContact(id, expectedVersion: version, on: day, reason: reason, as: as_)
                done = s.ended(name, s.role(role))
            case .recordEncounter(let new):
                let saved = try context.store.recordEncounter(new, as: as_)
                done = s.encounterSaved(WallClock.dateTime(saved.at))
            case .savePlan(let plan):
                _ = try context.store.savePlan(plan, as: as_)
                done = s.planSaved
            case .annul(let target, let reason, let label):
                switch target {
                case .encounter(let id): _ = try context.store.annulEncounter(id, reason: reason, as: as_)
                case .contact(let id, let version):
                    _ = try context.store.annulContact(id, expectedVersion: version, reason: reason, as: as_)
                }
                done = s.annulDone(label.prefix(1).uppercased() + label.dropFirst())
            }
            _ = ContinuityReducer.reduce(&state, .saved, env)
            return [.reloadPatient, .message(done, isError: false)]
        } catch StoreError.conflict(let by, let at) {
            let text = s.conflict(env.staff(by)?.name ?? by.rawValue, WallClock.dateTime(at))
            _ = ContinuityReducer.reduce(&state, .saveFailed(text), env)
            return [.message(text, isError: true)]
        } catch {
            // The store's own words, in the user's language where it has them.
            let text = s.couldNotSave(context.strings.describe(error, prefixed: false))
            _ = ContinuityReducer.reduce(&state, .saveFailed(text), env)
            return [.message(text, isError: true)]
        }
    }

    public func render(in area: Rect, buffer: inout Buffer, _ context: ScreenContext) -> (x: Int, y: Int)? {
        let view = ContinuityView(state: state, strings: context.strings, words: .of(context.language),
                                  facts: context.patient.map {
                                      ContinuityFacts(record: $0, today: context.today, filter: state.filter,
                                                      scope: state.scope, words: .of(context.language))
                                  },
                                  glyphs: context.glyphs)
        view.render(in: area, buffer: &buffer)
        return view.cursorPosition(in: area)
    }
}
