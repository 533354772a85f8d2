/// The goals of the national agreement God och nära vård (DOMAIN.md "Continuity goals of
/// the reform"): shares a unit's listed patients should reach.
public enum ReformGoals {
    /// Listed patients with a named GP (fast läkarkontakt).
    public static let namedGPShare = 0.55
    /// Residents of residential care homes (SÄBO) with a named GP.
    public static let residentialCareNamedGPShare = 0.80
}

/// One calendar month of a unit's reform figures, counted as of `asOf`: the month's last
/// day, or today in the running month.
public struct ReformMonth: Sendable, Hashable {
    /// `YYYY-MM`.
    public var month: String
    public var asOf: LocalDate
    /// Listed at the unit on `asOf`, and of those with a named GP there.
    public var listed = 0, withNamedGP = 0
    /// Of the listed, those living in a residential care home, and of them with a named GP.
    public var residentialCare = 0, residentialCareWithNamedGP = 0
    /// Mean COC over the listed patients measured (`ReformReport.minimumEncounters` in the
    /// window in the group), to physicians and to all staff; nil when nobody was measured.
    public var cocPhysicians: Double? { cocPhysiciansPatients > 0 ? cocPhysiciansSum / Double(cocPhysiciansPatients) : nil }
    public var cocAll: Double? { cocAllPatients > 0 ? cocAllSum / Double(cocAllPatients) : nil }
    public var cocPhysiciansSum = 0.0, cocPhysiciansPatients = 0
    public var cocAllSum = 0.0, cocAllPatients = 0
    /// Referrals sent from the unit that stood rejected on `asOf` with nothing recorded since.
    public var rejectedOpen = 0
    /// SIP calls falling due in the month by `asOf` (three days after a ready notice), and
    /// of those called in time: a plan agreed after the admission by the due day.
    public var sipCallsDue = 0, sipCallsMet = 0
    /// Discharges in the month by `asOf`, and of those with a fast vårdkontakt at the unit
    /// in place on the discharge day.
    public var dischargesDue = 0, careContactsMet = 0

    public init(month: String, asOf: LocalDate) {
        self.month = month
        self.asOf = asOf
    }

    public var namedGPShare: Double? { Self.share(withNamedGP, of: listed) }
    public var residentialCareNamedGPShare: Double? { Self.share(residentialCareWithNamedGP, of: residentialCare) }
    public var sipCallShare: Double? { Self.share(sipCallsMet, of: sipCallsDue) }
    public var careContactShare: Double? { Self.share(careContactsMet, of: dischargesDue) }

    static func share(_ part: Int, of whole: Int) -> Double? { whole > 0 ? Double(part) / Double(whole) : nil }
}
