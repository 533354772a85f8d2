import ArgumentParser
import Foundation
import NaraDomain
import NaraStore

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
            let store = try storeOptions.open()
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
        switch format {
        case .csv:
            return ([header] + records).map { $0.map(WorkListOutput.csvField).joined(separator: ",") }
                .joined(separator: "\n") + "\n"
        case .json:
            let objects = staff.map { s -> [String: Any] in
                ["id": s.id.rawValue, "name": CleanText.line(s.name), "profession": s.profession.rawValue,
                 "unit": s.unitId.rawValue, "roles": s.roles.map(\.rawValue).sorted(),
                 "hsa_id": s.hsaId ?? NSNull(), "active": s.active, "keys": keys[s.id] ?? 0]
            }
            let data = (try? JSONSerialization.data(withJSONObject: objects, options: [.sortedKeys])) ?? Data("[]".utf8)
            return String(decoding: data, as: UTF8.self) + "\n"
        case .table:
            guard !records.isEmpty else { return "No staff.\n" }
            let widths = header.indices.map { i in ([header[i]] + records.map { $0[i] }).map(\.count).max() ?? 0 }
            func line(_ r: [String]) -> String {
                r.enumerated().map { i, v in
                    i == r.count - 1 ? v : v.padding(toLength: widths[i], withPad: " ", startingAt: 0)
                }.joined(separator: "  ")
            }
            return ([line(header)] + records.map(line)).joined(separator: "\n") + "\n\(records.count) staff\n"
        }
    }
}
