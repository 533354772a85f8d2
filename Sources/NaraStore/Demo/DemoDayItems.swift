import NaraDomain

extension DemoBuilder {
    /// What fills a nurse's Min dag besides care requests: follow-ups planned by the
    /// patient's nurse over the next two weeks, tasks between the vårdcentral's physician
    /// and nurse, and tasks to the municipality's home care, some answered. From a random
    /// stream of their own, so the rest of the demo is the same with or without them.
    mutating func writeDayItems(_ p: DemoPerson, index i: Int) throws {
        var rng = DemoRandom(seed: options.seed ^ 0x5441_534B_4441_5953, stream: UInt64(i))
        guard p.listedFrom < days.today - 30 else { return }
        let unit = region.clinics[p.clinic]
        let team = region.teams[unit]
        let nurse = staffID(team.nurses[min(p.usualNurse, team.nurses.count - 1)])
        let physician = staffID(team.physicians[min(p.usualPhysician, team.physicians.count - 1)])
        let clinic = unitID(unit)
        let morning = days.seconds(day: days.today, minute: 7 * 60 + rng.below(90))
        if !p.chronic.isEmpty && rng.chance(0.05) {
            try writer.insertPlannedContact(patient: p.id, unit: clinic, staff: nurse,
                                            on: days.iso(days.today + rng.below(15)),
                                            note: rng.pick(DemoDayTexts.followUps), at: morning - 86_400 * Int64(1 + rng.below(20)))
        }
        if rng.chance(0.006) {
            // The physician asks the nurse, or the unit, to act on something.
            let toUnit = rng.chance(0.3)
            try writer.insertTask(patient: p.id, unit: clinic, by: physician, at: morning - Int64(rng.below(3)) * 86_400,
                                  text: rng.pick(DemoDayTexts.toNurse), toStaff: toUnit ? nil : nurse,
                                  toUnit: toUnit ? clinic : nil,
                                  due: rng.chance(0.5) ? days.iso(days.today + rng.below(4)) : nil,
                                  priority: rng.chance(0.15) ? "urgent" : "normal", reply: nil, doneAt: nil, doneBy: nil)
        }
        let homeCare = region.homeCareOf[p.clinic]
        if p.band >= 3, rng.chance(0.01), let helper = region.teams[homeCare].nurses.first {
            // The nurse asks the home care for something; half are answered already.
            let answered = rng.chance(0.5)
            let at = morning - 86_400 * Int64(1 + rng.below(6))
            try writer.insertTask(patient: p.id, unit: clinic, by: nurse, at: at, text: rng.pick(DemoDayTexts.toHomeCare),
                                  toStaff: nil, toUnit: unitID(homeCare), due: days.iso(days.today + rng.below(5)),
                                  priority: "normal", reply: answered ? rng.pick(DemoDayTexts.replies) : nil,
                                  doneAt: answered ? at + 86_400 + Int64(rng.below(20_000)) : nil,
                                  doneBy: answered ? staffID(helper) : nil)
        }
    }
}

enum DemoDayTexts {
    static let followUps = [
        "Telefonuppföljning blodtryck", "Sårkontroll", "Uppföljning efter utskrivning", "Provsvar HbA1c",
        "Viktkontroll hjärtsvikt", "Uppföljning av ny medicin", "Samtal om egenvårdsplan",
    ]
    static let toNurse = [
        "Ring patienten om provsvaret", "Boka nytt blodtryck om två veckor", "Förnya egenvårdsplanen",
        "Ta nytt kalium efter dosändring", "Kontakta hemsjukvården om såret", "Boka årskontroll",
    ]
    static let toHomeCare = [
        "Kontrollera blodtryck morgon och kväll i en vecka", "Väg patienten tre dagar i rad",
        "Se över dosetten efter läkemedelsändring", "Titta på såret på vänster underben",
    ]
    static let replies = [
        "Gjort, värdena är inlagda", "Patienten var inte hemma, nytt försök i morgon",
        "Klart, inget anmärkningsvärt", "Dosetten ändrad, anhöriga informerade",
    ]
}
