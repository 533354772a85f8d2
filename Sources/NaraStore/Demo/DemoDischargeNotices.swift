extension DemoBuilder {
    /// Hospital stays going on today, as the ward's notices tell the vårdcentral (lag
    /// 2017:612): older patients with chronic illness, admitted in the last ten days,
    /// most with an expected discharge day, about half already reported ready for
    /// discharge. From a random stream of their own, so the rest of the demo is the same
    /// with or without them; the care contacts and plans drawn elsewhere decide which of
    /// them land on the lists `admissions` and `ready-for-discharge`.
    mutating func writeDischargeNotices(_ p: DemoPerson, index i: Int) throws {
        guard p.band >= 3, !p.chronic.isEmpty else { return }
        var rng = DemoRandom(seed: options.seed ^ 0x5D15_C4A2_6E00_2017, stream: UInt64(i))
        guard rng.chance((p.band == 4 ? 0.01 : 0.003) * Double(p.chronic.count) * p.frailty) else { return }
        let admitted = days.today - rng.int(0, 9)
        guard admitted > max(p.listedFrom, p.firstDay) else { return }
        let expected: Int? = rng.chance(0.8) ? admitted + rng.int(3, 12) : nil
        let inHospital = days.today - admitted
        let ready: Int? = inHospital >= 1 && rng.chance(0.5) ? admitted + rng.int(1, inHospital) : nil
        let ward = p.chronic.contains(DemoConditions.heartFailure) ? region.wards[1] : rng.pick(region.wards)
        let unit = region.clinics[p.clinic]
        let team = region.teams[unit]
        try writer.insertDischargeNotice(patient: p.id, ward: unitID(ward), unit: unitID(unit),
                                         admitted: days.iso(admitted), expected: expected.map(days.iso),
                                         ready: ready.map(days.iso),
                                         recordedBy: staffID(team.nurses[min(p.usualNurse, team.nurses.count - 1)]))
    }
}
