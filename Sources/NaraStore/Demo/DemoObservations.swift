import NaraDomain

extension DemoConditions {
    static let hypertension = 0
    static let diabetes = 1
    static let kidneyDisease = 12
}

extension DemoBuilder {
    /// Measurement series for the chronically ill, as a vårdcentral's nurse takes them:
    /// HbA1c twice a year for diabetes, blood pressure twice a year for hypertension,
    /// diabetes, heart failure and kidney disease, weight and BMI yearly (quarterly in
    /// heart failure), eGFR twice a year in kidney disease, smoking status once. From a
    /// random stream of their own, so the rest of the demo is the same with or without them.
    mutating func writeObservations(_ p: DemoPerson, index i: Int) throws {
        let has = { (c: Int) in p.chronic.contains(c) }
        let diabetes = has(DemoConditions.diabetes), failure = has(DemoConditions.heartFailure)
        let kidney = has(DemoConditions.kidneyDisease)
        guard diabetes || failure || kidney || has(DemoConditions.hypertension) else { return }
        var rng = DemoRandom(seed: options.seed ^ 0x0B5E_4A71_0B5E_4A71, stream: UInt64(i))
        let start = max(p.listedFrom, p.firstDay)
        guard start < days.today - 30 else { return }
        let unit = region.clinics[p.clinic]
        let team = region.teams[unit]
        let nurse = staffID(team.nurses[min(p.usualNurse, team.nurses.count - 1)])
        func write(_ kind: ObservationKind, day: Int, _ value: Double?, _ value2: Double? = nil,
                   smoking: SmokingStatus? = nil) throws {
            try writer.insertObservation(patient: p.id, kind: kind.rawValue, value: value, value2: value2,
                                         smoking: smoking?.rawValue, at: days.clinicTime(day: day, rng: &rng),
                                         unit: unitID(unit), staff: nurse)
        }
        /// Days from `start` to yesterday, every `interval` days give or take a few weeks.
        func visits(every interval: Int) -> [Int] {
            var out: [Int] = []
            var day = start + rng.below(interval)
            while day < days.today {
                out.append(day)
                day += interval - 21 + rng.below(43)
            }
            return out
        }
        let smoking: SmokingStatus = [.current, .former, .never][rng.weighted([0.15, 0.35, 0.5])]
        try write(.smoking, day: start + rng.below(60), nil, smoking: smoking)
        if diabetes {
            var hba1c = 48 + Double(rng.below(30))
            for day in visits(every: 182) {
                hba1c = min(110, max(38, hba1c + (52 - hba1c) * 0.15 + Double(rng.int(-5, 5))))
                try write(.hba1c, day: day, hba1c.rounded())
            }
        }
        var systolic = 135 + Double(rng.below(30))
        for day in visits(every: 182) {
            systolic = min(190, max(110, systolic + (138 - systolic) * 0.2 + Double(rng.int(-8, 8))))
            let diastolic = (systolic * 0.55 + Double(rng.int(-4, 8))).rounded()
            try write(.bloodPressure, day: day, systolic.rounded(), diastolic)
        }
        let height = (p.male ? 1.70 : 1.58) + 0.15 * rng.unit()
        var weight = (23 + 10 * rng.unit()) * height * height
        for day in visits(every: failure ? 91 : 365) {
            weight = max(40, weight + Double(rng.int(-20, 20)) / 10)
            try write(.bodyWeight, day: day, (weight * 10).rounded() / 10)
            try write(.bmi, day: day, (weight / (height * height) * 10).rounded() / 10)
        }
        if kidney {
            var egfr = 35 + Double(rng.below(25))
            for day in visits(every: 182) {
                egfr = max(10, egfr - Double(rng.int(0, 3)))
                try write(.egfr, day: day, egfr)
            }
        }
    }
}
