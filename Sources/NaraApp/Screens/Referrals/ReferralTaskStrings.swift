import NaraDomain

/// The words of the task a reply or a rejection may leave for the sending unit.
struct ReferralTaskStrings: Sendable {
    var field: String, hint: String
    var written: @Sendable (String, String) -> String
    var failed: @Sendable (String, String) -> String

    static func of(_ language: Language) -> ReferralTaskStrings { language == .sv ? sv : en }

    static let sv = ReferralTaskStrings(
        field: "Uppgift till remittenten", hint: "valfritt: hamnar hos den enhet som skickade remissen",
        written: { step, unit in "\(step) Uppgift till \(unit)." },
        failed: { step, why in "\(step) Uppgiften kunde inte skrivas: \(why)" })

    static let en = ReferralTaskStrings(
        field: "Task for the sender", hint: "optional: goes to the unit that sent the referral",
        written: { step, unit in "\(step) Task to \(unit)." },
        failed: { step, why in "\(step) The task could not be written: \(why)" })
}
