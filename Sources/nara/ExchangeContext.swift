import Foundation
import NaraApp
import NaraDomain

/// Who an import is logged as. As for any session (`SessionResolver`), with two more
/// cases: the first import into a new store brings its staff with it, so `--user` may
/// name someone in the file; and without `--user` on a production store the account
/// that ran the command is logged, since a new store has no staff at all.
enum ExchangeContext {
    static func forImport(_ store: any CareStore, user: String?, arriving: [Staff]) throws -> AccessContext {
        let environment = ProcessInfo.processInfo.environment
        do {
            return try SessionResolver.resolve(store: store, user: user, environment: environment).context
        } catch SessionResolver.Failure.userRequired {
            let account = environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? "uid\(getuid())"
            return AccessContext(staffId: StaffID(rawValue: "account:" + account), unitId: UnitID(rawValue: "-"),
                                 clientAddress: SessionResolver.clientAddress(environment), sessionId: "cli-\(getpid())")
        } catch SessionResolver.Failure.unknownUser(let id) {
            guard let staff = arriving.first(where: { $0.id.rawValue == user && $0.active }) else {
                throw SessionResolver.Failure.unknownUser(id)
            }
            return AccessContext(staffId: staff.id, unitId: staff.unitId,
                                 clientAddress: SessionResolver.clientAddress(environment), sessionId: "cli-\(getpid())")
        }
    }
}
