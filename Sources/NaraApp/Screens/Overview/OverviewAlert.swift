import NaraDomain

/// Something on the record a nurse should act on, said at the top of the overview so it
/// is seen before anything else. The same situations feed the unit's work lists; here
/// they are shown for the one patient whose record is open.
public enum OverviewAlert: Sendable, Hashable {
    /// No active fast vårdkontakt at any unit; a named GP does not count, since the care
    /// contact is the one who coordinates (Patientlagen 6 kap 2 §).
    case noCareContact
    case overdueReferrals(count: Int)
    /// The latest discharge in the work list's window has no primary-care encounter since.
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

    /// The domain's alerts (`PatientAlerts`, one rule for every screen and list), with
    /// the names the overview says them with.
    static func derive(record: PatientRecord, today: LocalDate) -> [OverviewAlert] {
        let name = { (id: StaffID) in record.staff[id]?.name ?? id.rawValue }
        return PatientAlerts.derive(record, today: today).map { alert in
            switch alert {
            case .noCareContact: return .noCareContact
            case .overdueReferrals(let n): return .overdueReferrals(count: n)
            case .dischargedWithoutContact(let on, let days): return .dischargedWithoutContact(dischargedOn: on, days: days)
            case .contactLeft(let role, let id): return .contactLeft(role: role, staffName: name(id))
            case .namedGPNotSeen(let id, let last): return .namedGPNotSeen(staffName: name(id), lastSeen: last)
            case .planFollowUpPassed(let on, let days): return .planFollowUpPassed(followUpOn: on, days: days)
            }
        }
    }
}
