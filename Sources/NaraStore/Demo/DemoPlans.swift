import NaraDomain

enum DemoPlanTexts {
    static let goals = [
        "Kunna bo kvar hemma med trygghet och färre akuta sjukhusbesök.",
        "Klara vardagen med stöd av hemtjänst och hemsjukvård; anhöriga avlastas.",
        "Stabil hjärtsvikt utan inläggning; vikt och ödem följs av hemsjukvården.",
        "Säker läkemedelshantering och regelbunden uppföljning av blodsocker.",
        "Bibehållen gångförmåga och inga nya fall i hemmet.",
        "Trygg vård i livets slutskede i hemmet, enligt patientens önskan.",
    ]
}

extension DemoBuilder {
    /// SIPs for about one in seven old people with two or more chronic diagnoses: the
    /// vårdcentral is responsible, the municipality's home care (and sometimes social
    /// services) take part, and the municipal nurse becomes a named contact there.
    mutating func writePlan(_ p: DemoPerson, rng: inout DemoRandom) throws {
        let eligible = (p.band == 4 && p.chronic.count >= 2 && rng.chance(0.15))
            || (p.band == 3 && p.chronic.contains(DemoConditions.dementia) && rng.chance(0.3))
        guard eligible, p.firstDay < days.today - 60 else { return }
        let home = region.clinics[p.clinic]
        let homeCare = region.homeCareOf[p.clinic]
        let nurse = staffID(region.teams[home].nurses[p.usualNurse])
        let agreed = max(p.firstDay, days.today - rng.int(20, 700))
        let shape = rng.weighted([0.6, 0.3, 0.1])
        var followUp: Int? = nil, closed: Int? = nil
        switch shape {
        case 0: followUp = max(agreed + 60, days.today + rng.int(1, 120))       // up to date
        case 1: followUp = min(days.today - 1, agreed + rng.int(60, 180))       // follow-up due
        default:
            closed = min(days.today - 1, agreed + rng.int(30, 365))
            followUp = closed
        }
        let updatedDay = closed ?? agreed
        planID += 1
        try writer.insertPlan(id: planID, patient: p.id, unit: unitID(home), goal: rng.pick(DemoPlanTexts.goals),
                              agreed: days.iso(agreed), followUp: followUp.map(days.iso), closed: closed.map(days.iso),
                              updatedAt: days.clinicTime(day: updatedDay, rng: &rng), updatedBy: nurse)
        try writer.insertParticipant(plan: planID, unit: unitID(home), role: "Vårdcentral, fast vårdkontakt")
        try writer.insertParticipant(plan: planID, unit: unitID(homeCare), role: "Kommunal hemsjukvård")
        if rng.chance(0.4) {
            try writer.insertParticipant(plan: planID, unit: unitID(region.socialOf[p.clinic]),
                                         role: "Biståndshandläggare")
        }
        if closed == nil {
            let municipalNurse = staffID(rng.pick(region.teams[homeCare].nurses))
            try writer.insertContact(patient: p.id, role: "care_contact", staff: municipalNurse,
                                     unit: unitID(homeCare), reason: "Kommunal hemsjukvård enligt SIP",
                                     from: days.iso(agreed), to: nil, endReason: nil, version: 1,
                                     updatedAt: days.clinicTime(day: agreed, rng: &rng), updatedBy: municipalNurse)
        }
    }
}
