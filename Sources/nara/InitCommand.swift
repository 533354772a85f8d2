import ArgumentParser
import Foundation
import NaraDomain

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create an empty production store with its first care unit and an administrator.",
        discussion: """
            Example: nara init --store /var/lib/nara/clinic.sqlite --unit-id SE2321000164-vc01 \
            --unit-name "Vårdcentralen Ekbacken" --admin anna.lund --admin-name "Anna Lund"
            """
    )

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: ArgumentHelp("The first unit's id, usually its HSA-id.", valueName: "ID"))
    var unitId: String
    @Option(help: ArgumentHelp("The first unit's name.", valueName: "NAME"))
    var unitName: String
    @Option(help: ArgumentHelp("The unit's kind: \(UnitKind.allCases.map(\.rawValue).joined(separator: ", ")).",
                               valueName: "KIND"))
    var unitKind: String = UnitKind.primaryCare.rawValue
    @Option(help: ArgumentHelp("Who runs the unit: region, municipality or private.", valueName: "PRINCIPAL"))
    var principal: String = Principal.region.rawValue
    @Option(help: ArgumentHelp("The administrator's login name (a–z, 0–9, '.', '_', '-').", valueName: "ID"))
    var admin: String
    @Option(help: ArgumentHelp("The administrator's full name.", valueName: "NAME"))
    var adminName: String
    @Option(help: ArgumentHelp("The administrator's profession.", valueName: "PROFESSION"))
    var adminProfession: String = Profession.coordinator.rawValue

    func validate() throws {
        guard UnitKind(rawValue: unitKind) != nil else { throw ValidationError("unknown unit kind '\(unitKind)'") }
        guard Principal(rawValue: principal) != nil else { throw ValidationError("unknown principal '\(principal)'") }
        guard Profession(rawValue: adminProfession) != nil else {
            throw ValidationError("unknown profession '\(adminProfession)'; one of: "
                + Profession.allCases.map(\.rawValue).joined(separator: ", "))
        }
    }

    func run() throws {
        try reportingFailures {
            if storeOptions.exists {
                throw StoreError.duplicate("a store at \(storeOptions.shown)")
            }
            let store = try storeOptions.create()
            do {
                let unit = UnitID(rawValue: unitId)
                try store.addUnit(CareUnit(id: unit, name: unitName, principal: Principal(rawValue: principal)!,
                                           kind: UnitKind(rawValue: unitKind)!))
                try store.addStaff(Staff(id: StaffID(rawValue: admin), name: adminName,
                                         profession: Profession(rawValue: adminProfession)!, unitId: unit,
                                         roles: [.administrator]))
            } catch {
                storeOptions.removeUnfinished()
                throw error
            }
            print("Created production store \(Output.clean(storeOptions.shown)) with unit \(unitId) and administrator \(admin).")
        }
    }
}
