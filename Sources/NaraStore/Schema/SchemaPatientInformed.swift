import GRDB

/// The sender's step after a rejection: the patient informed (`patient_informed`), one
/// more action a referral event may hold.
enum SchemaPatientInformed {
    static let identifier = "referral-patient-informed"

    static func migrate(_ db: Database) throws {
        try TableRebuild.replacing(db, table: "referral_event", "'pause_clock', 'resume_clock')",
                                   with: "'pause_clock', 'resume_clock', 'patient_informed')",
                                   indexes: ["CREATE INDEX referral_event_by_referral ON referral_event(referral_id)"])
    }
}
