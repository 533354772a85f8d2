/// The lists that follow the reform's goals and Socialstyrelsen's target groups
/// (DOMAIN.md "Continuity goals of the reform").
extension WorkListRules {
    /// Residents of a residential care home (SÄBO) listed here without a named GP here:
    /// the goal is that at least 80 % of them have one. Oldest first.
    static func residentialCareWithoutNamedGP(_ f: WorkListPatientFacts,
                                              _ today: LocalDate) -> (WorkListReason, Int)? {
        guard f.residentialCare, let listing = f.listing, listing.isActive(on: today),
              NamedGP.current(contacts: f.careContacts, listing: listing, on: today) == nil
        else { return nil }
        let age = f.birthDate.map { $0.age(on: today) }
        return (.residentialCareNoNamedGP(age: age, listedSince: listing.from), age ?? 0)
    }

    /// Socialstyrelsen's "multisjuka äldre": listed here, `minimumAge` or older, at least
    /// `multimorbidStays` hospital stays admitted within `multimorbidWindowMonths`, and
    /// diagnoses in at least `multimorbidChapters` ICD-10 chapters. Most stays first.
    static func multimorbidElderly(_ f: WorkListPatientFacts, _ s: WorkListSettings,
                                   _ today: LocalDate) -> (WorkListReason, Int)? {
        guard let listing = f.listing, listing.isActive(on: today),
              let age = f.birthDate?.age(on: today), age >= s.minimumAge
        else { return nil }
        let stays = HospitalStays.admitted(within: s.multimorbidWindowMonths, endingOn: today,
                                           discharges: f.discharges, notices: f.dischargeNotices)
            .filter { $0.admittedOn <= today }.count
        let chapters = ICD10Chapter.count(f.diagnosisCodes)
        guard stays >= s.multimorbidStays, chapters >= s.multimorbidChapters else { return nil }
        return (.multimorbidElderly(age: age, stays: stays, chapters: chapters), stays * 1000 + chapters * 10)
    }

    /// Listed here with diabetes, heart failure or COPD and some part of the condition's
    /// yearly check not measured or done within `yearlyCheckMonths`, wherever it was
    /// done. Most parts missing first.
    static func yearlyCheckDue(_ f: WorkListPatientFacts, _ s: WorkListSettings,
                               _ today: LocalDate) -> (WorkListReason, Int)? {
        guard let listing = f.listing, listing.isActive(on: today) else { return nil }
        let due = YearlyChecks.due(codes: f.diagnosisCodes, lastDone: f.checksDone, months: s.yearlyCheckMonths,
                                   today: today)
        guard !due.isEmpty else { return nil }
        let missing = due.map { ConditionChecks(condition: $0.condition, items: $0.missing) }
        return (.yearlyCheckDue(missing: missing), missing.reduce(0) { $0 + $1.items.count })
    }
}
