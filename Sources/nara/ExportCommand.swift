import ArgumentParser
import Foundation
import NaraApp
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
    @Flag(help: "Replace the file named by --out when it exists.")
    var force = false

    func run() throws {
        try reportingFailures {
            var patientId: PatientID?
            if let out, !force, FileManager.default.fileExists(atPath: out) {
                throw StoreError.duplicate("a file at \(out) (use --force to replace it)")
            }
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
            let context = try SessionResolver.resolve(store: store, user: userOption.user,
                                                      environment: ProcessInfo.processInfo.environment).context
            let target = out.map { ($0 as NSString).lastPathComponent } ?? "standard output"
            let batch = try store.exportBatch(patient: patientId, as: context, detail: "FHIR export to \(target)")
            let writer = FHIRWriter(batch)
            if let out {
                let temp = try StoreFiles.temporary(beside: out, tag: "partial")
                guard let handle = FileHandle(forWritingAtPath: temp) else {
                    try? FileManager.default.removeItem(atPath: temp)
                    throw StoreError.invalid("\(out): cannot be written")
                }
                do {
                    try Self.emit(writer, pretty: pretty, to: handle)
                    try handle.synchronize()
                    try handle.close()
                } catch {
                    try? FileManager.default.removeItem(atPath: temp)
                    throw StoreError.invalid("\(out): cannot be written (\(error.localizedDescription))")
                }
                guard rename(temp, out) == 0 else {
                    try? FileManager.default.removeItem(atPath: temp)
                    throw StoreError.invalid("\(out): cannot be written (\(String(cString: strerror(errno))))")
                }
                Output.note("Exported \(batch.patients.count) patients (\(batch.count) resources) to \(out).")
            } else {
                try Self.emit(writer, pretty: pretty, to: FileHandle.standardOutput)
            }
        }
    }

    /// In blocks of about a megabyte: one write a resource would be slow, one for the
    /// whole file would need it all in memory.
    static func emit(_ writer: FHIRWriter, pretty: Bool, to handle: FileHandle) throws {
        if pretty {
            try handle.write(contentsOf: Data((writer.bundle().serialized(indent: 2) + "\n").utf8))
            return
        }
        var buffer = ""
        try writer.write { piece in
            buffer += piece
            if buffer.utf8.count > 1 << 20 {
                try handle.write(contentsOf: Data(buffer.utf8))
                buffer = ""
            }
        }
        try handle.write(contentsOf: Data((buffer + "\n").utf8))
    }
}
