import Foundation

/// What the reform report needs of one patient who was listed at the unit in the period.
public struct ReformPatient: Sendable {
    public var listings: [Listing]
    /// Named GPs and care contacts, ended ones included.
    public var contacts: [CareContact]
    public var residentialCare: Bool
    /// Encounters with their unit, from `continuityMonths` before the first month on.
    public var encounters: [ContinuityEncounter]
    public var dischargeNotices: [DischargeNotice]
    public var plans: [CoordinatedPlan]

    public init(listings: [Listing], contacts: [CareContact] = [], residentialCare: Bool = false,
                encounters: [ContinuityEncounter] = [], dischargeNotices: [DischargeNotice] = [],
                plans: [CoordinatedPlan] = []) {
        self.listings = listings
        self.contacts = contacts
        self.residentialCare = residentialCare
        self.encounters = encounters
        self.dischargeNotices = dischargeNotices
        self.plans = plans
    }
}

/// A unit's figures for the reform's goals, by calendar month: the same rules as the
/// screens and lists (`NamedGP`, `ContinuityScope`, the discharge notices' clocks).
/// Patients and rejected referrals are added one at a time, so a store can stream them.
public struct ReformReport: Sendable {
    public let unitId: UnitID
    public let scope: ContinuityScope
    /// Primärvårdskvalitet: COC over 18 months, for patients with at least 3 encounters.
    public let continuityMonths: Int
    public let minimumEncounters: Int
    public private(set) var months: [ReformMonth]

    /// The `count` calendar months ending with the month of `today`, the last one as of today.
    public init(unit: UnitID, endingOn today: LocalDate, count: Int, scope: ContinuityScope = .default,
                continuityMonths: Int = Continuity.defaultWindowMonths, minimumEncounters: Int = 3) {
        unitId = unit
        self.scope = scope
        self.continuityMonths = continuityMonths
        self.minimumEncounters = max(2, minimumEncounters)
        let first = LocalDate(year: today.year, month: today.month, day: 1)!
        months = (0..<max(1, count)).reversed().map { back in
            let start = first.adding(months: -back)
            let end = min(start.adding(months: 1).adding(days: -1), today)
            return ReformMonth(month: String(start.iso.prefix(7)), asOf: end)
        }
    }

    /// The first day of the first month.
    public var firstDay: LocalDate { LocalDate(iso: months[0].month + "-01")! }

    public mutating func add(_ p: ReformPatient) {
        for i in months.indices {
            let day = months[i].asOf
            let monthStart = LocalDate(iso: months[i].month + "-01")!
            if let listing = p.listings.first(where: { $0.unitId == unitId && $0.isActive(on: day) }) {
                months[i].listed += 1
                let gp = NamedGP.current(contacts: p.contacts, listing: listing, on: day) != nil
                if gp { months[i].withNamedGP += 1 }
                if p.residentialCare {
                    months[i].residentialCare += 1
                    if gp { months[i].residentialCareWithNamedGP += 1 }
                }
                addContinuity(p, listing: listing, month: i)
            }
            for n in p.dischargeNotices where n.unitId == unitId {
                if let due = n.planCallDue, due >= monthStart, due <= day {
                    months[i].sipCallsDue += 1
                    if p.plans.contains(where: { n.isCoveredBy($0) && $0.agreedOn <= due }) { months[i].sipCallsMet += 1 }
                }
                if let out = n.dischargedOn, out >= monthStart, out <= day {
                    months[i].dischargesDue += 1
                    if p.contacts.contains(where: { $0.role == .careContact && $0.unitId == unitId && $0.isActive(on: out) }) {
                        months[i].careContactsMet += 1
                    }
                }
            }
        }
    }

    private mutating func addContinuity(_ p: ReformPatient, listing: Listing, month i: Int) {
        let window = Continuity.window(endingOn: months[i].asOf, months: continuityMonths)
        let counted = scope.select(p.encounters, listingUnit: listing.unitId)
        let doctors = Continuity.measures(encounters: counted, window: window, group: .doctors, named: [])
        if doctors.encounters >= minimumEncounters, let coc = doctors.coc {
            months[i].cocPhysiciansSum += coc
            months[i].cocPhysiciansPatients += 1
        }
        let all = Continuity.measures(encounters: counted, window: window, group: nil, named: [])
        if all.encounters >= minimumEncounters, let coc = all.coc {
            months[i].cocAllSum += coc
            months[i].cocAllPatients += 1
        }
    }

    /// A referral sent from the unit counts in each month at whose end it stood rejected,
    /// with no step recorded after the rejection (the sender's "patient informed", a
    /// forward, a cancellation) by then.
    public mutating func add(sent referral: Referral) {
        guard referral.fromUnitId == unitId else { return }
        for i in months.indices {
            let steps = referral.history.filter { LocalDate(date: $0.at, in: .stockholm) <= months[i].asOf }
            if steps.last?.action == .reject { months[i].rejectedOpen += 1 }
        }
    }
}
