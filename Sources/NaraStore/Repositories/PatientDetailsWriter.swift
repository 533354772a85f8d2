import Foundation
import GRDB
import NaraDomain

/// Next of kin and interpreter need: administrative facts about the patient, written
/// under the same policy as the phone number and address (identity), logged naming the
/// patient, and stamped like an import so that an older file does not overwrite them.
extension SQLiteStore {
    public func setNextOfKin(_ patient: PatientID, _ people: [NextOfKin], as context: AccessContext) throws {
        guard people.count <= NextOfKin.limit else { throw StoreError.invalid("at most \(NextOfKin.limit) next of kin") }
        let cleaned = try people.map {
            NextOfKin(name: try Validate.text($0.name, field: .nextOfKinName, max: 200),
                      relation: try Validate.text($0.relation, field: .relation, max: 60),
                      phone: try $0.phone.map { try Validate.text($0, field: .phone, max: 40, required: false) }
                          .flatMap { $0.isEmpty ? nil : $0 })
        }
        try writeThroughDoor(context, patient: patient, category: .identity, detail: "next of kin") { db, _ in
            try db.execute(sql: "UPDATE patient SET next_of_kin = ?, updated_at = ?, updated_by = ? WHERE id = ?",
                           arguments: [Self.encodeNextOfKin(cleaned), Self.stamp(clock.now), context.staffId.rawValue,
                                       patient.rawValue])
        }
    }

    public func setInterpreter(_ patient: PatientID, _ need: InterpreterNeed?, as context: AccessContext) throws {
        try writeThroughDoor(context, patient: patient, category: .identity, detail: "interpreter") { db, _ in
            try db.execute(sql: "UPDATE patient SET interpreter = ?, updated_at = ?, updated_by = ? WHERE id = ?",
                           arguments: [need?.language, Self.stamp(clock.now), context.staffId.rawValue, patient.rawValue])
        }
    }

    /// Corrects what the record says of the patient's death: a death recorded in error is
    /// undone, or a known day set. An import never undoes a death, so this is the one way
    /// back for a patient wrongly taken off every outreach list. The reason goes into the
    /// log row with the change.
    public func correctDeath(_ patient: PatientID, deceased: Bool, on day: LocalDate?, reason: String,
                             as context: AccessContext) throws {
        let reason = try Validate.text(reason, field: .reason, max: 300)
        guard Reason.isMeaningful(reason) else {
            throw StoreError.refused(.reasonSaysNothing(minimumLetters: Reason.minimumLetters))
        }
        if let day, day > clock.today { throw StoreError.refused(.deathInFuture) }
        let what = deceased ? "death recorded " + (day?.iso ?? "(day unknown)") : "death undone"
        try writeThroughDoor(context, patient: patient, category: .identity, detail: what + ": " + reason) { db, _ in
            if let day, let born = Decode.day(try String.fetchOne(db, sql: "SELECT birth_date FROM patient WHERE id = ?",
                                                                  arguments: [patient.rawValue])), day < born {
                throw StoreError.refused(.deathBeforeBirth)
            }
            try db.execute(sql: """
                UPDATE patient SET deceased = ?, deceased_on = ?, updated_at = ?, updated_by = ? WHERE id = ?
                """, arguments: [deceased, deceased ? day?.iso : nil, Self.stamp(clock.now), context.staffId.rawValue,
                                 patient.rawValue])
        }
    }

    /// The column's JSON; none is NULL, so an empty list and a never-asked one read alike.
    static func encodeNextOfKin(_ people: [NextOfKin]) -> String? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        guard !people.isEmpty, let data = try? encoder.encode(people) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    private static func stamp(_ now: Date) -> Int64 { Int64(now.timeIntervalSince1970.rounded(.down)) }
}
