import ArgumentParser
import Foundation
import NaraDomain
import NaraFHIR

/// `nara import`: FHIR R4 files into a store, each file whole or not at all.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import FHIR R4 JSON files (Bundles or NDJSON) into a store.",
        discussion: """
            Reads Patient (personnummer, samordningsnummer, reservnummer), Practitioner, PractitionerRole, \
            Organization, Encounter, ServiceRequest and Task (referrals), CareTeam (named contacts), Condition \
            (problems), CarePlan (coordinated plans) and Observation (HbA1c, blood pressure, weight, BMI, eGFR, \
            smoking status). Each file is imported in one transaction: a file with an \
            error imports nothing, and the error names the resource and the field. A patient already in the store \
            (matched by identifier) takes the file's name, address, phone, protected identity and death, as an edit \
            by --user would, unless the store changed the record after the file's meta.lastUpdated (a conflict, \
            held back and reported, exit status 1); other records already there are left as they are, so \
            importing a file again changes nothing. --dry-run prints what would change and writes nothing. A store path \
            where no store exists yet becomes a new, empty production store. A file larger than 512 MiB is \
            refused before it is read: split it (NDJSON by lines, a Bundle by entries).
            Example: nara import export.json --store /var/lib/nara/clinic.sqlite --user anna.lund
            """
    )

    @Argument(help: ArgumentHelp("FHIR JSON or NDJSON files.", valueName: "FILE"))
    var files: [String]
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var userOption: UserOption
    @Flag(help: "Print what each patient would change (field: old → new) and write nothing.")
    var dryRun = false
    @Option(help: .hidden) var today: String?

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("name at least one file to import") }
        if let today, LocalDate(iso: today) == nil { throw ValidationError("--today must be YYYY-MM-DD") }
    }

    func run() throws {
        try reportingFailures {
            let day = today.flatMap(LocalDate.init(iso:)) ?? SystemClock().today
            // Every file is read and checked before the store is touched: a broken file
            // or a typo in a name leaves no half-made store behind.
            var batches: [(file: String, batch: ExchangeBatch)] = []
            var failed = 0
            let bar = Output.stdoutIsTerminal ? ProgressBar() : nil
            for (n, file) in files.enumerated() {
                bar?.show("\((file as NSString).lastPathComponent): reading", done: n, total: files.count)
                do {
                    let bytes = try FHIRReader.readFile(file)
                    batches.append((file, try FHIRReader(today: day).read(bytes: bytes)))
                } catch {
                    bar?.finish()
                    Output.error("\(file): \(error)\n  nothing from this file was imported")
                    failed += 1
                }
            }
            bar?.finish()
            guard !batches.isEmpty else { throw ExitCode(1) }
            let path = storeOptions.path
            let created = !storeOptions.exists
            // The default path belongs to the demo store: real data goes where it is named.
            if created && dryRun {
                throw StoreError.invalid("\(path): no store here for a dry run to compare with")
            }
            if created && storeOptions.isDefaultDemoStore {
                throw StoreError.invalid("name the store to import into with --store PATH (or NARA_STORE)")
            }
            let store: any CareStore
            if created {
                store = try storeOptions.create()
                Output.note("Created a new, empty production store at \(storeOptions.shown).")
            } else {
                store = try storeOptions.open()
            }
            let context = try ExchangeContext.forImport(store, user: userOption.user,
                                                        arriving: batches.flatMap { $0.batch.staff.map(\.value) })
            for (file, batch) in batches {
                let name = (file as NSString).lastPathComponent
                do {
                    let summary = try store.importBatch(batch, source: name, as: context, dryRun: dryRun) { done, total in
                        bar?.show("\(name): \(dryRun ? "comparing" : "writing")", done: done, total: total)
                    }
                    bar?.finish()
                    print(ImportOutput.summary(file: file, summary, dryRun: dryRun))
                    for conflict in summary.conflicts { Output.error("\(file): \(conflict)") }
                    if !summary.conflicts.isEmpty { failed += 1 }
                } catch {
                    bar?.finish()
                    failed += 1
                    Output.error("\(file): \(error)\n  nothing from this file was imported")
                }
            }
            if failed > 0 { throw ExitCode(1) }
        }
    }
}

enum ImportOutput {
    static func summary(file: String, _ s: ExchangeSummary, dryRun: Bool = false) -> String {
        let would = dryRun ? " (dry run: nothing written)" : ""
        var lines = ["\(Output.clean(file)): \(s.totalCreated) new, \(s.totalUpdated) updated, "
                        + "\(s.totalUnchanged) already in the store"
                        + (s.patientsWritten > 0 && !dryRun ? ", \(s.patientsWritten) patients written" : "")
                        + (s.conflicts.isEmpty ? "" : ", \(s.conflicts.count) held back") + would]
        let types = Set(s.created.keys).union(s.unchanged.keys).union(s.updated.keys).sorted()
        for t in types {
            lines.append("  \(t.padding(toLength: 16, withPad: " ", startingAt: 0)) \(String(format: "%7d", s.created[t] ?? 0)) new  \(String(format: "%7d", s.updated[t] ?? 0)) updated  \(String(format: "%7d", s.unchanged[t] ?? 0)) unchanged")
        }
        for change in s.changes {
            lines.append("  \(change.patient) \(Output.clean(change.resource)):")
            for f in change.fields {
                lines.append(change.protectedIdentity && f.name != "protection" && f.name != "deceased"
                             ? "    \(f.name): changed (protected identity: values not shown)"
                             : "    \(f.name): \(Output.clean(f.old)) → \(Output.clean(f.new))")
            }
        }
        for (t, n) in s.skipped.sorted(by: { $0.key < $1.key }) {
            lines.append("  skipped: \(n) × \(t)")
        }
        if s.localIdentifiers > 0 {
            lines.append("  flagged: \(s.localIdentifiers) identifiers outside the Swedish systems kept as local identifiers")
        }
        return lines.joined(separator: "\n")
    }
}
