import Foundation
import GRDB
import NaraDomain

/// The rules of care contacts and of annulment (makulering), with one owner for every
/// store: what is refused and in which words, in which order, and what the log row
/// says. A store reads the facts its own way, in its own transaction, and asks these in
/// the order they are written here.
package enum ContactRules {
    // MARK: Assigning a contact

    /// The reason, cleaned; refused, before anything is read, with a start too far ahead.
    package static func assignReason(_ new: NewCareContact, today: LocalDate) throws -> String {
        let reason = try Validate.text(new.reason, field: .reason, max: 500)
        guard new.from <= today.adding(days: CareContact.maximumDaysAhead) else {
            throw StoreError.refused(.contactTooFarAhead(days: CareContact.maximumDaysAhead))
        }
        return reason
    }

    package static func assignDetail(_ new: NewCareContact) -> String { "\(new.role.rawValue) \(new.staffId)" }

    /// Who may be a contact, where, and a named GP only at the listing unit, refused in
    /// this order: the person named (unknown, departed), the unit, someone who meets no
    /// patients, another unit than the user's own, a named GP who is no physician, a
    /// named GP away from the listing in force on the first day (`listings`: the
    /// patient's rows at the unit).
    package static func checkAssign(_ new: NewCareContact, staff: Row?, unit: Row?, listings: () throws -> [Row],
                                    context: AccessContext) throws -> Staff {
        let staff = try Validate.staff(staff, new.staffId)
        _ = try Validate.unit(unit, new.unitId)
        guard staff.isClinician else { throw StoreError.refused(.doesNotMeetPatients(name: staff.name)) }
        guard staff.unitId == new.unitId, new.unitId == context.unitId else {
            throw StoreError.refused(.contactFromOwnUnit)
        }
        if new.role == .namedPhysician {
            guard staff.profession == .physician else { throw StoreError.refused(.namedGPMustBePhysician(name: staff.name)) }
            guard try listings().map(Decode.listing).contains(where: { $0.isActive(on: new.from) }) else {
                throw StoreError.refused(.namedGPAtListingUnit)
            }
        }
        return staff
    }

    /// A care contact is one per unit; a named GP is one at a time, wherever the one
    /// before was: the new one replaces the current ones (`current`, their rows), which
    /// must not have started after it.
    package static func replaced(_ current: [Row], by new: NewCareContact) throws -> [CareContact] {
        let contacts = current.map(Decode.contact)
        if let later = contacts.first(where: { $0.from > new.from }) {
            throw StoreError.refused(.contactBeforeCurrent(since: later.from))
        }
        return contacts
    }

    /// The current contacts a new one of `role` replaces, over `:patient` and the new
    /// contact's unit `:contact_unit`.
    package static func currentPart(_ role: ContactRole) -> TaggedRead.Part {
        TaggedRead.Part("current_contact", """
            SELECT * FROM care_contact WHERE patient_id = :patient AND role = '\(role.rawValue)' AND to_date IS NULL
              AND (unit_id = :contact_unit OR role = 'named_physician')
            """, order: "id")
    }

    /// The patient's listings at the new contact's unit, over `:patient` and `:contact_unit`.
    package static let listingsPart = TaggedRead.Part("listing", """
        SELECT * FROM listing WHERE patient_id = :patient AND unit_id = :contact_unit
        """)

    /// The contact as the assigning call returns it.
    package static func assigned(_ id: RecordID, _ new: NewCareContact, reason: String) -> CareContact {
        CareContact(id: id, patientId: new.patientId, role: new.role, staffId: new.staffId, unitId: new.unitId,
                    reason: reason, from: new.from)
    }

    // MARK: Ending a contact

    package static func endReason(_ reason: String) throws -> String {
        try Validate.text(reason, field: .reason, max: 500)
    }

    /// A contact is ended once; one that has not started yet ends before it begins, on
    /// its first day: the day it ends.
    package static func endDay(_ contact: CareContact, _ day: LocalDate) throws -> LocalDate {
        guard contact.to == nil else { throw StoreError.refused(.contactAlreadyEnded) }
        return max(day, contact.from)
    }

    package static func endDetail(_ contact: CareContact) -> String {
        "end \(contact.role.rawValue) \(contact.staffId)"
    }

    // MARK: Annulment

    /// The reason of an annulment says something (`Reason`); refused before anything is read.
    package static func annulReason(_ reason: String) throws -> String {
        let reason = try Validate.text(reason, field: .reason, max: 500)
        guard Reason.isMeaningful(reason) else {
            throw StoreError.refused(.reasonSaysNothing(minimumLetters: Reason.minimumLetters))
        }
        return reason
    }

    /// Only the registering unit annuls, once.
    package static func mayAnnul(_ unit: UnitID, _ annulment: Annulment?, _ context: AccessContext) throws {
        guard annulment == nil else { throw StoreError.refused(.alreadyAnnulled) }
        guard unit == context.unitId else { throw StoreError.refused(.annulOwnUnitsOnly) }
    }

    /// An open contact annulled is also closed on its first day, so no "active contact"
    /// rule anywhere can count it; an ended one keeps its end.
    package static func annulledEnd(_ contact: CareContact) -> LocalDate { contact.to ?? contact.from }

    package static func annulEncounterDetail(_ id: RecordID) -> String { "annul encounter \(id)" }

    package static func annulContactDetail(_ contact: CareContact) -> String {
        "annul \(contact.role.rawValue) \(contact.staffId)"
    }

    // MARK: Rows

    package static func contact(_ row: Row) -> CareContact { Decode.contact(row) }
    package static func encounter(_ row: Row) -> Encounter { Decode.encounter(row) }
}
