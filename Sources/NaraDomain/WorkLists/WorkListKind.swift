/// The proactive lists a vårdcentral runs every week (DOMAIN.md "Proactive work lists").
/// Raw values are the names used on the command line. The referral list of DOMAIN.md is
/// split in two because overdue referrals wait on the receiver and unacknowledged ones
/// on a confirmation or on our own reading of the reply: different people act on them.
public enum WorkListKind: String, CaseIterable, Sendable, Codable {
    case elderlyMultimorbidWithoutContact = "elderly-multimorbid"
    case frequentLowContinuity = "low-continuity"
    case planFollowUpDue = "plan-follow-up"
    case dischargedWithoutContact = "discharged"
    case overdueReferrals = "overdue-referrals"
    case unacknowledgedReferrals = "unacknowledged-referrals"
    case chronicWithoutEncounter = "chronic-no-contact"
    /// In hospital (an open admission notice), listed here, no fast vårdkontakt at the
    /// listing unit: one must be appointed before the patient leaves (lag 2017:612).
    case admissionsWithoutCareContact = "admissions"
    /// Reported ready for discharge, still in hospital, and no SIP since the admission:
    /// it is to be called within three days of the ready notice (lag 2017:612).
    case readyWithoutPlan = "ready-for-discharge"
    /// Sent from here and rejected by the receiver, and nothing done since: the sender
    /// keeps the responsibility until someone else takes it over.
    case rejectedReferrals = "rejected-referrals"
    /// Listed here without an active named GP (fast läkarkontakt) at this unit: the
    /// reform's goal is that most residents have one (DOMAIN.md "Continuity goals").
    case withoutNamedGP = "no-named-gp"
    /// Living in a residential care home (SÄBO), listed here, no named GP here: the
    /// reform's goal is that at least 80 % of them have one.
    case residentialCareWithoutNamedGP = "sabo-without-named-gp"
    /// Socialstyrelsen's "multisjuka äldre": old, often in hospital, ill in many ways.
    case multimorbidElderly = "multimorbid-elderly"
    /// Diabetes, heart failure or COPD with a part of the yearly check not done within
    /// `yearlyCheckMonths` (`YearlyCheckProgramme.standard`).
    case yearlyCheckDue = "yearly-check-due"

    /// The facts a rule reads. A store loads only these for its candidates; everything
    /// else in `WorkListPatientFacts` may be left empty.
    ///
    /// Suggested SQL narrowing (the rule still decides, so a loose filter is safe and a
    /// tight one must not be stricter than the rule):
    /// - elderly: active listing at the unit, birth date ≤ today − minimumAge years,
    ///   at least minimumChronicDiagnoses chronic problems.
    /// - low continuity: at least frequentEncounters encounters in the window.
    /// - plan follow-up: open plans with follow_up_on < today.
    /// - discharged: discharges with discharged_on in [today − dischargeWindowDays, today].
    /// - overdue referrals: open referrals the guarantee clock calls overdue.
    /// - unacknowledged: referrals in state sent or answered.
    /// - chronic without encounter: at least one chronic problem.
    /// - admissions: open discharge notices of patients listed at the unit.
    /// - ready for discharge: open discharge notices with a ready day, listed at the unit.
    /// - rejected referrals: rejected referrals sent from the unit.
    /// - no named GP: listed at the unit without an active named GP there.
    /// - SÄBO without named GP: the same, living in a residential care home.
    /// - multimorbid elderly: listed, old enough, with hospital stays in the window.
    /// - yearly check due: listed, with a diagnosis of a yearly-check programme.
    public var needs: Set<WorkListFact> {
        isOutreach ? outreachNeeds.union([.deceased]) : outreachNeeds
    }

    /// Lists of patients to reach out to. A deceased patient is on none of them; the
    /// referral lists keep a deceased patient's referrals, which still need closing.
    public var isOutreach: Bool {
        switch self {
        case .overdueReferrals, .unacknowledgedReferrals: return false
        default: return true
        }
    }

    private var outreachNeeds: Set<WorkListFact> {
        switch self {
        case .elderlyMultimorbidWithoutContact: return [.listing, .birthDate, .chronicProblemCount, .careContacts]
        case .frequentLowContinuity: return [.listing, .encountersForContinuity]
        case .planFollowUpDue: return [.plans]
        case .dischargedWithoutContact: return [.discharges, .primaryCareEncounterDays]
        case .overdueReferrals: return [.referrals]
        case .unacknowledgedReferrals: return [.referrals]
        case .chronicWithoutEncounter: return [.listing, .chronicProblemCount, .encounterDays]
        case .admissionsWithoutCareContact: return [.listing, .careContacts, .dischargeNotices]
        case .readyWithoutPlan: return [.plans, .dischargeNotices]
        case .rejectedReferrals: return [.referrals, .primaryCareEncounterDays]
        case .withoutNamedGP: return [.listing, .birthDate, .careContacts]
        case .residentialCareWithoutNamedGP: return [.listing, .birthDate, .careContacts, .residentialCare]
        case .multimorbidElderly: return [.listing, .birthDate, .diagnosisCodes, .discharges, .dischargeNotices]
        case .yearlyCheckDue: return [.listing, .diagnosisCodes, .checksDone]
        }
    }
}

/// The parts of `WorkListPatientFacts`, named so a store can ask which to load.
public enum WorkListFact: String, CaseIterable, Sendable, Codable {
    case listing, birthDate, chronicProblemCount, careContacts
    case encounterDays, encountersForContinuity, primaryCareEncounterDays
    case plans, discharges, referrals, dischargeNotices
    case residentialCare, diagnosisCodes, checksDone
    case deceased
}
