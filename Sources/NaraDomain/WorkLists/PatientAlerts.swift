import Foundation

/// Something on a patient's record to act on. One rule for each, here, with the work
/// lists' settings, so the overview, the continuity screen and the lists agree.
public enum PatientAlert: Hashable, Sendable {
    /// No active fast vårdkontakt at any unit; a named GP does not count, since the care
    /// contact is the one who coordinates (Patientlagen 6 kap 2 §).
    case noCareContact
    case overdueReferrals(count: Int)
    /// The latest discharge within `dischargeWindowDays` has no primary-care encounter on
    /// or after it: the same rule as the work list `discharged`.
    case dischargedWithoutContact(dischargedOn: LocalDate, days: Int)
    /// An active named contact or named GP who is inactive in the directory or works at
    /// another unit now: the patient is named to someone who is no longer there.
    case contactLeft(role: ContactRole, staffId: StaffID)
    /// The named GP has not met the patient within `namedGPVisitMonths`.
    case namedGPNotSeen(staffId: StaffID, lastSeen: LocalDate?)
    case planFollowUpPassed(followUpOn: LocalDate, days: Int)
    /// In hospital by an open admission notice: `daysLeft` to the expected discharge, by
    /// which a fast vårdkontakt must be in place (nil when the ward gave no day).
    case admitted(ward: String, admittedOn: LocalDate, daysLeft: Int?)
    /// Reported ready for discharge: `daysLeft` to the last day to call the SIP.
    case readyForDischarge(ward: String, readyOn: LocalDate, daysLeft: Int)
    /// More than `listingChangesWarning` changes of listing unit within
    /// `listingChangeMonths`: each ends the named GP, so nobody follows the patient.
    case frequentListingChanges(count: Int, months: Int)

    /// Broken promises and missed follow-ups are danger; missing or stale named contacts
    /// are warnings.
    public var isDanger: Bool {
        switch self {
        case .overdueReferrals, .dischargedWithoutContact, .planFollowUpPassed: return true
        case .noCareContact, .contactLeft, .namedGPNotSeen, .frequentListingChanges: return false
        case .admitted(_, _, let left): return (left ?? 0) < 0
        case .readyForDischarge(_, _, let left): return left < 0
        }
    }
}

public enum PatientAlerts {
    /// The alerts of the record as its reader sees it. Nothing is concluded from
    /// encounters the reader's role does not read: "not seen" would be untrue. A deceased
    /// patient keeps only the overdue referrals, as on the lists: nobody reaches out.
    public static func derive(_ record: PatientRecord, today: LocalDate, settings: WorkListSettings = .default,
                              zone: ClockZone = .stockholm) -> [PatientAlert] {
        var alerts: [PatientAlert] = []
        let readsClinical = !record.hidden.notForRole.contains(.clinical)

        let overdue = record.referrals.filter { $0.state.isOpen && $0.isOverdue(today: today) }.count
        if overdue > 0 { alerts.append(.overdueReferrals(count: overdue)) }

        let days = record.encounters.map { LocalDate(date: $0.at, in: zone) }
        let from = today.adding(days: -settings.dischargeWindowDays)
        if readsClinical, let latest = record.discharges.map(\.dischargedOn).filter({ $0 >= from && $0 <= today }).max() {
            let followed = zip(record.encounters, days).contains { e, day in
                day >= latest && record.units[e.unitId]?.kind == .primaryCare
            }
            if !followed { alerts.append(.dischargedWithoutContact(dischargedOn: latest, days: latest.days(until: today))) }
        }

        // The latest open stay: the clock that runs is the SIP call once the patient is
        // ready, before that the discharge the fast vårdkontakt must come before.
        if let stay = record.dischargeNotices.filter({ $0.isOpen && $0.admittedOn <= today }).max(by: {
            ($0.admittedOn, $0.id) < ($1.admittedOn, $1.id) }) {
            let ward = record.units[stay.wardUnitId]?.name ?? stay.wardUnitId.rawValue
            if let ready = stay.readyOn, ready <= today, let due = stay.planCallDue {
                alerts.append(.readyForDischarge(ward: ward, readyOn: ready, daysLeft: today.days(until: due)))
            } else {
                alerts.append(.admitted(ward: ward, admittedOn: stay.admittedOn,
                                        daysLeft: stay.careContactDue.map { today.days(until: $0) }))
            }
        }

        let passed = record.plans.compactMap { $0.followUpOverdue(on: today) ? $0.followUpOn : nil }
        if let oldest = passed.min() { alerts.append(.planFollowUpPassed(followUpOn: oldest, days: oldest.days(until: today))) }

        let changes = NamedGP.listingChanges(record.listings, months: settings.listingChangeMonths, endingOn: today)
        if changes > settings.listingChangesWarning {
            alerts.append(.frequentListingChanges(count: changes, months: settings.listingChangeMonths))
        }

        let active = record.activeContacts(on: today)
        if !active.contains(where: { $0.role == .careContact }) { alerts.append(.noCareContact) }
        func left(_ c: CareContact) -> Bool {
            guard let staff = record.staff[c.staffId] else { return true }
            return !staff.active || staff.unitId != c.unitId
        }
        for c in active where left(c) { alerts.append(.contactLeft(role: c.role, staffId: c.staffId)) }

        if readsClinical {
            let window = Continuity.window(endingOn: today, months: settings.namedGPVisitMonths)
            for gp in active where gp.role == .namedPhysician && !left(gp) {
                let seen = zip(record.encounters, days).filter { $0.0.staffId == gp.staffId && $0.1 <= today }.map(\.1)
                if !seen.contains(where: { window.contains($0) }) {
                    alerts.append(.namedGPNotSeen(staffId: gp.staffId, lastSeen: seen.max()))
                }
            }
        }
        guard record.patient.deceased else { return alerts }
        return alerts.filter { if case .overdueReferrals = $0 { return true } else { return false } }
    }
}
