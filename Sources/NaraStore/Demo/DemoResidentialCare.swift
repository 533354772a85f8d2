import GRDB
import NaraDomain

/// Which demo patients live in a residential care home (SÄBO): about 5 % of those aged
/// 80–84, 12 % of 85–89 and 30 % from 90, as in Swedish municipalities. Chosen by a hash
/// of the patient id, not from the generator's random stream, so the rest of the demo
/// reads the same as before.
enum DemoResidentialCare {
    static func mark(_ db: Database, today: LocalDate) throws {
        func born(_ age: Int) -> String { today.adding(months: -12 * age).iso }
        try db.execute(sql: """
            UPDATE patient SET residential_care = 1
            WHERE deceased = 0 AND birth_date <= ?
              AND (id * 2654435761) % 1000 < CASE WHEN birth_date <= ? THEN 300 WHEN birth_date <= ? THEN 120 ELSE 50 END
            """, arguments: [born(80), born(90), born(85)])
    }
}
