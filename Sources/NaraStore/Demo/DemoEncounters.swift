import NaraDomain

enum DemoReasons {
    static let physician = ["Förkylning", "Feber", "Hosta", "Ryggont", "Yrsel", "Bröstsmärta", "Buksmärta",
                            "Urinvägsbesvär", "Huvudvärk", "Hudutslag", "Ont i halsen", "Trötthet", "Sömnbesvär",
                            "Ledvärk", "Sjukskrivning", "Hälsokontroll", "Öronvärk", "Andfåddhet"]
    static let nurse = ["Rådgivning", "Receptförnyelse", "Provsvar", "Såromläggning", "Vaccination", "Öronspolning",
                        "Blodtryckskontroll", "Rådgivning, infektion", "Suturtagning", "Provtagning",
                        "Läkemedelsgenomgång", "Inhalationsteknik"]
    static let physio = ["Ryggbesvär", "Knäbesvär", "Axelbesvär", "Fallprevention", "Nackbesvär"]
    static let talk = ["Stödsamtal", "Bedömningssamtal", "Samtal, stress", "Samtal, sömn"]
    static let assistant = ["Provtagning", "Blodtryckskontroll", "EKG", "Spirometri", "Såromläggning"]
    static let coordinator = ["Samordning med kommunen", "Vårdplanering"]
    static let modes = ["visit", "phone", "video", "chat"]
    static let modeWeights = [0.55, 0.30, 0.07, 0.08]
}

extension DemoBuilder {
    /// Encounters over the history: 3–4 a year on average, more for the old and the
    /// chronically ill, none at all for some healthy people.
    mutating func writeEncounters(_ p: DemoPerson, rng: inout DemoRandom) throws {
        let base = [1.7, 1.9, 2.6, 4.0, 5.5][p.band]
        var rate = base * (1 + 0.3 * Double(p.chronic.count))
        if p.chronic.isEmpty && rng.chance(0.12) { rate = 0 } else { rate *= 0.3 + 1.4 * rng.unit() }
        let span = days.today - p.firstDay
        guard span > 0, rate > 0 else { return }
        let count = rng.poisson(rate * Double(span) / 365)
        for _ in 0..<count {
            try writeEncounter(p, day: p.firstDay + rng.below(span), group: nil, rng: &rng)
        }
    }

    /// One encounter. `group` forces a profession: 0 doctor, 1 nurse, 2 others.
    mutating func writeEncounter(_ p: DemoPerson, day: Int, group forced: Int?, mode forcedMode: String? = nil,
                                 reason forcedReason: String? = nil, rng: inout DemoRandom) throws {
        let atPrior = day < p.listedFrom && p.priorClinic != nil
        let unit = region.clinics[atPrior ? p.priorClinic! : p.clinic]
        let team = region.teams[unit]
        var group = forced ?? rng.weighted([0.42, 0.43, 0.15])
        var staff: Int
        let departedOK = day < days.today - 180 && !team.departed.isEmpty
        if group == 2 {
            staff = rng.pick(team.others)
            if region.staff[staff].profession == .secretary { group = 1 }
        } else { staff = 0 }
        if group < 2 {
            let list = group == 0 ? team.physicians : team.nurses
            if !atPrior && rng.chance(p.continuity) {
                staff = list[group == 0 ? p.usualPhysician : p.usualNurse]
            } else if departedOK && rng.chance(0.08) {
                staff = team.departed[group == 0 ? 0 : team.departed.count - 1]
            } else {
                staff = rng.pick(list)
            }
        }
        let planned = rng.chance(p.chronic.isEmpty ? 0.3 : 0.6)
        let reason: String
        if let forcedReason {
            reason = forcedReason
        } else if group < 2 && planned && !p.chronic.isEmpty {
            reason = DemoConditions.chronic[p.chronic[rng.below(p.chronic.count)]].checkUp
        } else {
            switch region.staff[staff].profession {
            case .physician: reason = rng.pick(DemoReasons.physician)
            case .nurse, .districtNurse: reason = rng.pick(DemoReasons.nurse)
            case .physiotherapist: reason = rng.pick(DemoReasons.physio)
            case .psychologist, .counsellor: reason = rng.pick(DemoReasons.talk)
            case .coordinator: reason = rng.pick(DemoReasons.coordinator)
            default: reason = rng.pick(DemoReasons.assistant)
            }
        }
        let mode: String
        if let forcedMode { mode = forcedMode }
        else if p.isFrailElderly && group < 2 && rng.chance(0.25) { mode = "home_visit" }
        else { mode = DemoReasons.modes[rng.weighted(DemoReasons.modeWeights)] }
        try writer.insertEncounter(patient: p.id, at: days.clinicTime(day: day, rng: &rng), mode: mode,
                                   planned: planned, staff: staffID(staff), unit: unitID(unit), reason: reason)
    }

    /// Hospital stays of older patients, each usually followed by a call from the
    /// vårdcentral. A few end in the last week, some of them not yet followed up, so
    /// the discharge work list has something to show.
    mutating func writeDischarges(_ p: DemoPerson, rng: inout DemoRandom) throws {
        guard p.band >= 3 else { return }
        let perYear = (p.band == 4 ? 0.16 : 0.05) * (1 + 0.4 * Double(p.chronic.count)) * p.frailty
        let span = days.today - p.firstDay
        guard span > 20 else { return }
        var stays = rng.poisson(perYear * Double(span) / 365)
        let recent = p.age >= 75 && p.chronic.count >= 2 && rng.chance(0.015)
        if recent { stays += 1 }
        for stay in 0..<stays {
            let isRecent = recent && stay == stays - 1
            let discharged = isRecent ? days.today - rng.int(0, 6) : p.firstDay + 14 + rng.below(span - 14)
            let admitted = discharged - rng.int(1, 12)
            let ward: Int
            if p.chronic.contains(DemoConditions.heartFailure) { ward = region.wards[1] }
            else if p.band == 4 { ward = region.wards[rng.chance(0.5) ? 2 : 0] }
            else { ward = rng.pick(region.wards) }
            try writer.insertDischarge(patient: p.id, unit: unitID(ward), admitted: days.iso(admitted),
                                       discharged: days.iso(discharged))
            let followUpDay = discharged + rng.int(1, 4)
            if followUpDay < days.today && rng.chance(isRecent ? 0.4 : 0.7) {
                try writeEncounter(p, day: followUpDay, group: 1, mode: "phone",
                                   reason: "Uppföljning efter utskrivning", rng: &rng)
            }
        }
    }
}
