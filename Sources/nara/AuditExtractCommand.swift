import ArgumentParser
import Foundation
import NaraApp
import NaraDomain
import NaraStore

/// `nara audit extract`: who opened a patient's record, from which unit, when, doing what.
struct AuditExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Print every access-log row about one patient.",
        discussion: "Taking an extract is itself a look at patient data: it is logged as an export under --user."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, csv, json
    }

    @Option(help: ArgumentHelp("The patient's personnummer or samordningsnummer.", valueName: "ID"))
    var patient: String
    /// The staff member taking the extract (`--user`, required).
    @OptionGroup var userOption: UserOption
    @OptionGroup var storeOptions: StoreOptions
    @Option(help: ArgumentHelp("Output format: table, csv or json.", valueName: "FORMAT"))
    var format: Format = .table

    func run() throws {
        try reportingFailures {
            let identifier: PersonIdentifier
            do {
                identifier = try PersonIdentifier.parse(patient, today: SystemClock().today)
            } catch {
                throw StoreError.invalid("--patient: \(error)")
            }
            let store = try storeOptions.open()
            guard userOption.user != nil else { throw StoreError.invalid("name the staff member taking the extract with --user") }
            let session = try SessionResolver.resolve(store: store, user: userOption.user,
                                                      environment: ProcessInfo.processInfo.environment)
            guard let patientId = try store.patientID(for: identifier) else {
                throw StoreError.notFound("patient \(identifier.display)")
            }
            // Refused unless the user reviews logs or may open the record; logged by the store.
            let entries = try store.accessLogExtract(patient: patientId, as: session.context)
            var unitNames: [UnitID: String] = [:], staffNames: [StaffID: String] = [:]
            for entry in entries {
                if unitNames[entry.unitId] == nil { unitNames[entry.unitId] = try store.unit(entry.unitId)?.name ?? "" }
                if staffNames[entry.staffId] == nil { staffNames[entry.staffId] = try store.staff(entry.staffId)?.name ?? "" }
            }
            let rows = entries.map { AuditExtractOutput.Row($0, unitName: unitNames[$0.unitId] ?? "",
                                                             staffName: staffNames[$0.staffId] ?? "") }
            print(AuditExtractOutput.render(rows, format: format), terminator: "")
        }
    }
}
