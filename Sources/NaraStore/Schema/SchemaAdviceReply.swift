import GRDB

/// Konsultationssvar: the receiver answers with advice without a visit (`advice_reply`),
/// one more action a referral event may hold.
enum SchemaAdviceReply {
    static let identifier = "referral-advice-reply"

    static func migrate(_ db: Database) throws {
        try TableRebuild.replacing(db, table: "referral_event", "'resume_clock', 'patient_informed')",
                                   with: "'resume_clock', 'patient_informed', 'advice_reply')",
                                   indexes: ["CREATE INDEX referral_event_by_referral ON referral_event(referral_id)"])
    }
}
