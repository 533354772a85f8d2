import Foundation
import NaraDomain

/// Decides who the user is, once, at start. The identity comes only from `--user` (on
/// a server, from the forced command of the user's SSH key), never from what is typed
/// or from the environment the client may set (SECURITY.md).
public enum SessionResolver {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case userRequired
        case unknownUser(String)
        case inactiveUser(String)
        case unitMissing(String)
        case noDemoUser

        public var description: String {
            switch self {
            case .userRequired: return "this is a production store: name the staff member with --user"
            case .unknownUser(let id): return "unknown user '\(id)': no staff member has that id"
            case .inactiveUser(let id): return "user '\(id)' is deactivated"
            case .unitMissing(let id): return "the unit of user '\(id)' is missing from the store"
            case .noDemoUser: return "the demo store names no demo user; use --user"
            }
        }
    }

    public static func resolve(store: any CareStore, user: String?, environment: [String: String]) throws -> Session {
        let id: StaffID
        if let user, !user.isEmpty {
            id = StaffID(rawValue: user)
        } else if store.kind == .demo {
            guard let demo = store.demoUser else { throw Failure.noDemoUser }
            id = demo
        } else {
            throw Failure.userRequired
        }
        guard let staff = try store.staff(id) else { throw Failure.unknownUser(CleanText.line(id.rawValue)) }
        guard staff.active else { throw Failure.inactiveUser(id.rawValue) }
        guard let unit = try store.unit(staff.unitId) else { throw Failure.unitMissing(id.rawValue) }
        let context = AccessContext(staffId: staff.id, unitId: unit.id, clientAddress: clientAddress(environment),
                                    sessionId: newSessionId())
        return Session(staff: staff, unit: unit, isDemoStore: store.kind == .demo, context: context)
    }

    /// `SSH_CONNECTION` is "client-ip client-port server-ip server-port"; only the
    /// client's address goes to the access log.
    public static func clientAddress(_ environment: [String: String]) -> String? {
        guard let value = environment["SSH_CONNECTION"] else { return nil }
        let first = value.split(separator: " ").first.map(String.init) ?? ""
        let clean = first.filter { $0.isHexDigit || $0 == "." || $0 == ":" }
        return clean.isEmpty ? nil : String(clean.prefix(64))
    }

    static func newSessionId() -> String {
        String(UUID().uuidString.lowercased().prefix(18))
    }
}
