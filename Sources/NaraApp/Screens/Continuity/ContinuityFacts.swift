import Foundation
import NaraDomain
import TerminalUI

/// What the screen shows of one record, worked out once per frame or key: the record
/// holds the facts, this puts them in the order and form a nurse reads them.
struct ContinuityFacts {
    let record: PatientRecord
    let today: LocalDate
    /// Ongoing contacts first (newest start first), then ended ones (latest end first).
    let contacts: [CareContact]
    /// Newest first.
    let encounters: [Encounter]
    /// Open plans first, then by agreed date, newest first.
    let plans: [CoordinatedPlan]
    let report: ContinuityReport
    /// Which encounters the figures count (`ContinuityScope`).
    let scope: ContinuityScope
    /// Encounters per calendar month over the report's window, oldest month first.
    let perMonth: [Int]

    static let months = Continuity.defaultWindowMonths

    /// `filter` (`/`) narrows the contacts and encounters to rows whose shown text has
    /// every word typed: names, units, dates, kinds and reasons, in `words`' language.
    init(record: PatientRecord, today: LocalDate, filter: ListFilter = ListFilter(), scope: ContinuityScope = .default,
         words: ContinuityStrings) {
        self.record = record
        self.today = today
        let active = record.contacts.filter { $0.to == nil || $0.isActive(on: today) }
            .sorted { $0.from > $1.from }
        let ended = record.contacts.filter { !($0.to == nil || $0.isActive(on: today)) }
            .sorted { ($0.to ?? $0.from) > ($1.to ?? $1.from) }
        // Annulled contacts last: kept in the history, never in force.
        let name = { (id: StaffID) in record.staff[id]?.name ?? id.rawValue }
        let unit = { (id: UnitID) in record.units[id]?.name ?? id.rawValue }
        contacts = filter.filter(active + ended + record.annulled.contacts.sorted { $0.from > $1.from }) { c in
            "\(words.role(c.role)) \(name(c.staffId)) \(unit(c.unitId)) \(c.from.iso) \(c.to?.iso ?? "") \(c.reason)"
        }
        encounters = filter.filter((record.encounters + record.annulled.encounters).enumerated().sorted {
            $0.element.at != $1.element.at ? $0.element.at > $1.element.at : $0.offset > $1.offset
        }.map(\.element)) { e in
            "\(WallClock.dateTime(e.at)) \(words.mode(e.mode)) \(name(e.staffId)) \(unit(e.unitId)) \(e.reason)"
        }
        plans = record.plans.sorted {
            $0.isOpen != $1.isOpen ? $0.isOpen : $0.agreedOn > $1.agreedOn
        }
        let (scope, points) = record.continuityEncounters(scope, on: today)
        self.scope = scope
        let named = Set(record.activeContacts(on: today).map(\.staffId))
        report = Continuity.report(encounters: points, window: Continuity.window(endingOn: today, months: Self.months),
                                   named: named)
        perMonth = Continuity.encountersPerMonth(points, endingOn: today, months: Self.months)
    }

    func isActive(_ contact: CareContact) -> Bool { contact.isActive(on: today) }

    func staffName(_ id: StaffID) -> String { record.staff[id]?.name ?? id.rawValue }

    func unitName(_ id: UnitID) -> String { record.units[id]?.name ?? id.rawValue }

    /// The named contacts who are no longer there, and a named GP the patient has not
    /// met for a year: the domain's rule (`PatientAlerts`), as the overview has it.
    func alerts(_ s: ContinuityStrings) -> [String] {
        PatientAlerts.derive(record, today: today).compactMap { alert in
            switch alert {
            case .contactLeft(let role, let id): return s.alertContactLeft(staffName(id), s.role(role))
            case .namedGPNotSeen(let id, _): return s.alertGPNotSeen(staffName(id))
            default: return nil
            }
        }
    }

    /// How many rows a tab's list has before the filter, for "3 av 40".
    func unfiltered(_ tab: ContinuityTab) -> Int {
        switch tab {
        case .contacts: return record.contacts.count + record.annulled.contacts.count
        case .encounters: return record.encounters.count + record.annulled.encounters.count
        case .plan: return record.plans.count
        case .measures: return 0
        }
    }

    /// How many rows the list of a tab has, for moving the selection.
    func count(_ tab: ContinuityTab) -> Int {
        switch tab {
        case .contacts: return contacts.count
        case .encounters: return encounters.count
        case .plan: return plans.count
        case .measures: return 0
        }
    }
}
