import ArgumentParser
import Foundation
import NaraApp
import NaraDomain

/// The hospital's notices under lag (2017:612) om samverkan vid utskrivning, recorded at
/// the vårdcentral of --user: they put the patient on the lists `admissions` and
/// `ready-for-discharge`, and the discharge on `discharged`.
struct DischargeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "discharge",
        abstract: "Record a hospital ward's admission, ready-for-discharge and discharge notices.",
        discussion: """
            An admission notice (inskrivningsmeddelande) opens a stay at the ward --unit; a fast vårdkontakt is \
            to be appointed at the listing vårdcentral before the patient is discharged. A ready notice \
            (utskrivningsklar) starts the \(DischargeNotice.planCallDays) days within which the SIP is to be \
            called. The discharge closes the stay. Each step is written for the unit of --user and logged.
            """,
        subcommands: [Notice.self, Ready.self, Discharged.self, List.self]
    )

    struct Ward: ParsableArguments {
        @Option(help: ArgumentHelp("The hospital ward that sent the notice (a care unit id).", valueName: "WARD"))
        var unit: String
        var ward: UnitID { UnitID(rawValue: unit) }
    }

    /// A day option that defaults to today.
    struct Day: ParsableArguments {
        @Option(help: ArgumentHelp("The day of the notice (YYYY-MM-DD), default today.", valueName: "DATE"))
        var on: String?

        func validate() throws {
            if let on, LocalDate(iso: on) == nil { throw ValidationError("--on must be YYYY-MM-DD") }
        }

        var day: LocalDate { on.flatMap(LocalDate.init(iso:)) ?? SystemClock().today }
    }

    struct Notice: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record an admission notice (inskrivningsmeddelande).")
        @OptionGroup var target: BlockCommand.Target
        @OptionGroup var ward: Ward
        @Option(help: ArgumentHelp("The day of admission (YYYY-MM-DD), default today.", valueName: "DATE"))
        var admitted: String?
        @Option(help: ArgumentHelp("The day the ward expects to discharge the patient (YYYY-MM-DD).", valueName: "DATE"))
        var expected: String?

        func validate() throws {
            for (name, value) in [("--admitted", admitted), ("--expected", expected)] {
                if let value, LocalDate(iso: value) == nil { throw ValidationError("\(name) must be YYYY-MM-DD") }
            }
        }

        func run() throws {
            try reportingFailures {
                let (store, context, id) = try target.resolve()
                let n = try store.recordAdmissionNotice(id, ward: ward.ward,
                                                        admittedOn: admitted.flatMap(LocalDate.init(iso:))
                                                            ?? SystemClock().today,
                                                        expectedDischargeOn: expected.flatMap(LocalDate.init(iso:)),
                                                        as: context)
                print("Admission notice recorded: admitted \(n.admittedOn.iso) at \(n.wardUnitId)"
                      + (n.expectedDischargeOn.map { ", expected discharge \($0.iso)" } ?? "")
                      + ". Appoint a named care contact before the discharge.")
            }
        }
    }

    /// A step on the open stay at the ward, on one day.
    struct Step: ParsableArguments {
        @OptionGroup var target: BlockCommand.Target
        @OptionGroup var ward: Ward
        @OptionGroup var day: Day

        func run(_ step: (any CareStore, AccessContext, PatientID) throws -> String) throws {
            try reportingFailures {
                let (store, context, id) = try target.resolve()
                print(try step(store, context, id))
            }
        }
    }

    struct Ready: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record that the patient is ready for discharge.")
        @OptionGroup var step: Step

        func run() throws {
            try step.run { store, context, id in
                let n = try store.recordReadyForDischarge(id, ward: step.ward.ward, readyOn: step.day.day, as: context)
                return "Ready for discharge \(step.day.day.iso) at \(n.wardUnitId). Call the SIP by \(n.planCallDue?.iso ?? "-")."
            }
        }
    }

    struct Discharged: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record the discharge, closing the stay.")
        @OptionGroup var step: Step

        func run() throws {
            try step.run { store, context, id in
                let n = try store.recordDischargeOfNotice(id, ward: step.ward.ward, dischargedOn: step.day.day,
                                                          as: context)
                return "Discharged \(step.day.day.iso) from \(n.wardUnitId) (admitted \(n.admittedOn.iso))."
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the patient's hospital stays by the notices.")
        @OptionGroup var target: BlockCommand.Target
        @Option(help: ArgumentHelp("Output format: table, csv or json.", valueName: "FORMAT"))
        var format: WorklistCommand.Format = .table

        func run() throws {
            try reportingFailures {
                let (store, context, id) = try target.resolve()
                let notices = try store.dischargeNotices(of: id, as: context)
                let table = CommandTable(
                    header: ["ward", "admitted", "expected", "ready", "sip_due", "discharged", "recorded_by"],
                    rows: notices.map { n in
                        [n.wardUnitId.rawValue, n.admittedOn.iso, n.expectedDischargeOn?.iso ?? "",
                         n.readyOn?.iso ?? "", n.planCallDue?.iso ?? "", n.dischargedOn?.iso ?? "",
                         n.recordedBy.rawValue]
                    })
                switch format {
                case .csv: print(table.csv(), terminator: "")
                case .json: print(table.json(), terminator: "")
                case .table: print(notices.isEmpty ? "No discharge notices.\n" : table.text(), terminator: "")
                }
            }
        }
    }
}
