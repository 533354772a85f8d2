/// The rules behind each work list. Each is a pure function of one patient's facts, so
/// the store can narrow candidates in SQL however it likes and the rule stays the one
/// place that decides.
public enum WorkListRules {
    /// Sort key for a patient never seen: above any realistic number of days.
    static let neverSeenKey = 1_000_000

    public static func evaluate(_ kind: WorkListKind, facts: WorkListPatientFacts, settings: WorkListSettings,
                                today: LocalDate) -> WorkListEntry? {
        // Nobody reaches out to a patient who has died.
        if kind.isOutreach && facts.deceased { return nil }
        let found: (reason: WorkListReason, sortKey: Int)?
        switch kind {
        case .elderlyMultimorbidWithoutContact: found = elderlyMultimorbid(facts, settings, today)
        case .frequentLowContinuity: found = lowContinuity(facts, settings, today)
        case .planFollowUpDue: found = planFollowUp(facts, today)
        case .dischargedWithoutContact: found = discharged(facts, settings, today)
        case .overdueReferrals: found = overdueReferral(facts)
        case .unacknowledgedReferrals: found = unacknowledgedReferral(facts, settings, today)
        case .chronicWithoutEncounter: found = chronicWithoutEncounter(facts, settings, today)
        case .admissionsWithoutCareContact: found = admittedWithoutCareContact(facts, today)
        case .readyWithoutPlan: found = readyWithoutPlan(facts, today)
        case .rejectedReferrals: found = rejectedReferral(facts, today)
        case .withoutNamedGP: found = withoutNamedGP(facts, today)
        case .residentialCareWithoutNamedGP: found = residentialCareWithoutNamedGP(facts, today)
        case .multimorbidElderly: found = multimorbidElderly(facts, settings, today)
        case .yearlyCheckDue: found = yearlyCheckDue(facts, settings, today)
        }
        return found.map { WorkListEntry(patientId: facts.patientId, kind: kind, reason: $0.reason, sortKey: $0.sortKey) }
    }

    /// All lists a patient is on, in `WorkListKind` order.
    public static func evaluateAll(facts: WorkListPatientFacts, settings: WorkListSettings,
                                   today: LocalDate) -> [WorkListEntry] {
        WorkListKind.allCases.compactMap { evaluate($0, facts: facts, settings: settings, today: today) }
    }

    /// A named GP does not count: the list is about who coordinates, which is the
    /// care contact's job (Patientlagen 6 kap 2 §). A contact at any unit counts.
    static func elderlyMultimorbid(_ f: WorkListPatientFacts, _ s: WorkListSettings,
                                   _ today: LocalDate) -> (WorkListReason, Int)? {
        guard let listing = f.listing, listing.isActive(on: today),
              let age = f.birthDate?.age(on: today), age >= s.minimumAge,
              f.chronicProblemCount >= s.minimumChronicDiagnoses,
              !f.careContacts.contains(where: { $0.role == .careContact && $0.isActive(on: today) })
        else { return nil }
        // More diagnoses first, then older.
        return (.elderlyMultimorbid(age: age, chronic: f.chronicProblemCount), f.chronicProblemCount * 1000 + age)
    }

    /// COC over all staff: a patient who sees a new nurse and a new doctor each time is
    /// fragmented even if each profession alone looks fine. The encounters counted are
    /// those of `ContinuityScope.default`, as on the patient's screens: the listing unit's.
    static func lowContinuity(_ f: WorkListPatientFacts, _ s: WorkListSettings,
                              _ today: LocalDate) -> (WorkListReason, Int)? {
        let window = Continuity.window(endingOn: today, months: s.frequentWindowMonths)
        let counted = ContinuityScope.default.select(f.encountersForContinuity, listingUnit: f.listing?.unitId)
        let m = Continuity.measures(encounters: counted, window: window, group: nil, named: [])
        guard m.encounters >= s.frequentEncounters, let coc = m.coc, coc < s.lowCocThreshold else { return nil }
        // Many encounters with little continuity first.
        let key = Int((Double(m.encounters) * (1 - coc) * 1000).rounded())
        return (.lowContinuity(encounters: m.encounters, coc: coc), key)
    }

    /// The plan whose follow-up is longest past is reported.
    static func planFollowUp(_ f: WorkListPatientFacts, _ today: LocalDate) -> (WorkListReason, Int)? {
        let due = f.plans.compactMap { plan -> (RecordID, LocalDate, Int)? in
            guard plan.followUpOverdue(on: today), let on = plan.followUpOn else { return nil }
            return (plan.id, on, on.days(until: today))
        }
        guard let worst = due.max(by: { ($0.2, -$0.0) < ($1.2, -$1.0) }) else { return nil }
        return (.planFollowUpPassed(planId: worst.0, followUpOn: worst.1, daysPast: worst.2), worst.2)
    }

    /// The follow-up after the stay (DOMAIN.md's list). The duties of lag 2017:612 fall
    /// due before the discharge; `admissions` and `ready-for-discharge` keep those.
    /// Only the latest discharge in the window matters: a contact after it also follows
    /// any earlier one, and without one every earlier discharge is uncovered too.
    /// A contact on the discharge day counts (the vårdcentral may call the same day).
    static func discharged(_ f: WorkListPatientFacts, _ s: WorkListSettings,
                           _ today: LocalDate) -> (WorkListReason, Int)? {
        let from = today.adding(days: -s.dischargeWindowDays)
        guard let latest = f.discharges.map(\.dischargedOn).filter({ $0 >= from && $0 <= today }).max(),
              !f.primaryCareEncounterDays.contains(where: { $0 >= latest })
        else { return nil }
        let days = latest.days(until: today)
        return (.dischargedWithoutContact(dischargedOn: latest, days: days), days)
    }

    /// One entry per patient, for the referral furthest past its deadline.
    static func overdueReferral(_ f: WorkListPatientFacts) -> (WorkListReason, Int)? {
        let overdue = f.referrals.compactMap { r in r.overdueDays.map { (r.id, $0) } }
        guard let worst = overdue.max(by: { ($0.1, -$0.0) < ($1.1, -$1.0) }) else { return nil }
        return (.referralOverdue(referralId: worst.0, days: worst.1), worst.1)
    }

    /// Two loose ends with the same limit: a sent referral nobody confirmed (it may
    /// never have arrived) and a reply nobody at our unit has read. One entry per
    /// patient, the longest waiting first.
    static func unacknowledgedReferral(_ f: WorkListPatientFacts, _ s: WorkListSettings,
                                       _ today: LocalDate) -> (WorkListReason, Int)? {
        var candidates: [(reason: WorkListReason, days: Int, id: RecordID)] = []
        for r in f.referrals {
            switch r.state {
            case .sent:
                guard let sent = r.sentOn else { continue }
                let days = sent.days(until: today)
                if days >= s.acknowledgementDays {
                    candidates.append((.referralUnconfirmed(referralId: r.id, sentOn: sent, days: days), days, r.id))
                }
            case .answered:
                guard let answered = r.answeredOn else { continue }
                let days = answered.days(until: today)
                if days >= s.acknowledgementDays {
                    candidates.append((.replyNotAcknowledged(referralId: r.id, answeredOn: answered, days: days),
                                       days, r.id))
                }
            default:
                continue
            }
        }
        guard let worst = candidates.max(by: { ($0.days, -$0.id) < ($1.days, -$1.id) }) else { return nil }
        return (worst.reason, worst.days)
    }

    /// Only encounters at the listing unit count, in any mode: the unit the patient
    /// chose keeps the chronic disease in view; a visit elsewhere does not follow it up.
    static func chronicWithoutEncounter(_ f: WorkListPatientFacts, _ s: WorkListSettings,
                                        _ today: LocalDate) -> (WorkListReason, Int)? {
        guard f.chronicProblemCount >= 1, let listing = f.listing, listing.isActive(on: today) else { return nil }
        let window = Continuity.window(endingOn: today, months: s.noEncounterMonths)
        let past = f.encounterDays.filter { $0.unitId == listing.unitId && $0.day <= today }.map(\.day)
        guard !past.contains(where: { window.contains($0) }) else { return nil }
        let last = past.max()
        let key = last.map { $0.days(until: today) } ?? neverSeenKey
        return (.chronicWithoutEncounter(chronic: f.chronicProblemCount, lastEncounter: last), key)
    }

    /// The open admission whose discharge comes first is reported. The fast vårdkontakt
    /// must be at the unit the patient is listed at: that is who follows up after the
    /// stay. A contact appointed on the day counts. Least time left first; a stay with no
    /// expected day sorts after all with one, the longest in hospital first.
    static func admittedWithoutCareContact(_ f: WorkListPatientFacts, _ today: LocalDate) -> (WorkListReason, Int)? {
        guard let listing = f.listing, listing.isActive(on: today),
              !f.careContacts.contains(where: { $0.role == .careContact && $0.unitId == listing.unitId
                                                && $0.isActive(on: today) })
        else { return nil }
        let open = f.dischargeNotices.filter { $0.isOpen && $0.admittedOn <= today }
        func key(_ n: DischargeNotice) -> Int {
            n.careContactDue.map { -today.days(until: $0) } ?? (n.admittedOn.days(until: today) - neverSeenKey)
        }
        guard let first = open.max(by: { (key($0), -$0.id) < (key($1), -$1.id) }) else { return nil }
        return (.admittedWithoutCareContact(ward: first.ward, admittedOn: first.admittedOn,
                                            daysLeft: first.careContactDue.map { today.days(until: $0) }), key(first))
    }

    /// Ready for discharge and still in hospital with no SIP agreed since the admission.
    /// After the discharge the list `discharged` takes over. Least time left first.
    static func readyWithoutPlan(_ f: WorkListPatientFacts, _ today: LocalDate) -> (WorkListReason, Int)? {
        let waiting = f.dischargeNotices.compactMap { n -> (DischargeNotice, LocalDate, Int)? in
            guard n.isOpen, let ready = n.readyOn, ready <= today, let due = n.planCallDue,
                  !f.plans.contains(where: { n.isCoveredBy($0) && $0.agreedOn <= today })
            else { return nil }
            return (n, ready, today.days(until: due))
        }
        guard let first = waiting.min(by: { ($0.2, $0.0.id) < ($1.2, $1.0.id) }) else { return nil }
        return (.readyWithoutPlan(ward: first.0.ward, readyOn: first.1, daysLeft: first.2), -first.2)
    }

    /// A rejected referral is acted on when the sender has recorded the patient informed,
    /// has sent the patient a new referral since (elsewhere or with a better question), or
    /// when the patient has met primary care since, where the rejection can be told and
    /// the next step decided.
    /// One entry per patient, the longest waiting first.
    static func rejectedReferral(_ f: WorkListPatientFacts, _ today: LocalDate) -> (WorkListReason, Int)? {
        let waiting = f.referrals.compactMap { r -> (RecordID, LocalDate, Int)? in
            guard r.state == .rejected, !r.patientInformed, let rejected = r.rejectedOn, rejected <= today
            else { return nil }
            let resent = f.referrals.contains { other in
                other.id != r.id && other.fromUnitId == r.fromUnitId
                    && other.sentOn.map { $0 >= rejected && $0 <= today } == true
            }
            let met = f.primaryCareEncounterDays.contains { $0 >= rejected && $0 <= today }
            return resent || met ? nil : (r.id, rejected, rejected.days(until: today))
        }
        guard let worst = waiting.max(by: { ($0.2, -$0.0) < ($1.2, -$1.0) }) else { return nil }
        return (.referralRejected(referralId: worst.0, rejectedOn: worst.1, days: worst.2), worst.2)
    }

    /// A named GP counts only at the unit the patient is listed at: one at a unit the
    /// patient has left follows nobody. Oldest first.
    static func withoutNamedGP(_ f: WorkListPatientFacts, _ today: LocalDate) -> (WorkListReason, Int)? {
        guard let listing = f.listing, listing.isActive(on: today),
              NamedGP.current(contacts: f.careContacts, listing: listing, on: today) == nil
        else { return nil }
        let age = f.birthDate.map { $0.age(on: today) }
        return (.noNamedGP(age: age, listedSince: listing.from), age ?? 0)
    }
}
