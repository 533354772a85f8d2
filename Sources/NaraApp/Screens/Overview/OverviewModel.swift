import Foundation
import NaraDomain

/// Everything the overview shows, derived from one record and one day. Pure, so every
/// alert and figure can be tested without drawing; the view only formats and places it.
public struct OverviewModel: Sendable, Hashable {
    public struct Identity: Sendable, Hashable {
        public var name: String
        public var identifier: String
        public var age: Int?
        public var sex: Sex
        public var protectedIdentity: Bool
        public var deceased: Bool = false
        public var deceasedOn: LocalDate?
        /// The number the patient is reached on, as registered.
        public var phone: String?
        public var nextOfKin: [NextOfKin] = []
        public var interpreter: InterpreterNeed?
    }

    /// A named person: a care contact or the named GP.
    public struct Contact: Sendable, Hashable {
        public var role: ContactRole
        public var staffId: StaffID
        public var staffName: String
        public var profession: Profession?
        public var unitName: String
        public var reason: String
        public var from: LocalDate
        /// False when the person has left (inactive in the directory).
        public var staffActive: Bool
    }

    public struct EncounterLine: Sendable, Hashable {
        public var day: LocalDate
        public var mode: EncounterMode
        public var planned: Bool
        public var staffName: String
        public var profession: Profession?
        public var unitName: String
        public var reason: String
    }

    public struct ReferralLine: Sendable, Hashable {
        public var id: RecordID
        public var toUnitName: String
        public var state: ReferralState
        public var priority: ReferralPriority
        public var question: String
        /// Negative when overdue; nil when no clock runs (draft, seen, answered, no limit).
        public var daysLeft: Int?
        public var overdue: Bool
        public var paused: Bool
        /// The last day as the pauses have moved it, while the clock runs.
        public var deadline: LocalDate? = nil
    }

    public struct PlanLine: Sendable, Hashable {
        public var followUpOn: LocalDate?
        public var responsibleUnitName: String
        public var passed: Bool
        public var goal: String = ""
        /// The other units in the plan, by name.
        public var participantNames: [String] = []
    }

    public var identity: Identity
    public var listingUnitName: String?
    public var namedGP: Contact?
    public var careContacts: [Contact]
    public var chronicProblems: [Problem]
    /// The latest value of each kind of measurement, with its day.
    public var measurements: [Observation]
    /// Newest first, at most five.
    public var recentEncounters: [EncounterLine]
    /// Open referrals, the most pressing clock first.
    public var openReferrals: [ReferralLine]
    /// The open plan whose follow-up comes first (a passed one before any other).
    public var plan: PlanLine?
    public var openPlanCount: Int
    public var continuityWindow: ClosedRange<LocalDate>
    /// Which encounters the continuity figures count (`ContinuityScope`).
    public var continuityScope = ContinuityScope.default
    public var doctors: ContinuityMeasures
    public var nurses: ContinuityMeasures
    /// The domain's alerts (`PatientAlerts`: one rule for every screen and list).
    public var alerts: [PatientAlert]
    /// Names of the staff the alerts mention.
    public var staffNames: [StaffID: String]
    /// What the access policy left out: blocked entries, other providers' entries that
    /// need consent (by name), kinds of information the user's role does not read.
    public var hiddenBlocked: Int
    public var hiddenNeedingConsent: [String]
    public var hiddenForRole: Bool
    /// Providers whose information the user's provider reads with the patient's consent.
    public var consentedProviders: [String]

    public static let recentEncounterCount = 5
    public static let continuityMonths = 18
    /// At most this many days left shows the clock as a warning.
    public static let warningDays = 7

    public init(record: PatientRecord, today: LocalDate, timeZone: ClockZone = .stockholm) {
        let p = record.patient
        hiddenBlocked = record.hidden.blocked
        hiddenNeedingConsent = record.hidden.needingConsent.sorted().map { record.providerNames[$0] ?? $0.rawValue }
        hiddenForRole = !record.hidden.notForRole.isEmpty
        consentedProviders = record.consents.map { c in
            c.sourceProviderId.map { record.providerNames[$0] ?? $0.rawValue } ?? "*"
        }
        identity = Identity(name: p.fullName, identifier: p.identifier.display, age: p.age(on: today), sex: p.sex,
                            protectedIdentity: p.protectedIdentity, deceased: p.deceased, deceasedOn: p.deceasedOn,
                            phone: p.phone.map(CleanText.line).flatMap { $0.isEmpty ? nil : $0 },
                            nextOfKin: p.nextOfKin, interpreter: p.interpreter)
        let unitName = { (id: UnitID) in record.units[id]?.name ?? id.rawValue }
        listingUnitName = record.activeListing(on: today).map { unitName($0.unitId) }

        func contact(_ c: CareContact) -> Contact {
            let staff = record.staff[c.staffId]
            return Contact(role: c.role, staffId: c.staffId, staffName: staff?.name ?? c.staffId.rawValue,
                           profession: staff?.profession, unitName: unitName(c.unitId), reason: c.reason,
                           from: c.from, staffActive: staff?.active ?? true)
        }
        namedGP = NamedGP.current(contacts: record.contacts, listing: record.activeListing(on: today), on: today)
            .map(contact)
        careContacts = record.activeContacts(on: today, role: .careContact).map(contact)
        chronicProblems = record.problems.filter(\.chronic)
        measurements = record.observations.latestByKind()

        let days = record.encounters.map { LocalDate(date: $0.at, in: timeZone) }
        let past = zip(record.encounters, days).filter { $0.1 <= today }
        recentEncounters = past.reversed().prefix(Self.recentEncounterCount).map { e, day in
            let staff = record.staff[e.staffId]
            return EncounterLine(day: day, mode: e.mode, planned: e.planned, staffName: staff?.name ?? e.staffId.rawValue,
                                 profession: staff?.profession, unitName: unitName(e.unitId), reason: e.reason)
        }

        openReferrals = record.referrals.filter(\.state.isOpen).map { r in
            ReferralLine(id: r.id, toUnitName: unitName(r.toUnitId), state: r.state, priority: r.priority,
                         question: r.question, daysLeft: r.daysLeft(today: today), overdue: r.isOverdue(today: today),
                         paused: r.state.awaitsVisit && (r.guaranteeClock()?.isPaused(on: today) ?? false),
                         deadline: r.state.awaitsVisit ? r.guaranteeClock()?.deadline(today: today) : nil)
        }.enumerated().sorted { a, b in
            // Fewest days left first; referrals without a clock keep the store's order, last.
            let ka = a.element.daysLeft ?? Int.max, kb = b.element.daysLeft ?? Int.max
            return (ka, a.offset) < (kb, b.offset)
        }.map(\.element)

        let openPlans = record.plans.filter(\.isOpen)
        openPlanCount = openPlans.count
        // A plan without a follow-up date sorts after every dated one.
        plan = openPlans.min { a, b in
            (a.followUpOn?.dayNumber ?? Int.max, a.id) < (b.followUpOn?.dayNumber ?? Int.max, b.id)
        }.map { plan in
            PlanLine(followUpOn: plan.followUpOn, responsibleUnitName: unitName(plan.responsibleUnitId),
                     passed: plan.followUpOverdue(on: today), goal: plan.goal,
                     participantNames: plan.participants.map(\.unitId).filter { $0 != plan.responsibleUnitId }
                        .map(unitName))
        }

        continuityWindow = Continuity.window(endingOn: today, months: Self.continuityMonths)
        let (scope, continuityEncounters) = record.continuityEncounters(on: today, zone: timeZone)
        continuityScope = scope
        let named = Set(record.activeContacts(on: today).map(\.staffId))
        doctors = Continuity.measures(encounters: continuityEncounters, window: continuityWindow, group: .doctors,
                                      named: named)
        nurses = Continuity.measures(encounters: continuityEncounters, window: continuityWindow, group: .nurses,
                                     named: named)

        alerts = PatientAlerts.derive(record, today: today, zone: timeZone)
        staffNames = record.staff.mapValues(\.name)
    }
}
