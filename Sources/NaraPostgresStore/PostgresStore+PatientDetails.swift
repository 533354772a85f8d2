import Foundation
import GRDB
import NaraDomain
import NaraStore
import PostgresNIO

/// The patient's administrative facts (next of kin, interpreter, death, residential
/// care) and the yearly checks done, on PostgreSQL, through the door
/// (`PostgresDoor.swift`), with the rules, refusals and log rows of the SQLite store
/// (`PatientWriteRules`).
///
/// Statements, each a round trip (`client.statementsSent`): a change is five (BEGIN, the
/// patient's lock, the facts, the change with its log row, COMMIT); one refused on what
/// was read four (ROLLBACK for the last two: no such patient, no relationship, a death
/// before the birth); one refused on the request alone (too many next of kin, a reason
/// that says nothing, a death or check in the future, a check that is a measurement) none.
extension PostgresStore {
    public func setNextOfKin(_ patient: PatientID, _ people: [NextOfKin], as context: AccessContext) throws {
        let json = PatientWriteRules.encodeNextOfKin(try PatientWriteRules.nextOfKin(people))
        let now = clock.now
        try writeThroughDoor(context, patient: patient, decide: identityGrant) { _, grant in
            DoorWork(query: """
                UPDATE nara.patient SET next_of_kin = \(json), updated_at = \(PatientWriteRules.stamp(now)),
                       updated_by = \(context.staffId.rawValue)
                 WHERE id = \(patient.rawValue) RETURNING id
                """, logged: SQLiteStore.logged(PatientWriteRules.nextOfKinDetail, grant)) { _ in }
        }
    }

    public func setInterpreter(_ patient: PatientID, _ need: InterpreterNeed?, as context: AccessContext) throws {
        let now = clock.now
        try writeThroughDoor(context, patient: patient, decide: identityGrant) { _, grant in
            DoorWork(query: """
                UPDATE nara.patient SET interpreter = \(need?.language), updated_at = \(PatientWriteRules.stamp(now)),
                       updated_by = \(context.staffId.rawValue)
                 WHERE id = \(patient.rawValue) RETURNING id
                """, logged: SQLiteStore.logged(PatientWriteRules.interpreterDetail, grant)) { _ in }
        }
    }

    /// The birth date is read with the facts, for the refusal of a death before it.
    public func correctDeath(_ patient: PatientID, deceased: Bool, on day: LocalDate?, reason: String,
                             as context: AccessContext) throws {
        let detail = try PatientWriteRules.deathCorrection(deceased: deceased, on: day, reason: reason,
                                                           today: clock.today)
        let now = clock.now
        try writeThroughDoor(context, patient: patient, parts: [Self.birthPart], decide: identityGrant) { read, grant in
            try PatientWriteRules.checkDeathAfterBirth(day, born: read.first(Self.birthPart.name))
            return DoorWork(query: """
                UPDATE nara.patient SET deceased = \(deceased), deceased_on = \(deceased ? day?.iso : nil),
                       updated_at = \(PatientWriteRules.stamp(now)), updated_by = \(context.staffId.rawValue)
                 WHERE id = \(patient.rawValue) RETURNING id
                """, logged: SQLiteStore.logged(detail, grant)) { _ in }
        }
    }

    /// Part of who the patient is, so written as identity, as the municipality reports it.
    public func setResidentialCare(_ patient: PatientID, _ lives: Bool, as context: AccessContext) throws {
        let now = clock.now
        return try writeThroughDoor(context, patient: patient, decide: identityGrant) { _, grant in
            DoorWork(query: """
                UPDATE nara.patient SET residential_care = \(lives), updated_at = \(PatientWriteRules.stamp(now)),
                       updated_by = \(context.staffId.rawValue)
                 WHERE id = \(patient.rawValue) RETURNING id
                """, logged: SQLiteStore.logged(PatientWriteRules.residentialCareDetail(lives), grant)) { _ in }
        }
    }

    /// An examination done at the user's unit: clinical information, like an encounter.
    public func recordCheckDone(_ patient: PatientID, item: CheckItem, on day: LocalDate,
                                as context: AccessContext) throws -> CheckDone {
        try PatientWriteRules.checkCheckDone(item, on: day, today: clock.today)
        return try writeThroughDoor(context, patient: patient, decide: clinicalGrant) { _, grant in
            DoorWork(query: """
                INSERT INTO nara.check_done(patient_id, item, done_on, unit_id, staff_id)
                VALUES (\(patient.rawValue), \(item.rawValue), \(day.iso), \(context.unitId.rawValue),
                        \(context.staffId.rawValue))
                RETURNING id
                """, logged: SQLiteStore.logged(PatientWriteRules.checkDoneDetail(item), grant)) { _ in
                CheckDone(item: item, on: day, unitId: context.unitId)
            }
        }
    }

    static let birthPart = PostgresRecordSQL.translated(PatientWriteRules.birthPart)
}
