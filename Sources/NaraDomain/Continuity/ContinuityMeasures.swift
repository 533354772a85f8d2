/// One encounter as continuity needs it: the day, who, and which profession group.
/// Kept this small so the store can produce it from one indexed query without loading
/// whole encounters.
public struct ContinuityEncounter: Sendable, Hashable, Codable {
    public var day: LocalDate
    public var staffId: StaffID
    public var group: ProfessionGroup
    /// Where it took place, for `ContinuityScope`; nil when the reader did not ask.
    public var unitId: UnitID?

    public init(day: LocalDate, staffId: StaffID, group: ProfessionGroup, unitId: UnitID? = nil) {
        self.day = day
        self.staffId = staffId
        self.group = group
        self.unitId = unitId
    }
}

/// How many of the window's encounters one provider had.
public struct ProviderCount: Sendable, Hashable, Codable {
    public var staffId: StaffID
    public var count: Int

    public init(staffId: StaffID, count: Int) {
        self.staffId = staffId
        self.count = count
    }
}

/// Continuity of care for one patient, one window and one profession group.
///
/// Every ratio is nil when there are fewer than two encounters: with N = 0 or 1 the
/// indices are undefined or trivially 1, and showing 0 or 1 would read as a finding
/// ("no continuity" / "perfect continuity") where there is none. The UI shows "n/a".
public struct ContinuityMeasures: Sendable, Hashable, Codable {
    /// N: encounters in the window.
    public var encounters: Int
    /// M: distinct providers in the window.
    public var providers: Int
    /// Usual provider of care: max n_i / N.
    public var upc: Double?
    /// Bice–Boxerman continuity of care: (Σ n_i² − N) / (N (N − 1)).
    public var coc: Double?
    /// Sequential continuity: consecutive same-provider pairs / (N − 1).
    public var secon: Double?
    /// Modified modified continuity index: (1 − M/(N + 0.1)) / (1 − 1/(N + 0.1)).
    public var mmci: Double?
    /// Share of encounters with a provider the patient had already met.
    public var knownProvider: Double?
    /// Share of encounters with a named care contact or named GP. Also nil when the
    /// patient has no named contact, so "no named contact" is not shown as 0 %.
    public var namedContactShare: Double?
    /// Encounters per provider, most first (ties by staff id, so output is stable).
    public var perProvider: [ProviderCount]

    public init(encounters: Int, providers: Int, upc: Double?, coc: Double?, secon: Double?,
                mmci: Double?, knownProvider: Double?, namedContactShare: Double?, perProvider: [ProviderCount]) {
        self.encounters = encounters
        self.providers = providers
        self.upc = upc
        self.coc = coc
        self.secon = secon
        self.mmci = mmci
        self.knownProvider = knownProvider
        self.namedContactShare = namedContactShare
        self.perProvider = perProvider
    }

    /// No encounters: what a patient with an empty window gets.
    public static let empty = ContinuityMeasures(encounters: 0, providers: 0, upc: nil, coc: nil, secon: nil,
                                                 mmci: nil, knownProvider: nil, namedContactShare: nil,
                                                 perProvider: [])
}

/// The three views Primärvårdskvalitet asks for: doctors alone, nurses alone, all staff.
public struct ContinuityReport: Sendable, Hashable, Codable {
    public var window: ClosedRange<LocalDate>
    public var doctors: ContinuityMeasures
    public var nurses: ContinuityMeasures
    public var all: ContinuityMeasures

    public init(window: ClosedRange<LocalDate>, doctors: ContinuityMeasures, nurses: ContinuityMeasures,
                all: ContinuityMeasures) {
        self.window = window
        self.doctors = doctors
        self.nurses = nurses
        self.all = all
    }
}
