import ArgumentParser
import Foundation
import NaraApp
import NaraDomain

/// `nara audit extract`: who opened a patient's record, from which unit, when, doing what.
struct AuditExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Print a patient's log extract: which unit, who, when and what kind of access.",
        discussion: """
            In words the patient can judge (Patientdatalagen 8 kap 5 §): the unit, the person at public providers \
            (a private provider's staff are named by unit only), the time and the kind of access; no internal \
            codes. In Swedish, or English with --lang en. --user must review logs or be able to open the \
            record. Taking an extract is itself logged as an export under --user.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, table, csv, json
    }

    @Option(help: ArgumentHelp("The patient's personnummer or samordningsnummer.", valueName: "ID"))
    var patient: String
    /// The staff member taking the extract (`--user`, required).
    @OptionGroup var userOption: UserOption
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var languageOption: LanguageOption
    var lang: String { languageOption.lang?.lowercased() ?? "sv" }
    @Option(help: ArgumentHelp("Output format: text, table, csv or json.", valueName: "FORMAT"))
    var format: Format = .table

    func validate() throws {
        guard Language(rawValue: lang) != nil else { throw ValidationError("--lang must be sv or en") }
    }

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
            var units: [UnitID: CareUnit] = [:], staffNames: [StaffID: String] = [:]
            for entry in entries {
                if units[entry.unitId] == nil { units[entry.unitId] = try store.unit(entry.unitId) }
                if staffNames[entry.staffId] == nil { staffNames[entry.staffId] = try store.staff(entry.staffId)?.name ?? "" }
            }
            let words = AccessLogWords(Language(rawValue: lang) ?? .sv)
            let rows = entries.map { e in
                AuditExtractOutput.Row(e, unitName: units[e.unitId]?.name ?? e.unitId.rawValue,
                                       person: words.person(staffNames[e.staffId] ?? "", at: units[e.unitId]?.principal),
                                       words: words)
            }
            print(AuditExtractOutput.render(rows, format: format, language: words.language), terminator: "")
        }
    }
}
