import Foundation
import GRDB
import NaraDomain

/// The rules of the patient's own record writes (registration, listing, problems,
/// encounters, discharges, next of kin, interpreter, death, residential care, checks
/// done), with one owner for every store: what is cleaned and refused, in which words and
/// in which order, what the log row says, and what the write returns. A store reads the
/// facts its own way, in its own transaction, and asks these in the order they are
/// written here, so both stores refuse the same request with the same error.
package enum PatientWriteRules {
    // MARK: Registration

    /// The new patient with its names, address and phone cleaned and held to the schema's
    /// limits; refused before anything is read.
    package static func cleaned(_ new: NewPatient) throws -> NewPatient {
        var clean = new
        clean.givenName = try Validate.text(new.givenName, field: .givenName, max: 200)
        clean.familyName = try Validate.text(new.familyName, field: .familyName, max: 200)
        clean.address = try new.address.map {
            Address(street: try Validate.text($0.street, field: .street, max: 200, required: false),
                    postalCode: try Validate.text($0.postalCode, field: .postalCode, max: 10, required: false),
                    city: try Validate.text($0.city, field: .city, max: 100, required: false))
        }
        clean.phone = try new.phone.map { try Validate.text($0, field: .phone, max: 40, required: false) }
        return clean
    }

    /// Who registers a patient: an active user with the right to write identities. There
    /// is no patient yet, so no relationship to ask about. Also who lists a patient at
    /// their own unit (`listingDecision`).
    package static func checkRegistrar(_ subject: AccessSubject) throws {
        guard subject.active else { throw StoreError.accessDenied(.inactiveUser) }
        guard subject.rights.contains(.writeIdentity) else { throw StoreError.accessDenied(.notForRole) }
    }

    /// One patient an identifier.
    package static func duplicate(_ identifier: PersonIdentifier) -> StoreError {
        StoreError.duplicate("a patient with \(identifier.display)")
    }

    /// The folded words name search finds; none for a protected identity, which is found
    /// only by its whole identifier.
    package static func searchName(_ new: NewPatient) -> String {
        new.protectedIdentity ? "" : SearchFolding.fold(new.givenName + " " + new.familyName)
    }

    package static let registerDetail = "register patient [new]"

    /// The patient as registered, from the cleaned request and the id the store gave it.
    package static func registered(_ new: NewPatient, id: Int64) -> Patient {
        let ident = new.identifier
        return Patient(id: PatientID(rawValue: id), identifier: ident, givenName: new.givenName,
                       familyName: new.familyName, sex: ident.sex, birthDate: ident.birthDate, address: new.address,
                       phone: new.phone, protectedIdentity: new.protectedIdentity)
    }

    // MARK: Listing

    /// Listing at one's own unit is the patient's choice and needs no earlier
    /// relationship: an active user with the identity right may record it. Moving a
    /// patient elsewhere is an identity write under the policy, whose grant `elsewhere`
    /// asks for. Returns the log row's detail and emergency flag.
    package static func listingDecision(_ unit: UnitID, context: AccessContext, subject: () throws -> AccessSubject,
                                        patientExists: () throws -> Void,
                                        elsewhere: () throws -> AccessGrant) throws -> (String, Bool) {
        let detail = "listing \(unit)"
        guard unit == context.unitId else { return SQLiteStore.logged(detail, try elsewhere()) }
        try checkRegistrar(try subject())
        try patientExists()
        return (detail + " [own unit]", false)
    }

    /// The patient's active listing, over `:patient`.
    package static let activeListingPart = TaggedRead.Part("active_listing", """
        SELECT id, unit_id, from_date FROM listing WHERE patient_id = :patient AND to_date IS NULL
        """)

    /// Whether the active listing (`activeListingPart`'s row) is at `unit` already: then
    /// nothing changes but the log row.
    package static func listedAlready(_ active: Row?, at unit: UnitID) -> Bool {
        (active?["unit_id"] as String?) == unit.rawValue
    }

    /// A new listing does not start before the one it ends (`activeListingPart`'s row;
    /// one whose start does not read as a day is refused too).
    package static func checkListingDay(_ active: Row, day: LocalDate) throws {
        guard let from = Decode.day(active, "from_date"), from <= day else {
            throw StoreError.refused(.listingBeforeCurrent)
        }
    }

    /// Patients are listed at a vårdcentral only.
    package static func checkListingUnit(_ unit: CareUnit) throws {
        guard unit.kind == .primaryCare else { throw StoreError.refused(.listingOnlyAtPrimaryCare) }
    }

    // MARK: Problems, encounters, discharges

    /// An ICD-10 code, upper case.
    package static func problemCode(_ code: String) throws -> String {
        let code = code.trimmingCharacters(in: .whitespaces).uppercased()
        guard Problem.isValidCode(code) else { throw StoreError.refused(.notICD10(code: code)) }
        return code
    }

    package static func problemText(_ text: String) throws -> String {
        try Validate.text(text, field: .diagnosisText, max: 200)
    }

    package static func problemDetail(_ code: String) -> String { "problem \(code)" }

    /// The encounter's reason, cleaned; refused when it says nothing, when the visit is
    /// more than an hour ahead, or when it is at another unit than the user's.
    package static func encounterReason(_ new: NewEncounter, context: AccessContext, now: Date) throws -> String {
        let reason = try Validate.text(new.reason, field: .reason, max: 500)
        guard Reason.isMeaningful(reason) else {
            throw StoreError.refused(.reasonSaysNothing(minimumLetters: Reason.minimumLetters))
        }
        guard new.at <= now.addingTimeInterval(3600) else { throw StoreError.refused(.encounterInFuture) }
        guard new.unitId == context.unitId else { throw StoreError.refused(.encounterAtOwnUnit(context.unitId)) }
        return reason
    }

    /// "encounter", naming the clinician when the user writes it down for another.
    package static func encounterDetail(_ new: NewEncounter, context: AccessContext) -> String {
        "encounter" + (new.staffId != context.staffId ? " for \(new.staffId)" : "")
    }

    /// The clinician who met the patient works at the unit and meets patients (a visit
    /// of one who has since left may still be written down); the signed-in user is the
    /// author, in a column of its own. `clinician` is their row, read by the store.
    package static func checkClinician(_ clinician: Staff, context: AccessContext) throws {
        guard clinician.unitId == context.unitId, clinician.isClinician else {
            throw StoreError.refused(.notClinicianAtUnit(name: clinician.name))
        }
    }

    /// The encounter as written: its time in whole seconds, as stored.
    package static func encounter(_ new: NewEncounter, id: Int64, reason: String, author: StaffID) -> Encounter {
        Encounter(id: id, patientId: new.patientId, at: Date(timeIntervalSince1970: TimeInterval(seconds(new.at))),
                  mode: new.mode, planned: new.planned, staffId: new.staffId, unitId: new.unitId, reason: reason,
                  authorId: author)
    }

    package static func checkDischarge(admittedOn: LocalDate, dischargedOn: LocalDate) throws {
        guard admittedOn <= dischargedOn else { throw StoreError.refused(.dischargeBeforeAdmission) }
    }

    package static let dischargeDetail = "discharge"

    // MARK: Next of kin, interpreter, death, residential care, checks done

    /// The next of kin cleaned; an empty phone is none.
    package static func nextOfKin(_ people: [NextOfKin]) throws -> [NextOfKin] {
        guard people.count <= NextOfKin.limit else {
            throw StoreError.invalid("at most \(NextOfKin.limit) next of kin")
        }
        return try people.map {
            NextOfKin(name: try Validate.text($0.name, field: .nextOfKinName, max: 200),
                      relation: try Validate.text($0.relation, field: .relation, max: 60),
                      phone: try $0.phone.map { try Validate.text($0, field: .phone, max: 40, required: false) }
                          .flatMap { $0.isEmpty ? nil : $0 })
        }
    }

    /// The column's JSON; none is NULL, so an empty list and a never-asked one read alike.
    package static func encodeNextOfKin(_ people: [NextOfKin]) -> String? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        guard !people.isEmpty, let data = try? encoder.encode(people) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    package static let nextOfKinDetail = "next of kin"
    package static let interpreterDetail = "interpreter"

    /// The reason for a correction of death, cleaned; refused when it says nothing or the
    /// day is ahead. Returns the log row's detail, which carries the reason.
    package static func deathCorrection(deceased: Bool, on day: LocalDate?, reason: String,
                                        today: LocalDate) throws -> String {
        let reason = try Validate.text(reason, field: .reason, max: 300)
        guard Reason.isMeaningful(reason) else {
            throw StoreError.refused(.reasonSaysNothing(minimumLetters: Reason.minimumLetters))
        }
        if let day, day > today { throw StoreError.refused(.deathInFuture) }
        let what = deceased ? "death recorded " + (day?.iso ?? "(day unknown)") : "death undone"
        return what + ": " + reason
    }

    /// The patient's birth date, over `:patient`.
    package static let birthPart = TaggedRead.Part("birth", "SELECT birth_date FROM patient WHERE id = :patient")

    /// A death is not before the birth. `born` is `birthPart`'s row.
    package static func checkDeathAfterBirth(_ day: LocalDate?, born: Row?) throws {
        if let day, let born = born.flatMap({ Decode.day($0, "birth_date") }), day < born {
            throw StoreError.refused(.deathBeforeBirth)
        }
    }

    package static func residentialCareDetail(_ lives: Bool) -> String { "residential care \(lives ? "yes" : "no")" }

    /// An examination done, not a measurement, and not in the future.
    package static func checkCheckDone(_ item: CheckItem, on day: LocalDate, today: LocalDate) throws {
        guard item.observation == nil else {
            throw StoreError.invalid("\(item.rawValue) is a measurement: record it as an observation")
        }
        guard day <= today else { throw StoreError.invalid("an examination cannot be recorded in the future") }
    }

    package static func checkDoneDetail(_ item: CheckItem) -> String { "check \(item.rawValue)" }

    /// What a patient-record change stamps on the row: the time in whole seconds.
    package static func stamp(_ now: Date) -> Int64 { seconds(now) }
}
