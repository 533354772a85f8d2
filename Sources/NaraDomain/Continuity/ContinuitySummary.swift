/// Continuity over a group of patients (a unit's listed patients, a staff member's
/// named-contact patients), for one profession group: how many patients could be
/// measured, how many could not, and the spread of COC and UPC among those measured.
///
/// A patient is measured when they had at least `minimumEncounters` encounters in the
/// window (never fewer than two: below that the indices are undefined, see
/// `ContinuityMeasures`). Everyone else in the group, including patients with no
/// encounter at all, counts as "too few encounters" and stays out of the mean, so a
/// unit with many unseen patients does not look worse or better than it is.
public struct ContinuitySummary: Sendable, Hashable, Codable {
    /// Patients with enough encounters to be measured.
    public var measuredPatients: Int
    /// Patients in the group with fewer encounters than the minimum (0 included).
    public var tooFewEncounters: Int
    /// Nil when no patient was measured.
    public var coc: ContinuityDistribution?
    public var upc: ContinuityDistribution?

    public init(measuredPatients: Int, tooFewEncounters: Int, coc: ContinuityDistribution?,
                upc: ContinuityDistribution?) {
        self.measuredPatients = measuredPatients
        self.tooFewEncounters = tooFewEncounters
        self.coc = coc
        self.upc = upc
    }
}

/// Mean and quartiles of one index over the measured patients. Quartiles rather than
/// fixed buckets because they need no thresholds to agree on and compare directly
/// between units of different size.
public struct ContinuityDistribution: Sendable, Hashable, Codable {
    public var mean: Double
    public var lowerQuartile: Double
    public var median: Double
    public var upperQuartile: Double

    public init(mean: Double, lowerQuartile: Double, median: Double, upperQuartile: Double) {
        self.mean = mean
        self.lowerQuartile = lowerQuartile
        self.median = median
        self.upperQuartile = upperQuartile
    }

    /// Nil for no values. Quartiles interpolate linearly between the closest ranks
    /// (R's type 7, numpy's and Excel's PERCENTILE.INC default), so a figure can be
    /// checked in a spreadsheet from the same values.
    public init?(_ values: [Double]) {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        func quantile(_ p: Double) -> Double {
            let h = Double(sorted.count - 1) * p
            let lower = Int(h.rounded(.down))
            guard lower + 1 < sorted.count else { return sorted[lower] }
            return sorted[lower] + (h - Double(lower)) * (sorted[lower + 1] - sorted[lower])
        }
        self.init(mean: sorted.reduce(0, +) / Double(sorted.count), lowerQuartile: quantile(0.25),
                  median: quantile(0.5), upperQuartile: quantile(0.75))
    }
}

/// Collects the measured patients of one group; the group's size comes at the end,
/// because patients without encounters are never seen one by one.
public struct ContinuityTally: Sendable {
    public let minimumEncounters: Int
    private var coc: [Double] = []
    private var upc: [Double] = []

    /// - Parameter minimumEncounters: raised to 2 when lower.
    public init(minimumEncounters: Int) {
        self.minimumEncounters = max(2, minimumEncounters)
    }

    /// Adds one patient's measures; a patient below the minimum is left for "too few".
    public mutating func add(_ measures: ContinuityMeasures) {
        guard measures.encounters >= minimumEncounters, let c = measures.coc, let u = measures.upc else { return }
        coc.append(c)
        upc.append(u)
    }

    /// - Parameter patients: everyone in the group, measured or not.
    public func summary(patients: Int) -> ContinuitySummary {
        ContinuitySummary(measuredPatients: coc.count, tooFewEncounters: max(0, patients - coc.count),
                          coc: ContinuityDistribution(coc), upc: ContinuityDistribution(upc))
    }
}

/// The three views Primärvårdskvalitet asks for, as summaries over a group of patients.
public struct ContinuitySummaryByProfession: Sendable, Hashable, Codable {
    public var doctors: ContinuitySummary
    public var nurses: ContinuitySummary
    public var all: ContinuitySummary

    public init(doctors: ContinuitySummary, nurses: ContinuitySummary, all: ContinuitySummary) {
        self.doctors = doctors
        self.nurses = nurses
        self.all = all
    }
}

/// One tally per profession group, fed one patient's encounters at a time.
public struct ContinuityTallyByProfession: Sendable {
    public private(set) var doctors: ContinuityTally
    public private(set) var nurses: ContinuityTally
    public private(set) var all: ContinuityTally

    public init(minimumEncounters: Int) {
        doctors = ContinuityTally(minimumEncounters: minimumEncounters)
        nurses = doctors
        all = doctors
    }

    /// Adds one patient. Groups with fewer encounters than the minimum are not measured
    /// at all: they could not count, and most patients in a region fall below it.
    /// - Parameter encounters: the patient's encounters inside `window`, in time order.
    public mutating func add(_ encounters: [ContinuityEncounter], window: ClosedRange<LocalDate>) {
        let minimum = all.minimumEncounters
        guard encounters.count >= minimum else { return }
        var doctorCount = 0, nurseCount = 0
        for e in encounters {
            if e.group == .doctors { doctorCount += 1 } else if e.group == .nurses { nurseCount += 1 }
        }
        if doctorCount >= minimum {
            doctors.add(Continuity.measures(encounters: encounters, window: window, group: .doctors, named: []))
        }
        if nurseCount >= minimum {
            nurses.add(Continuity.measures(encounters: encounters, window: window, group: .nurses, named: []))
        }
        all.add(Continuity.measures(encounters: encounters, window: window, group: nil, named: []))
    }

    public func summary(patients: Int) -> ContinuitySummaryByProfession {
        ContinuitySummaryByProfession(doctors: doctors.summary(patients: patients),
                                      nurses: nurses.summary(patients: patients), all: all.summary(patients: patients))
    }
}
