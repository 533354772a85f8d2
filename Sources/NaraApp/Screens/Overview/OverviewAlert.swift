import NaraDomain

/// Something on the record a nurse should act on, said at the top of the overview so it
/// is seen before anything else. The same situations feed the unit's work lists; here
/// they are shown for the one patient whose record is open.
public enum OverviewAlert: Sendable, Hashable {
    /// No active fast vårdkontakt at any unit; a named GP does not count, since the care
    /// contact is the one who coordinates (Patientlagen 6 kap 2 §).
    case noCareContact
    case overdueReferrals(count: Int)
    /// The latest discharge in the last 30 days has no primary-care encounter on or after it.
    case dischargedWithoutContact(dischargedOn: LocalDate, days: Int)
    /// A named contact or named GP is inactive in the directory: the patient is named to
    /// someone who no longer works there.
    case contactLeft(role: ContactRole, staffName: String)
    case namedGPNotSeen(staffName: String, lastSeen: LocalDate?)
    case planFollowUpPassed(followUpOn: LocalDate, days: Int)

    /// Broken promises and missed follow-ups are danger; missing or stale named contacts
    /// are warnings.
    public var isDanger: Bool {
        switch self {
        case .overdueReferrals, .dischargedWithoutContact, .planFollowUpPassed: return true
        case .noCareContact, .contactLeft, .namedGPNotSeen: return false
        }
    }

    static func readsEncountersAndDischarges(_ record: PatientRecord) -> Bool {
        !record.hidden.notForRole.contains(.clinical)
    }

    static func derive(record: PatientRecord, today: LocalDate, encounterDays: [LocalDate],
                       careContacts: [OverviewModel.Contact], namedGP: OverviewModel.Contact?,
                       openReferrals: [OverviewModel.ReferralLine], openPlans: [CoordinatedPlan]) -> [OverviewAlert] {
        var alerts: [OverviewAlert] = []

        let overdue = openReferrals.filter(\.overdue).count
        if overdue > 0 { alerts.append(.overdueReferrals(count: overdue)) }

        // Only the latest discharge matters: a contact after it follows up any earlier one
        // too (the same rule as the work list). A contact on the discharge day counts.
        let from = today.adding(days: -OverviewModel.dischargeWindowDays)
        if readsEncountersAndDischarges(record),
           let latest = record.discharges.map(\.dischargedOn).filter({ $0 >= from && $0 <= today }).max() {
            let followed = zip(record.encounters, encounterDays).contains { e, day in
                day >= latest && record.units[e.unitId]?.kind == .primaryCare
            }
            if !followed { alerts.append(.dischargedWithoutContact(dischargedOn: latest, days: latest.days(until: today))) }
        }

        let passed = openPlans.compactMap { plan -> LocalDate? in
            plan.followUpOverdue(on: today) ? plan.followUpOn : nil
        }
        if let oldest = passed.min() { alerts.append(.planFollowUpPassed(followUpOn: oldest, days: oldest.days(until: today))) }

        if careContacts.isEmpty { alerts.append(.noCareContact) }
        for c in careContacts + [namedGP].compactMap({ $0 }) where !c.staffActive {
            alerts.append(.contactLeft(role: c.role, staffName: c.staffName))
        }

        // Encounters the user's role does not read are not "no encounters": no alert
        // is drawn from them.
        let readsEncounters = !record.hidden.notForRole.contains(.clinical)
        if let gp = namedGP, gp.staffActive, readsEncounters {
            let window = Continuity.window(endingOn: today, months: OverviewModel.namedGPVisitMonths)
            let seen = zip(record.encounters, encounterDays).filter { $0.0.staffId == gp.staffId && $0.1 <= today }
                .map(\.1)
            if !seen.contains(where: { window.contains($0) }) {
                alerts.append(.namedGPNotSeen(staffName: gp.staffName, lastSeen: seen.max()))
            }
        }
        return alerts
    }
}
