import ArgumentParser
import Foundation
import NaraDomain

struct StaffListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List staff: login, name, profession, unit, roles, whether active, and keys on file."
    )

    @OptionGroup var storeOptions: StoreOptions
    @Option(help: ArgumentHelp("Only this care unit's staff.", valueName: "UNIT"))
    var unit: String?
    @Option(help: ArgumentHelp("Output format: table, csv or json.", valueName: "FORMAT"))
    var format: WorklistCommand.Format = .table

    func run() throws {
        try reportingFailures {
            let store = try storeOptions.openOperator()
            let unitId = unit.map { UnitID(rawValue: $0) }
            if let unitId, try store.unit(unitId) == nil { throw StoreError.notFound("unit \(unitId)") }
            let staff = try store.staffList(unit: unitId).sorted { $0.id < $1.id }
            print(StaffOutput.render(staff, keys: try store.staffKeyCounts(), format: format), terminator: "")
        }
    }
}

enum StaffOutput {
    static let header = ["id", "name", "profession", "unit", "roles", "hsa_id", "active", "keys"]

    static func render(_ staff: [Staff], keys: [StaffID: Int], format: WorklistCommand.Format) -> String {
        let records = staff.map { s -> [String] in
            [s.id.rawValue, CleanText.line(s.name), s.profession.rawValue, s.unitId.rawValue,
             s.roles.map(\.rawValue).sorted().joined(separator: " "), s.hsaId ?? "", s.active ? "yes" : "no",
             String(keys[s.id] ?? 0)]
        }
        let table = CommandTable(header: header, rows: records, rightAligned: [7])
        switch format {
        case .csv: return table.csv()
        case .json:
            // Typed values: roles a list, active a boolean, keys a number, no HSA-id null.
            return CommandTable.json(staff.map { s -> [String: Any] in
                ["id": s.id.rawValue, "name": CleanText.line(s.name), "profession": s.profession.rawValue,
                 "unit": s.unitId.rawValue, "roles": s.roles.map(\.rawValue).sorted(),
                 "hsa_id": s.hsaId ?? NSNull(), "active": s.active, "keys": keys[s.id] ?? 0]
            })
        case .table:
            guard !records.isEmpty else { return "No staff.\n" }
            return table.text() + "\(records.count) staff\n"
        }
    }
}
