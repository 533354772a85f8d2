/// Thresholds of the work lists. A region or unit may change any of them; a settings
/// file names only the ones it changes.
public struct WorkListSettings: Sendable, Codable, Hashable {
    public var minimumAge: Int
    public var minimumChronicDiagnoses: Int
    public var frequentEncounters: Int
    public var frequentWindowMonths: Int
    /// COC strictly below this counts as low continuity.
    public var lowCocThreshold: Double
    public var dischargeWindowDays: Int
    public var acknowledgementDays: Int
    public var noEncounterMonths: Int
    /// A named GP not met within this many months is a GP on paper only.
    public var namedGPVisitMonths: Int
    /// More listing changes than this within `listingChangeMonths` is a warning.
    public var listingChangesWarning: Int
    public var listingChangeMonths: Int
    /// Socialstyrelsen's multimorbid elderly: this many hospital stays within
    /// `multimorbidWindowMonths` and diagnoses in this many ICD-10 chapters.
    public var multimorbidStays: Int
    public var multimorbidChapters: Int
    public var multimorbidWindowMonths: Int
    /// The yearly checks' window.
    public var yearlyCheckMonths: Int

    public init(minimumAge: Int = 75, minimumChronicDiagnoses: Int = 3, frequentEncounters: Int = 4,
                frequentWindowMonths: Int = 12, lowCocThreshold: Double = 0.3, dischargeWindowDays: Int = 7,
                acknowledgementDays: Int = 14, noEncounterMonths: Int = 12, namedGPVisitMonths: Int = 12,
                listingChangesWarning: Int = 2, listingChangeMonths: Int = 12, multimorbidStays: Int = 3,
                multimorbidChapters: Int = 3, multimorbidWindowMonths: Int = 12, yearlyCheckMonths: Int = 12) {
        self.yearlyCheckMonths = yearlyCheckMonths
        self.multimorbidStays = multimorbidStays
        self.multimorbidChapters = multimorbidChapters
        self.multimorbidWindowMonths = multimorbidWindowMonths
        self.listingChangesWarning = listingChangesWarning
        self.listingChangeMonths = listingChangeMonths
        self.namedGPVisitMonths = namedGPVisitMonths
        self.minimumAge = minimumAge
        self.minimumChronicDiagnoses = minimumChronicDiagnoses
        self.frequentEncounters = frequentEncounters
        self.frequentWindowMonths = frequentWindowMonths
        self.lowCocThreshold = lowCocThreshold
        self.dischargeWindowDays = dischargeWindowDays
        self.acknowledgementDays = acknowledgementDays
        self.noEncounterMonths = noEncounterMonths
    }

    public static let `default` = WorkListSettings()

    private enum CodingKeys: String, CodingKey {
        case minimumAge, minimumChronicDiagnoses, frequentEncounters, frequentWindowMonths
        case lowCocThreshold, dischargeWindowDays, acknowledgementDays, noEncounterMonths, namedGPVisitMonths
        case listingChangesWarning, listingChangeMonths
        case multimorbidStays, multimorbidChapters, multimorbidWindowMonths, yearlyCheckMonths
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = WorkListSettings()
        minimumAge = try c.decodeIfPresent(Int.self, forKey: .minimumAge) ?? d.minimumAge
        minimumChronicDiagnoses = try c.decodeIfPresent(Int.self, forKey: .minimumChronicDiagnoses)
            ?? d.minimumChronicDiagnoses
        frequentEncounters = try c.decodeIfPresent(Int.self, forKey: .frequentEncounters) ?? d.frequentEncounters
        frequentWindowMonths = try c.decodeIfPresent(Int.self, forKey: .frequentWindowMonths)
            ?? d.frequentWindowMonths
        lowCocThreshold = try c.decodeIfPresent(Double.self, forKey: .lowCocThreshold) ?? d.lowCocThreshold
        dischargeWindowDays = try c.decodeIfPresent(Int.self, forKey: .dischargeWindowDays) ?? d.dischargeWindowDays
        acknowledgementDays = try c.decodeIfPresent(Int.self, forKey: .acknowledgementDays) ?? d.acknowledgementDays
        noEncounterMonths = try c.decodeIfPresent(Int.self, forKey: .noEncounterMonths) ?? d.noEncounterMonths
        namedGPVisitMonths = try c.decodeIfPresent(Int.self, forKey: .namedGPVisitMonths) ?? d.namedGPVisitMonths
        listingChangesWarning = try c.decodeIfPresent(Int.self, forKey: .listingChangesWarning)
            ?? d.listingChangesWarning
        listingChangeMonths = try c.decodeIfPresent(Int.self, forKey: .listingChangeMonths) ?? d.listingChangeMonths
        multimorbidStays = try c.decodeIfPresent(Int.self, forKey: .multimorbidStays) ?? d.multimorbidStays
        multimorbidChapters = try c.decodeIfPresent(Int.self, forKey: .multimorbidChapters) ?? d.multimorbidChapters
        multimorbidWindowMonths = try c.decodeIfPresent(Int.self, forKey: .multimorbidWindowMonths)
            ?? d.multimorbidWindowMonths
        yearlyCheckMonths = try c.decodeIfPresent(Int.self, forKey: .yearlyCheckMonths) ?? d.yearlyCheckMonths
    }
}
