import GRDB
import NaraDomain

/// The examinations of the yearly checks in the demo (eye screening and foot examination
/// in diabetes, spirometry in COPD), done at the listing unit on a day spread over the
/// last 500 days, so about three in four are within the year. Days come from a hash of
/// the patient id, not from the generator's random stream, so the rest of the demo reads
/// the same as before.
enum DemoYearlyChecks {
    static func write(_ db: Database, today: LocalDate) throws {
        for programme in YearlyCheckProgramme.standard {
            let codes = programme.codePrefixes.map { _ in "code LIKE ?" }.joined(separator: " OR ")
            for (salt, item) in zip([2654435761, 40503, 2246822519], CheckItem.examinations)
                where programme.items.contains(item) {
                try db.execute(sql: """
                    INSERT INTO check_done(patient_id, item, done_on, unit_id)
                    SELECT l.patient_id, ?, date(?, '-' || ((l.patient_id * ?) % 500) || ' days'), l.unit_id
                    FROM listing l
                    WHERE l.to_date IS NULL
                      AND l.patient_id IN (SELECT patient_id FROM problem WHERE \(codes))
                    """, arguments: StatementArguments([item.rawValue, today.iso, salt] as [any DatabaseValueConvertible])
                        + StatementArguments(programme.codePrefixes.map { $0 + "%" }))
            }
        }
    }
}
