import NaraDomain

/// A diagnosis with its prevalence per age band (0–19, 20–44, 45–64, 65–79, 80+),
/// roughly as Swedish primary care registers it.
struct DemoCondition {
    let code: String
    let text: String
    let prevalence: [Double]
    /// Multiplies prevalence for women; men get 2 − factor.
    let femaleFactor: Double
    let checkUp: String
    let contactReason: String
    let specialty: DemoRegion.Specialty
}

enum DemoConditions {
    static let chronic: [DemoCondition] = [
        .init(code: "I10", text: "Hypertoni", prevalence: [0, 0.03, 0.18, 0.40, 0.55], femaleFactor: 1,
              checkUp: "Blodtryckskontroll", contactReason: "Uppföljning av blodtryck", specialty: .medicine),
        .init(code: "E11.9", text: "Typ 2-diabetes", prevalence: [0.001, 0.01, 0.07, 0.14, 0.16], femaleFactor: 0.8,
              checkUp: "Diabeteskontroll", contactReason: "Diabetesuppföljning", specialty: .medicine),
        .init(code: "J44.9", text: "KOL", prevalence: [0, 0.002, 0.03, 0.07, 0.09], femaleFactor: 1,
              checkUp: "KOL-uppföljning", contactReason: "KOL, samordning av uppföljning", specialty: .medicine),
        .init(code: "J45.9", text: "Astma", prevalence: [0.08, 0.07, 0.06, 0.06, 0.05], femaleFactor: 1.1,
              checkUp: "Astmakontroll", contactReason: "Astmauppföljning", specialty: .medicine),
        .init(code: "I50.9", text: "Hjärtsvikt", prevalence: [0, 0.001, 0.01, 0.05, 0.15], femaleFactor: 0.8,
              checkUp: "Hjärtsviktskontroll", contactReason: "Samordning av hjärtsviktsvård", specialty: .cardiology),
        .init(code: "I48.9", text: "Förmaksflimmer", prevalence: [0, 0.002, 0.02, 0.09, 0.17], femaleFactor: 0.8,
              checkUp: "Kontroll av förmaksflimmer", contactReason: "Uppföljning av förmaksflimmer",
              specialty: .cardiology),
        .init(code: "I25.9", text: "Kronisk ischemisk hjärtsjukdom", prevalence: [0, 0.001, 0.03, 0.09, 0.15],
              femaleFactor: 0.6, checkUp: "Kontroll efter kranskärlssjukdom",
              contactReason: "Sekundärprevention, hjärta", specialty: .cardiology),
        .init(code: "F32.9", text: "Depression", prevalence: [0.02, 0.07, 0.06, 0.05, 0.06], femaleFactor: 1.4,
              checkUp: "Uppföljning av depression", contactReason: "Psykisk ohälsa, stödkontakt",
              specialty: .psychiatry),
        .init(code: "F41.1", text: "Generaliserat ångestsyndrom", prevalence: [0.03, 0.09, 0.06, 0.04, 0.04],
              femaleFactor: 1.4, checkUp: "Samtal, ångest", contactReason: "Psykisk ohälsa, stödkontakt",
              specialty: .psychiatry),
        .init(code: "E03.9", text: "Hypotyreos", prevalence: [0.002, 0.02, 0.05, 0.08, 0.09], femaleFactor: 1.7,
              checkUp: "Provtagning, sköldkörtel", contactReason: "Uppföljning av hypotyreos", specialty: .medicine),
        .init(code: "M17.9", text: "Knäartros", prevalence: [0, 0.005, 0.06, 0.14, 0.20], femaleFactor: 1.2,
              checkUp: "Artrosskola", contactReason: "Artros, rehabilitering", specialty: .orthopaedics),
        .init(code: "F03", text: "Demens", prevalence: [0, 0, 0.002, 0.03, 0.15], femaleFactor: 1.2,
              checkUp: "Demensuppföljning", contactReason: "Demenssjukdom, samordning med kommunen",
              specialty: .geriatrics),
        .init(code: "N18.3", text: "Kronisk njursjukdom", prevalence: [0, 0.003, 0.02, 0.07, 0.18], femaleFactor: 1,
              checkUp: "Njurfunktionskontroll", contactReason: "Uppföljning av njurfunktion", specialty: .medicine),
        .init(code: "M81.9", text: "Osteoporos", prevalence: [0, 0.001, 0.02, 0.08, 0.15], femaleFactor: 1.5,
              checkUp: "Osteoporosuppföljning", contactReason: "Fallprevention och osteoporos",
              specialty: .orthopaedics),
        .init(code: "I69.4", text: "Följdtillstånd efter stroke", prevalence: [0, 0.001, 0.005, 0.03, 0.06],
              femaleFactor: 0.9, checkUp: "Uppföljning efter stroke", contactReason: "Rehabilitering efter stroke",
              specialty: .geriatrics),
        .init(code: "G20", text: "Parkinsons sjukdom", prevalence: [0, 0, 0.002, 0.008, 0.015], femaleFactor: 0.7,
              checkUp: "Parkinsonuppföljning", contactReason: "Samordning vid Parkinsons sjukdom",
              specialty: .geriatrics),
    ]

    static let acute: [(code: String, text: String, specialty: DemoRegion.Specialty)] = [
        ("J06.9", "Övre luftvägsinfektion", .ent), ("M54.5", "Ryggvärk", .orthopaedics), ("L30.9", "Eksem", .dermatology),
    ]
    static let heartFailure = 4
    static let dementia = 11
}

extension DemoBuilder {
    /// Chronic and recent problems. A per-patient frailty factor correlates diagnoses,
    /// so multimorbidity gathers in some old people instead of spreading thinly.
    mutating func writeProblems(_ p: inout DemoPerson, rng: inout DemoRandom) throws {
        p.frailty = 0.4 + 1.2 * rng.unit() * (p.band >= 3 ? 1.3 : 1)
        p.chronic.removeAll(keepingCapacity: true)
        for (index, c) in DemoConditions.chronic.enumerated() {
            let sexFactor = p.male ? 2 - c.femaleFactor : c.femaleFactor
            if rng.chance(c.prevalence[p.band] * p.frailty * sexFactor) { p.chronic.append(index) }
        }
        for index in p.chronic {
            let c = DemoConditions.chronic[index]
            let earliest = max(p.birthDay + 365, days.today - 20 * 365)
            let since = earliest >= days.today - 30 ? days.today - 30 : rng.int(earliest, days.today - 30)
            try writer.insertProblem(patient: p.id, code: c.code, text: c.text, chronic: true,
                                     since: days.iso(max(since, p.birthDay)))
        }
        if rng.chance(0.08) {
            let a = rng.pick(DemoConditions.acute)
            let since = max(p.firstDay, days.today - rng.int(3, 400))
            try writer.insertProblem(patient: p.id, code: a.code, text: a.text, chronic: false, since: days.iso(since))
        }
    }

    /// The current listing, and for a few patients the one before it.
    mutating func writeListings(_ p: inout DemoPerson, rng: inout DemoRandom) throws {
        let historyDays = days.today - days.historyStart
        p.priorClinic = nil
        if rng.chance(0.03) && p.age >= 1 {
            let from = max(p.birthDay + 1, days.today - rng.int(30, historyDays + 700))
            let priorFrom = max(p.birthDay, from - rng.int(200, 3650))
            if priorFrom < from {
                let other = region.clinics.count > 1
                    ? (p.clinic + 1 + rng.below(region.clinics.count - 1)) % region.clinics.count : p.clinic
                p.priorClinic = other
                p.listedFrom = from
                try writer.insertListing(patient: p.id, unit: unitID(region.clinics[other]),
                                         from: days.iso(priorFrom), to: days.iso(from))
            }
        }
        if p.priorClinic == nil {
            p.listedFrom = max(p.birthDay, days.today - rng.int(historyDays, 25 * 365))
        }
        try writer.insertListing(patient: p.id, unit: unitID(region.clinics[p.clinic]),
                                 from: days.iso(p.listedFrom), to: nil)
    }

    /// Named care contacts and named GPs. Most frail old people have a contact, fewer
    /// of the rest; a few contacts still name a nurse who has left the unit.
    mutating func writeContacts(_ p: DemoPerson, rng: inout DemoRandom) throws {
        let unit = region.clinics[p.clinic]
        let team = region.teams[unit]
        let share: Double
        if p.age >= 75 && !p.chronic.isEmpty { share = 0.75 }
        else if p.age >= 65 && p.chronic.count >= 2 { share = 0.4 }
        else if !p.chronic.isEmpty { share = 0.15 }
        else { share = 0.02 }
        let earliest = max(p.listedFrom, p.birthDay)
        if rng.chance(share) {
            var staff = rng.chance(0.8) ? team.nurses[p.usualNurse] : team.physicians[p.usualPhysician]
            if rng.chance(0.03) { staff = rng.pick(team.departed) }
            let reason = p.chronic.count >= 3 ? "Samordning vid multisjuklighet"
                : p.chronic.isEmpty ? "Samordning av vård och uppföljning"
                : DemoConditions.chronic[p.chronic[p.chronic.count - 1]].contactReason
            let from = max(earliest, days.today - rng.int(14, 6 * 365))
            if rng.chance(0.15) && from - earliest > 60 {
                let oldFrom = rng.int(earliest, from - 30)
                let oldStaff = rng.pick(team.departed + team.nurses)
                let why = region.staff[oldStaff].active ? "Byte av kontaktsjuksköterska på patientens begäran"
                    : "Sjuksköterskan har slutat på enheten"
                try writer.insertContact(patient: p.id, role: "care_contact", staff: region.staff[oldStaff].id,
                                         unit: unitID(unit), reason: reason, from: days.iso(oldFrom),
                                         to: days.iso(from), endReason: why, version: 2,
                                         updatedAt: days.clinicTime(day: from, rng: &rng), updatedBy: staffID(staff))
            }
            try writer.insertContact(patient: p.id, role: "care_contact", staff: staffID(staff), unit: unitID(unit),
                                     reason: reason, from: days.iso(from), to: nil, endReason: nil, version: 1,
                                     updatedAt: days.clinicTime(day: from, rng: &rng), updatedBy: staffID(staff))
        }
        if rng.chance(0.5) {
            let doctor = team.physicians[p.usualPhysician]
            let from = max(earliest, days.today - rng.int(7, 4 * 365))
            try writer.insertContact(patient: p.id, role: "named_physician", staff: staffID(doctor),
                                     unit: unitID(unit), reason: "Fast läkarkontakt", from: days.iso(from), to: nil,
                                     endReason: nil, version: 1, updatedAt: days.clinicTime(day: from, rng: &rng),
                                     updatedBy: staffID(doctor))
        }
    }
}
