import GRDB
import NaraDomain
@testable import NaraStore

extension SQLiteStore {
    /// The newest log rows, read past the door: reading through it would log the read.
    func logRows(patient: PatientID?, limit: Int) throws -> [AccessLogEntry] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM access_log WHERE ?1 IS NULL OR patient_id = ?1 ORDER BY id DESC LIMIT ?2",
                             arguments: [patient?.rawValue, limit]).map(Decode.logEntry)
        }
    }
}

/// Who the tests' own store calls act as: the fixtures' nurse at the vårdcentral.
let testNurse = AccessContext(staffId: "karin.berg", unitId: "SE2321000164-vc01", sessionId: "test")
