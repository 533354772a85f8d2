import NaraDomain
import PostgresNIO

/// The server's errors in the store's terms, by SQLSTATE class, as `StoreError+SQLite`
/// does for SQLite's codes. The server's own message goes along for the administrator;
/// postgres-nio's description of an error hides it on purpose, so it is read here from
/// the error's fields.
enum PostgresErrors {
    static func map(_ error: any Error, location: PostgresLocation, connecting: Bool) -> StoreError {
        if let error = error as? StoreError { return error }
        guard let error = error as? PSQLError else {
            return connecting ? .unavailable("cannot connect to \(location): \(error)") : .other("\(error)")
        }
        if error.code == .server, let state = error.serverInfo?[.sqlState] {
            let message = error.serverInfo?[.message] ?? state
            return fromServer(state: state, message: message, location: location)
        }
        switch error.code {
        case .connectionError:
            let cause = error.underlying.map { "\($0)" } ?? "no answer"
            return .unavailable("cannot connect to \(location): \(cause)")
        case .serverClosedConnection, .uncleanShutdown:
            return .unavailable("the connection to \(location) was lost")
        case .clientClosedConnection:
            return .unavailable("the connection to \(location) was closed (no answer in time)")
        case .authMechanismRequiresPassword:
            return .unavailable("\(location) asks for a password, and none is given")
        case .unsupportedAuthMechanism, .saslError:
            return .unavailable("the login to \(location) failed (\(error.code))")
        case .sslUnsupported:
            return .unavailable("\(location) does not offer TLS, which sslmode=require demands")
        case .queryCancelled:
            return .unavailable("the statement was cancelled")
        default:
            return connecting ? .unavailable("cannot connect to \(location) (\(error.code))") : .other("\(error.code)")
        }
    }

    /// Whether the error means the connection is gone: closed by either side, broken,
    /// or ended by the server (SQLSTATE class 08, or 57P01–57P03: the backend was
    /// terminated, the server is shutting down or restarting).
    static func lostConnection(_ error: any Error) -> Bool {
        guard let error = error as? PSQLError else { return false }
        switch error.code {
        case .serverClosedConnection, .clientClosedConnection, .uncleanShutdown, .connectionError: return true
        case .server:
            let state = error.serverInfo?[.sqlState] ?? ""
            return state.hasPrefix("08") || ["57P01", "57P02", "57P03"].contains(state)
        default: return false
        }
    }

    /// SQLSTATE classes: 08 connection, 57P0x shut down, 53 resources, 28 login; 23 and
    /// 22 are a row the schema refuses; 57014 is `statement_timeout`.
    static func fromServer(state: String, message: String, location: PostgresLocation) -> StoreError {
        switch state {
        case "23505": return .duplicate(message)
        case "53100": return .diskFull
        case "25006": return .readOnly(path: location.description)
        case "55P03": return .locked(path: location.description)
        case "57014": return .unavailable("the database did not answer in time (\(message))")
        default: break
        }
        switch state.prefix(2) {
        case "08", "57", "53", "28", "3D": return .unavailable("\(location): \(message)")
        case "22", "23": return .invalid(message)
        default: return .other("\(message) (SQLSTATE \(state))")
        }
    }
}
