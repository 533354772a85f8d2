import ArgumentParser
import Foundation
import NaraDomain
import NaraStore

struct StaffAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a staff member, optionally with their SSH public key.",
        discussion: """
            Roles: \(StaffRole.allCases.map(\.rawValue).joined(separator: ", ")). Without a clinical role \
            (nurse, physician, other_licensed, municipal_nurse) the person can sign in but open no record. \
            Example: nara staff add --store /var/lib/nara/clinic.sqlite --id eva.berg --name "Eva Berg" \
            --profession district_nurse --unit SE2321000164-vc01 --role nurse --key eva.pub
            """
    )

    @OptionGroup var storeOptions: StoreOptions
    @Option(help: ArgumentHelp("Login name: 1–64 of a–z, 0–9, '.', '_', '-'.", valueName: "ID"))
    var id: String
    @Option(help: ArgumentHelp("Full name.", valueName: "NAME"))
    var name: String
    @Option(help: ArgumentHelp("One of: \(Profession.allCases.map(\.rawValue).joined(separator: ", ")).",
                               valueName: "PROFESSION"))
    var profession: String
    @Option(help: ArgumentHelp("The care unit's id.", valueName: "UNIT"))
    var unit: String
    @Option(help: ArgumentHelp("A role; repeat for several.", valueName: "ROLE"))
    var role: [String] = []
    @Option(help: ArgumentHelp("The person's HSA-id.", valueName: "HSA-ID"))
    var hsaId: String?
    @Option(help: ArgumentHelp("An OpenSSH public key file (one line: TYPE BASE64 [comment]).", valueName: "FILE"))
    var key: String?

    func run() throws {
        try reportingFailures {
            // Every check before the first write, so a refused command leaves nothing behind.
            let staff = try makeStaff()
            let parsed = try key.map(KeyFile.read)
            let store = try storeOptions.openOperator()
            if let parsed, let owner = try store.staffKeyOwner(parsed) {
                throw StoreError.invalid("this key is already on file for \(owner)")
            }
            try store.addStaff(staff)
            if let parsed { try store.addStaffKey(parsed, for: staff.id) }
            print("Added \(staff.id) (\(staff.profession.rawValue), \(staff.unitId))"
                  + (parsed.map { " with a key (\($0.type))" } ?? "") + ".")
            if !staff.roles.contains(where: { $0 != .administrator }) {
                Output.note("\(staff.id) has no clinical role and can open no record; add one with --role.")
            }
        }
    }

    func makeStaff() throws -> Staff {
        guard let profession = Profession(rawValue: profession) else {
            throw StoreError.invalid("unknown profession '\(CleanText.line(profession))'; one of: "
                + Profession.allCases.map(\.rawValue).joined(separator: ", "))
        }
        var roles = Set<StaffRole>()
        for raw in role {
            guard let r = StaffRole(rawValue: raw) else {
                throw StoreError.invalid("unknown role '\(CleanText.line(raw))'; one of: "
                    + StaffRole.allCases.map(\.rawValue).joined(separator: ", "))
            }
            roles.insert(r)
        }
        let staffId = StaffID(rawValue: id)
        guard StaffIDRules.isValid(staffId) else {
            throw StoreError.invalid("staff id '\(CleanText.line(id))' must be 1–64 of a–z, 0–9, '.', '_' or '-'")
        }
        let hsa = hsaId.map(CleanText.line).flatMap { $0.isEmpty ? nil : $0 }
        if let hsa, hsa.count > 64 { throw StoreError.invalid("--hsa-id is at most 64 characters") }
        return Staff(id: staffId, name: name, profession: profession, unitId: UnitID(rawValue: unit),
                     roles: roles, hsaId: hsa)
    }
}
