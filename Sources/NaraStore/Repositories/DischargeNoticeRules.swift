import Foundation
import GRDB
import NaraDomain

/// The rules of the ward's notices of a hospital stay (lag 2017:612), with one owner for
/// every store: what is refused and in which words, what the log row says, and the SQL
/// of the reads. A store reads the facts its own way, in its own transaction, and asks
/// these in the order they are written here, so both stores refuse the same request
/// with the same error.
package enum DischargeNoticeRules {
    /// A step on an open stay after the admission notice: the ready notice or the discharge.
    package enum Step: Sendable {
        case ready, discharge

        /// The log row's detail, naming the ward.
        package func detail(_ ward: UnitID) -> String {
            switch self {
            case .ready: return "ready for discharge at \(ward)"
            case .discharge: return "discharged from \(ward)"
            }
        }

        /// The refusal of a day before the stay's admission.
        package var beforeAdmission: StoreError {
            switch self {
            case .ready: return StoreError.invalid("the ready day is before the admission")
            case .discharge: return StoreError.refused(.dischargeBeforeAdmission)
            }
        }
    }

    // MARK: Requests refused before anything is read

    /// An admission has happened, and an expected discharge does not come before it.
    package static func checkAdmission(admittedOn: LocalDate, expectedDischargeOn: LocalDate?,
                                       today: LocalDate) throws {
        guard admittedOn <= today else { throw StoreError.invalid("the admission day is in the future") }
        if let expectedDischargeOn, expectedDischargeOn < admittedOn {
            throw StoreError.refused(.dischargeBeforeAdmission)
        }
    }

    /// A step is recorded once it has happened.
    package static func checkStepDay(_ day: LocalDate, today: LocalDate) throws {
        guard day <= today else { throw StoreError.invalid("\(day.iso) is in the future") }
    }

    // MARK: Refusals on what the store read

    /// Notices come from a hospital ward. `unit` is the unit the request names (it
    /// refuses one that does not exist).
    package static func requireWard(_ ward: UnitID, unit: (UnitID) throws -> CareUnit) throws {
        guard try unit(ward).kind == .hospital else { throw StoreError.invalid("\(ward) is not a hospital ward") }
    }

    /// One open stay per ward and patient.
    package static func checkNoOpen(_ open: DischargeNotice?, ward: UnitID) throws {
        if open != nil { throw duplicateOpen(ward) }
    }

    /// The open stay a step is recorded on, on a day no earlier than its admission.
    package static func requireOpen(_ open: DischargeNotice?, ward: UnitID, day: LocalDate,
                                    step: Step) throws -> DischargeNotice {
        guard let open else { throw noOpenNotice(ward) }
        guard day >= open.admittedOn else { throw step.beforeAdmission }
        return open
    }

    package static func duplicateOpen(_ ward: UnitID) -> StoreError {
        StoreError.duplicate("an open admission notice from \(ward)")
    }

    package static func noOpenNotice(_ ward: UnitID) -> StoreError {
        StoreError.notFound("an open admission notice from \(ward); record the admission notice first")
    }

    // MARK: Log rows and reads

    package static func admissionDetail(_ ward: UnitID) -> String { "admission notice from \(ward)" }
    package static let noticesDetail = "discharge notices"

    /// The notices the grant lets the user see: those recorded at a unit whose
    /// coordination the user sees.
    package static func visible(_ notices: [DischargeNotice], _ grant: AccessGrant) -> [DischargeNotice] {
        notices.filter { grant.sees(.coordination, documentedAt: $0.unitId) }
    }

    /// The open stay of `:patient` at the ward `:ward`, the latest first.
    package static let openPart = TaggedRead.Part("open_notice", """
        SELECT * FROM discharge_notice WHERE patient_id = :patient AND ward_unit_id = :ward AND discharged_on IS NULL
        """, order: "id DESC")

    /// A patient's stays with the ward's name, the latest admission first, over `:patient`.
    package static let noticesPart = TaggedRead.Part("notices", """
        SELECT n.*, (SELECT u.name FROM care_unit u WHERE u.id = n.ward_unit_id) AS ward_name
          FROM discharge_notice n WHERE n.patient_id = :patient
        """, order: "admitted_on DESC, id DESC")
}
