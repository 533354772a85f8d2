/// The care guarantee as Hälso- och sjukvårdsförordningen (2017:80) 6 kap 1 § counts it,
/// as data: a limit in calendar days, the event that starts the clock, and whether the
/// law leaves days out of the count. Shorter limits for some groups are being prepared
/// nationally; a region changes a row, not the rules.
public struct GuaranteeRule: Hashable, Sendable {
    /// What starts the clock.
    public enum Start: String, Sendable, Hashable {
        /// The day the referral is issued (sent).
        case referralIssued = "referral_issued"
        /// The patient's own contact: a self-referral's registration, a care request.
        case patientContact = "patient_contact"
        /// The provider's decision to treat, which a referral for treatment is issued on.
        case decisionToTreat = "decision_to_treat"
    }

    public var limitDays: Int
    public var start: Start
    /// Medically caused and patient-chosen waits are left out of the count only for the
    /// two 90-day guarantees; nothing pauses the 0 and 3 clocks.
    public var pausable: Bool

    public init(limitDays: Int, start: Start, pausable: Bool) {
        self.limitDays = limitDays
        self.start = start
        self.pausable = pausable
    }
}

public enum GuaranteeRules {
    /// HSF 2017:80 6 kap 1 § and HSL 9 kap 1 §: 3 days to a medical assessment from the
    /// patient's contact, 90 days to a first specialist visit from the referral (from the
    /// patient's own contact without one), 90 days to treatment from the decision.
    public static let hsf2017: [GuaranteeKind: GuaranteeRule] = [
        .assessment: GuaranteeRule(limitDays: 3, start: .patientContact, pausable: false),
        .specialistVisit: GuaranteeRule(limitDays: 90, start: .referralIssued, pausable: true),
        .treatment: GuaranteeRule(limitDays: 90, start: .decisionToTreat, pausable: true),
    ]
}

extension GuaranteeKind {
    /// The rule in force; nil when no legal limit applies.
    public var rule: GuaranteeRule? { GuaranteeRules.hsf2017[self] }
}

extension Referral {
    /// The day the clock starts, by the rule's start: the day a self-referral was
    /// registered (the patient's own contact), else the day the referral was sent. Nil
    /// before sending or when no limit applies.
    public var guaranteeStart: LocalDate? {
        guard let rule = guarantee.rule, let sentOn else { return nil }
        switch rule.start {
        case .patientContact where selfReferral, .referralIssued where selfReferral:
            return min(LocalDate(date: createdAt, in: .stockholm), sentOn)
        case .referralIssued, .decisionToTreat, .patientContact:
            return sentOn
        }
    }
}
