import ArgumentParser
import Foundation
import NaraDomain
import NaraFHIR
import NaraStore

/// `nara export`: a store, or one patient, as a FHIR R4 collection Bundle.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the store, or one patient, as a FHIR R4 collection Bundle.",
        discussion: """
            Swedish identifier systems (HL7 Sweden's base profiles); every exported patient gets an export row \
            in the access log. Without --out the Bundle goes to standard output.
            Example: nara export --store clinic.sqlite --patient 19121212-1212 --out patient.json --user anna.lund
            """
    )

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var userOption: UserOption
    @Option(help: ArgumentHelp("Only this patient (personnummer, samordningsnummer or reservnummer).", valueName: "ID"))
    var patient: String?
    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "FILE"))
    var out: String?
    @Flag(help: "Indent the JSON for reading.")
    var pretty = false

    func run() throws {
        try reportingFailures {
            var patientId: PatientID?
            let store = try storeOptions.open()
            if let patient {
                let identifier: PersonIdentifier
                do { identifier = try PersonIdentifier.parse(patient, today: SystemClock().today) } catch {
                    throw StoreError.invalid("--patient: \(error)")
                }
                guard let id = try store.patientID(for: identifier) else {
                    throw StoreError.notFound("patient \(identifier.display)")
                }
                patientId = id
            }
            let context = try ExchangeContext.make(store, user: userOption.user,
                                                   requireUser: store.kind == .production)
            let target = out.map { ($0 as NSString).lastPathComponent } ?? "standard output"
            let batch = try store.exportBatch(patient: patientId, as: context, detail: "FHIR export to \(target)")
            let text = FHIRWriter(batch).bundle().serialized(indent: pretty ? 2 : nil) + "\n"
            if let out {
                let temp = out + ".partial"
                guard FileManager.default.createFile(atPath: temp, contents: Data(text.utf8),
                                                     attributes: [.posixPermissions: 0o600]) else {
                    throw StoreError.invalid("\(out): cannot be written")
                }
                guard rename(temp, out) == 0 else {
                    try? FileManager.default.removeItem(atPath: temp)
                    throw StoreError.invalid("\(out): cannot be written (\(String(cString: strerror(errno))))")
                }
                Output.note("Exported \(batch.patients.count) patients (\(batch.count) resources) to \(out).")
            } else {
                FileHandle.standardOutput.write(Data(text.utf8))
            }
        }
    }
}
