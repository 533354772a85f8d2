import NaraDomain

extension DemoBuilder {
    /// Care requests (vårdbegäran) at the patient's clinic over the last four months and a
    /// few this morning, so the guarantee report and the callback list have something to
    /// show: most are contacted the same day and assessed within three days, some late,
    /// this morning's still open. From a random stream of their own, so the rest of the
    /// demo is the same with or without them.
    mutating func writeCareRequests(_ p: DemoPerson, index i: Int) throws {
        var rng = DemoRandom(seed: options.seed ^ 0x7A4D_BE6A_7A4D_BE6A, stream: UInt64(i))
        guard p.listedFrom < days.today - 120 else { return }
        let unit = region.clinics[p.clinic]
        let team = region.teams[unit]
        let nurse = staffID(team.nurses[min(p.usualNurse, team.nurses.count - 1)])
        let physician = staffID(team.physicians[min(p.usualPhysician, team.physicians.count - 1)])
        var requests = rng.chance(0.12) ? [days.today - 1 - rng.below(120)] : []
        if rng.chance(0.03) { requests.append(days.today - 1 - rng.below(120)) }
        if rng.chance(0.01) { requests.append(days.today) }
        for day in requests {
            let channel = ["phone", "visit", "digital"][rng.weighted([0.7, 0.15, 0.15])]
            let minute = day == days.today ? 7 * 60 + rng.below(60) : 8 * 60 + rng.below(8 * 60)
            let slot: (Int, Int)? = channel == "phone" && rng.chance(0.6)
                ? [(480, 600), (600, 720), (780, 900)][rng.below(3)] : nil
            var contacted: Int64?, assessed: Int64?, assessor = nurse
            if day < days.today {
                let contactDay = rng.chance(0.94) ? day : day + 1
                contacted = days.seconds(day: contactDay, minute: min(minute + 15 + rng.below(180), 23 * 60))
                let assessDay = day + (rng.chance(0.88) ? rng.below(4) : 4 + rng.below(4))
                if assessDay < days.today {
                    assessed = days.seconds(day: assessDay, minute: min(minute + 60 + rng.below(240), 23 * 60 + 30))
                    if rng.chance(0.4) { assessor = physician }
                    contacted = min(contacted!, assessed!)
                }
            }
            try writer.insertCareRequest(
                patient: p.id, unit: unitID(unit), channel: channel, problem: rng.chance(0.7) ? "new" : "worse",
                reason: DemoCareRequestReasons.all[rng.below(DemoCareRequestReasons.all.count)],
                at: days.seconds(day: day, minute: minute), on: days.iso(day), by: nurse,
                callback: slot, contactedAt: contacted, contactedBy: contacted == nil ? nil : nurse,
                assessedAt: assessed, assessedBy: assessed == nil ? nil : assessor)
        }
    }
}

enum DemoCareRequestReasons {
    static let all = [
        "Feber och hosta sedan tre dagar", "Ont i ryggen efter lyft", "Yrsel vid uppresning",
        "Sveda vid vattenkastning", "Utslag på armarna", "Ökad andfåddhet", "Svullna ben",
        "Huvudvärk som inte går över", "Magsmärtor och illamående", "Nedstämdhet och sömnsvårigheter",
        "Sår som inte läker", "Högt blodtryck vid egen mätning", "Ont i örat", "Hjärtklappning",
    ]
}
