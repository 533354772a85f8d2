import GRDB

/// A patient-chosen wait counts only when the patient was offered a time within the
/// guarantee and told of the guarantee (HSL 9 kap 1 §): the offered day and that the
/// patient was informed, on the pause.
enum SchemaPauseOffer {
    static let identifier = "referral-pause-offer"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE referral_pause ADD COLUMN offered_on TEXT CHECK (offered_on IS NULL OR length(offered_on) = 10);
            ALTER TABLE referral_pause ADD COLUMN patient_informed INTEGER NOT NULL DEFAULT 0
                CHECK (patient_informed IN (0, 1));
            """)
    }
}
