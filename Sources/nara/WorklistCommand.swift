import ArgumentParser
import Foundation
import NaraApp
import NaraDomain

struct WorklistCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worklist",
        abstract: "Print one of a unit's proactive work lists.",
        discussion: """
            Lists: \(WorkListKind.allCases.map(\.rawValue).joined(separator: ", ")). The unit is --unit, else the \
            unit of --user, else (on a demo store) the demo user's unit. Opening a work list is a look at \
            patient data: it is written to the access log as an export. `my-patients` lists the patients --user \
            is fast vårdkontakt or fast läkarkontakt for today (Mina patienter), with the last encounter at the \
            user's unit.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, csv, json
    }

    @Argument(help: ArgumentHelp("The list.", valueName: "NAME"))
    var name: String
    @OptionGroup var storeOptions: StoreOptions
    @Option(help: ArgumentHelp("Output format: table, csv or json.", valueName: "FORMAT"))
    var format: Format = .table
    @Option(help: ArgumentHelp("The care unit whose list to print.", valueName: "ID"))
    var unit: String?
    /// Shared with the top command: ArgumentParser gives `--user` to the command that
    /// declares it first, so every command takes it from the same option group.
    @OptionGroup var userOption: UserOption
    var user: String? { userOption.user }
    @Option(help: ArgumentHelp("The day to evaluate the rules on (YYYY-MM-DD), default today.", valueName: "DATE"))
    var today: String?
    @Option(help: ArgumentHelp("At most this many patients.", valueName: "N"))
    var limit: Int = 500

    func validate() throws {
        guard WorkListKind(rawValue: name) != nil || name == Self.myPatients else {
            throw ValidationError("unknown work list '\(name)'; one of: "
                + (WorkListKind.allCases.map(\.rawValue) + [Self.myPatients]).joined(separator: ", "))
        }
        if name == Self.myPatients && user == nil { throw ValidationError("my-patients needs --user") }
        if let today, LocalDate(iso: today) == nil { throw ValidationError("--today must be YYYY-MM-DD") }
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
    }

    static let myPatients = "my-patients"

    func run() throws {
        try reportingFailures {
            let store = try storeOptions.open()
            let session = try SessionResolver.resolve(store: store, user: user,
                                                      environment: ProcessInfo.processInfo.environment)
            guard let kind = WorkListKind(rawValue: name) else {
                let rows = try store.myPatients(limit: limit, as: session.context)
                print(MyPatientsOutput.render(rows, format: format), terminator: "")
                return
            }
            let unitId = unit.map { UnitID(rawValue: $0) } ?? session.unit.id
            guard try store.unit(unitId) != nil else { throw StoreError.notFound("unit \(unitId)") }
            let day = today.flatMap(LocalDate.init(iso:)) ?? SystemClock().today
            // The store applies the policy and logs each patient printed.
            let rows = try store.workList(kind, unit: unitId, settings: .default, today: day, limit: limit,
                                          as: session.context)
            print(WorkListOutput.render(rows, format: format, today: day), terminator: "")
        }
    }
}

/// The three output formats. Protected identities stay masked in every one.
enum WorkListOutput {
    static func render(_ rows: [WorkListRow], format: WorklistCommand.Format, today: LocalDate) -> String {
        let records = rows.map { row -> [String] in
            // A deceased patient is marked as on every screen: † and the day when known.
            [row.patient.identifier.display, (row.patient.name ?? "Skyddad identitet")
                + (row.patient.deceased ? " †" + (row.patient.deceasedOn.map { " " + $0.iso } ?? "") : ""),
             row.patient.birthDate.map { String($0.age(on: today)) } ?? "", row.patient.listingUnitName ?? "",
             row.entry.summary]
        }
        let table = CommandTable(header: ["identifier", "name", "age", "listing_unit", "reason"], rows: records,
                                 rightAligned: [2])
        switch format {
        case .csv: return table.csv()
        case .json:
            return table.json { i in
                let p = rows[i].patient
                return ["kind": rows[i].entry.kind.rawValue, "deceased": p.deceased,
                        "deceased_on": p.deceasedOn.map { $0.iso as Any } ?? NSNull()]
            }
        case .table:
            guard !records.isEmpty else { return "No patients on this list.\n" }
            return table.text() + "\(records.count) patients\n"
        }
    }
}

/// Mina patienter in the three formats; protected identities stay masked.
enum MyPatientsOutput {
    static func render(_ rows: [MyPatientRow], format: WorklistCommand.Format) -> String {
        let table = CommandTable(header: ["identifier", "name", "role", "since", "last_encounter", "next_planned", "coc",
                                          "work_lists"],
                                 rows: rows.map { r in
            [r.patient.identifier.display, (r.patient.name ?? "Skyddad identitet") + (r.patient.deceased ? " †" : ""),
             r.role.rawValue, r.since.iso, r.lastEncounter.map { WallClock.dateTime($0) } ?? "",
             r.nextPlanned?.iso ?? "", r.coc.map { String(format: "%.2f", $0) } ?? "",
             r.alerts.map(\.kind.rawValue).joined(separator: " ")]
        })
        switch format {
        case .csv: return table.csv()
        case .json: return table.json()
        case .table:
            guard !rows.isEmpty else { return "You are named contact for no patient today.\n" }
            return table.text() + "\(rows.count) patients\n"
        }
    }
}
