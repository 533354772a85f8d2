import GRDB

/// The content of the demo's SIPs: consent written or oral, the meeting on the day of
/// agreement, the patient taking part (with a next of kin in one plan of three) and one
/// service each from region and municipality. Chosen from the plan id, not from the
/// generator's random stream, so the rest of the demo reads the same as before.
enum DemoPlanContent {
    static let regionServices = [
        "Läkemedelsgenomgång och uppföljning på vårdcentralen",
        "Hjärtsviktssköterska följer vikt och symtom",
        "Diabetessköterska: HbA1c och fotstatus",
    ]
    static let municipalityServices = [
        "Hemsjukvård: läkemedel morgon och kväll",
        "Hemtjänst: hjälp med dusch och inköp",
        "Arbetsterapeut: hjälpmedel i hemmet",
    ]
    static let nextOfKin = ["Eva (dotter)", "Lars (make)", "Karin (syster)"]

    static func write(_ db: Database) throws {
        try db.execute(sql: """
            UPDATE coordinated_plan SET consent_form = CASE WHEN consent_on IS NULL THEN NULL
                                                            WHEN id % 3 = 0 THEN 'oral' ELSE 'written' END,
                                        meeting_on = agreed_on
            """)
        try db.execute(sql: "INSERT INTO plan_person(plan_id, position, role, name) SELECT id, 0, 'patient', '' FROM coordinated_plan")
        for (i, name) in nextOfKin.enumerated() {
            try db.execute(sql: """
                INSERT INTO plan_person(plan_id, position, role, name)
                SELECT id, 1, 'next_of_kin', ? FROM coordinated_plan WHERE id % 9 = ?
                """, arguments: [name, i * 3])
        }
        for (principal, texts) in [("region", regionServices), ("municipality", municipalityServices)] {
            for (i, text) in texts.enumerated() {
                try db.execute(sql: """
                    INSERT INTO plan_service(plan_id, position, principal, text)
                    SELECT id, ?, ?, ? FROM coordinated_plan WHERE id % ? = ?
                    """, arguments: [principal == "region" ? 0 : 1, principal, text, texts.count, i])
            }
        }
    }
}
