import NaraDomain

struct DemoReferralEvent {
    var at: Int64
    var staff: String
    var unit: String
    var action: String
    var from: String
    var to: String
    var comment: String
    var forwardedTo: String? = nil
}

struct DemoReferralRow {
    var id: Int64, patient: Int64, fromUnit: String, toUnit: String, priority: String, question: String
    var guarantee: String, state: String, createdAt: Int64, createdBy: String
    var sentOn: String?, bookedOn: String?, seenOn: String?, reply: String?
    var version: Int, updatedAt: Int64, updatedBy: String
}

/// A forced ending, so that a small store still shows every state of the lifecycle.
struct DemoShowcase {
    var stopAt: ReferralState
    var daysAgo: Int
    var outcome: Outcome = .accept
    var pause = false
    enum Outcome { case accept, reject, forward, cancel }

    static let all: [DemoShowcase] = [
        .init(stopAt: .draft, daysAgo: 2), .init(stopAt: .sent, daysAgo: 20), .init(stopAt: .received, daysAgo: 6),
        .init(stopAt: .accepted, daysAgo: 110), .init(stopAt: .rejected, daysAgo: 40, outcome: .reject),
        .init(stopAt: .forwarded, daysAgo: 25, outcome: .forward), .init(stopAt: .booked, daysAgo: 100, pause: true),
        .init(stopAt: .seen, daysAgo: 60), .init(stopAt: .answered, daysAgo: 120),
        .init(stopAt: .acknowledged, daysAgo: 200), .init(stopAt: .cancelled, daysAgo: 50, outcome: .cancel),
    ]
}

extension DemoBuilder {
    /// About 0.15 referrals per patient and year, more for the old and the ill.
    mutating func writeReferrals(_ p: DemoPerson, rng: inout DemoRandom) throws {
        let span = days.today - p.firstDay
        guard span > 0 else { return }
        let rate = 0.11 * [0.5, 0.8, 1.1, 1.5, 1.5][p.band] * (1 + 0.4 * Double(p.chronic.count))
        for _ in 0..<rng.poisson(rate * Double(span) / 365) {
            try writeReferral(p, createDay: p.firstDay + rng.below(span), showcase: nil, rng: &rng)
        }
        if showcaseNext < DemoShowcase.all.count, p.clinic == 0, p.age >= 20, p.priorClinic == nil,
           p.firstDay <= days.today - 250 {
            let s = DemoShowcase.all[showcaseNext]
            showcaseNext += 1
            try writeReferral(p, createDay: days.today - s.daysAgo, showcase: s, rng: &rng)
        }
    }

    private func doctor(at unit: Int, rng: inout DemoRandom) -> String {
        let team = region.teams[unit]
        return staffID(team.physicians.isEmpty ? rng.pick(team.nurses) : rng.pick(team.physicians))
    }

    private func clerk(at unit: Int, rng: inout DemoRandom) -> String {
        let team = region.teams[unit]
        return staffID(rng.pick(team.nurses + team.others))
    }

    /// Walks one referral through its lifecycle, step by step, until it reaches today,
    /// its forced ending, or one of the stalls real referrals suffer.
    mutating func writeReferral(_ p: DemoPerson, createDay: Int, showcase: DemoShowcase?,
                                rng: inout DemoRandom) throws {
        let atPrior = createDay < p.listedFrom && p.priorClinic != nil
        let clinicIndex = atPrior ? p.priorClinic! : p.clinic
        let home = region.clinics[clinicIndex]
        let homeID = unitID(home)
        let team = region.teams[home]
        let creator = atPrior ? staffID(rng.pick(team.physicians))
            : rng.chance(0.75) ? staffID(team.physicians[p.usualPhysician]) : staffID(team.nurses[p.usualNurse])
        let toHomeCare = showcase == nil && p.age >= 70 && rng.chance(0.12)
        var specialty = DemoRegion.Specialty(rawValue: rng.below(8))!
        if !p.chronic.isEmpty && rng.chance(0.7) {
            specialty = DemoConditions.chronic[p.chronic[rng.below(p.chronic.count)]].specialty
        }
        var target = toHomeCare ? region.homeCareOf[clinicIndex] : region.specialists[specialty]!
        let priorityIndex = rng.weighted([0.1, 0.25, 0.65])
        let question = toHomeCare ? rng.pick(DemoReferralTexts.homeCare)
            : rng.pick(DemoReferralTexts.questions(specialty))
        let today = days.today
        var sim = DemoReferralSim(events: referralEvents)
        var sentOn: Int?, bookedOn: Int?, seenOn: Int?, reply: String?
        var pause: (kind: String, comment: String, from: Int, to: Int?)?
        let stop = showcase?.stopAt

        sim.add(days.clinicTime(day: createDay, rng: &rng), creator, homeID, "create", "draft", "")
        done: do {
            if stop == .draft || (stop == nil && createDay > today - 14 && rng.chance(0.08)) { break done }
            sim.add(sim.lastAt + Int64(60 * rng.int(2, 90)), creator, homeID, "send", "sent", "")
            sentOn = createDay
            if stop == .sent || (stop == nil && createDay > today - 120 && rng.chance(0.03)) { break done }
            var day = createDay + rng.int(0, priorityIndex == 0 ? 1 : 4)
            guard day < today else { break done }
            sim.add(days.clinicTime(day: day, rng: &rng), clerk(at: target, rng: &rng), unitID(target),
                    "confirm_receipt", "received", "")
            if stop == .received { break done }
            day += rng.int(0, priorityIndex == 0 ? 1 : 10)
            guard day < today else { break done }
            let draw = rng.weighted([0.05, 0.04, 0.03, 0.88])
            let outcome = showcase?.outcome ?? (toHomeCare ? .accept : [.reject, .forward, .cancel, .accept][draw])
            if outcome == .reject {
                sim.add(days.clinicTime(day: day, rng: &rng), doctor(at: target, rng: &rng), unitID(target),
                        "reject", "rejected", rng.pick(DemoReferralTexts.rejections))
                // Most senders tell the patient within the week. From a random stream of
                // its own, so the rest of the demo is the same with or without it.
                var told = DemoRandom(seed: options.seed ^ 0x7E11_ED00_0000_0612, stream: UInt64(referralID + 1))
                let toldDay = day + told.int(1, 6)
                if toldDay < today && told.chance(0.9) {
                    sim.add(days.clinicTime(day: toldDay, rng: &told), creator, homeID, "patient_informed", "rejected",
                            "Patienten informerad per telefon.")
                }
                break done
            }
            if outcome == .forward {
                var next = region.specialists[DemoRegion.Specialty(rawValue: rng.below(8))!]!
                if next == target { next = region.specialists[.medicine == specialty ? .geriatrics : .medicine]! }
                sim.add(days.clinicTime(day: day, rng: &rng), doctor(at: target, rng: &rng), unitID(target),
                        "forward", "forwarded", "Vidarebefordrad till \(region.units[next].name): handläggs där.",
                        forwardedTo: unitID(next))
                target = next
                if stop == .forwarded { break done }
                day += rng.int(2, 10)
                guard day < today else { break done }
                // The new receiver confirms receipt before it can accept, as the lifecycle demands.
                sim.add(days.clinicTime(day: day, rng: &rng), clerk(at: target, rng: &rng), unitID(target),
                        "confirm_receipt", "received", "")
            }
            sim.add(days.clinicTime(day: day, rng: &rng), doctor(at: target, rng: &rng), unitID(target),
                    "accept", "accepted", "")
            if stop == .accepted { break done }
            if outcome == .cancel {
                day += rng.int(3, 40)
                guard day < today else { break done }
                sim.add(days.clinicTime(day: day, rng: &rng), creator, homeID, "cancel", "cancelled",
                        rng.pick(DemoReferralTexts.cancellations))
                break done
            }
            var wait = toHomeCare ? rng.int(2, 14)
                : [rng.int(5, 20), rng.int(15, 60), rng.int(30, 130)][priorityIndex]
            // A referral without a legal limit (home care) has no clock to pause.
            if !toHomeCare && (showcase?.pause == true || (stop == nil && rng.chance(0.06))) {
                let from = day + rng.int(3, 20)
                guard from < today else { break done }
                let kind = rng.pick(DemoReferralTexts.pauses)
                let length = rng.int(14, 60)
                let to = from + length
                sim.add(days.clinicTime(day: from, rng: &rng), clerk(at: target, rng: &rng), unitID(target),
                        "pause_clock", sim.state, kind.comment)
                pause = (kind.kind, kind.comment, from, to < today ? to : nil)
                guard to < today else { break done }
                sim.add(days.clinicTime(day: to, rng: &rng), clerk(at: target, rng: &rng), unitID(target),
                        "resume_clock", sim.state, "")
                wait += length
                day = to
            }
            day += rng.int(1, 14)
            guard day < today else { break done }
            var visit = max(createDay + wait, day + 1)
            if stop == .booked { visit = max(visit, today + rng.int(3, 30)) }
            bookedOn = visit
            sim.add(days.clinicTime(day: day, rng: &rng), clerk(at: target, rng: &rng), unitID(target),
                    "book", "booked", "Tid bokad \(days.iso(visit)).")
            guard visit < today else { break done }
            seenOn = visit
            sim.add(days.clinicTime(day: visit, rng: &rng), doctor(at: target, rng: &rng), unitID(target),
                    "mark_seen", "seen", "")
            if stop == .seen { break done }
            day = visit + rng.int(1, 21)
            guard day < today else { break done }
            reply = rng.pick(toHomeCare ? DemoReferralTexts.homeCareReplies : DemoReferralTexts.replies)
            sim.add(days.clinicTime(day: day, rng: &rng), doctor(at: target, rng: &rng), unitID(target),
                    "reply", "answered", "")
            if stop == .answered || (stop == nil && day > today - 180 && rng.chance(0.08)) { break done }
            day += rng.int(1, 10)
            guard day < today else { break done }
            sim.add(days.clinicTime(day: day, rng: &rng), creator, homeID, "acknowledge_reply", "acknowledged", "")
        }

        referralID += 1
        let last = sim.events[sim.events.count - 1]
        try writer.insertReferral(DemoReferralRow(
            id: referralID, patient: p.id, fromUnit: homeID, toUnit: unitID(target),
            priority: ["urgent", "priority", "routine"][priorityIndex], question: question,
            guarantee: toHomeCare ? "none" : "specialist_visit", state: sim.state,
            createdAt: sim.events[0].at, createdBy: creator, sentOn: sentOn.map(days.iso),
            bookedOn: bookedOn.map(days.iso), seenOn: seenOn.map(days.iso), reply: reply,
            version: sim.events.count, updatedAt: last.at, updatedBy: last.staff))
        for event in sim.events { try writer.insertEvent(referral: referralID, event) }
        if let pause {
            try writer.insertPause(referral: referralID, kind: pause.kind, from: days.iso(pause.from),
                                   to: pause.to.map(days.iso), comment: pause.comment)
        }
        sim.events.removeAll(keepingCapacity: true)
        referralEvents = sim.events
    }
}

/// The events of the referral being generated; each step starts from the last state.
struct DemoReferralSim {
    var events: [DemoReferralEvent]
    var state = "draft"
    var lastAt: Int64 = 0

    /// Steps on the same day keep their order: a later step is at least five minutes on.
    mutating func add(_ at: Int64, _ staff: String, _ unit: String, _ action: String, _ to: String,
                      _ comment: String, forwardedTo: String? = nil) {
        let time = events.isEmpty ? at : max(at, lastAt + 300)
        events.append(DemoReferralEvent(at: time, staff: staff, unit: unit, action: action,
                                        from: state, to: to, comment: comment, forwardedTo: forwardedTo))
        state = to
        lastAt = time
    }
}
