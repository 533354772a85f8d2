import Foundation
import NaraDomain
import NaraStore

/// Who an import or export is logged as: the staff member named with `--user`, else
/// the account running the command (an import into a new store has no staff yet).
enum ExchangeContext {
    static func make(_ store: SQLiteStore, user: String?, requireUser: Bool,
                     arriving: [Staff] = []) throws -> AccessContext {
        if let user {
            // The first import into a new store brings the staff with it.
            guard let staff = try store.staff(StaffID(rawValue: user)) ?? arriving.first(where: { $0.id.rawValue == user })
            else {
                throw StoreError.invalid("unknown user '\(user)'")
            }
            return AccessContext(staffId: staff.id, unitId: staff.unitId, sessionId: "cli-\(getpid())")
        }
        if let demo = store.demoUser, let staff = try store.staff(demo) {
            return AccessContext(staffId: staff.id, unitId: staff.unitId, sessionId: "cli-\(getpid())")
        }
        guard !requireUser else { throw StoreError.invalid("name the staff member with --user") }
        let account = ProcessInfo.processInfo.environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? "uid\(getuid())"
        return AccessContext(staffId: StaffID(rawValue: "account:" + account), unitId: UnitID(rawValue: "-"),
                             sessionId: "cli-\(getpid())")
    }
}
