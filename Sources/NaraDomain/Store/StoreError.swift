import Foundation

/// What can go wrong in a store, in terms a user and a command line can act on.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    case notFound(String)
    /// Someone else saved first: the caller's input must be kept for a retry.
    case conflict(changedBy: StaffID, at: Date)
    /// The operator's command-line input, refused in English. Never reaches a screen:
    /// what a user can be refused is a `Refusal`.
    case invalid(String)
    /// A user's request refused by a rule, as a value the app words in the user's language.
    case refused(Refusal)
    case duplicate(String)
    case unknownStaff(StaffID)
    case inactiveStaff(StaffID)
    case missing(path: String)
    case readOnly(path: String)
    case diskFull
    case corrupt(path: String, detail: String)
    case locked(path: String)
    /// Sessions have the store open, so it cannot be replaced (by a restore) now.
    case inUse(path: String)
    case newerSchema(path: String, found: String)
    /// An earlier version's store, opened read-only: the upgrade needs a writing open.
    case olderSchema(path: String)
    case notAStore(path: String)
    /// Users other than the owner and its group can write the store's file or folder
    /// (`path`), so anyone could change the store or put a WAL beside it: refused.
    case othersCanWrite(store: String, path: String)
    /// The record exists but the user has no care relationship with the patient: it
    /// opens only through emergency access with a stated reason (nödåtkomst).
    case emergencyAccessRequired(PatientID)
    /// The access policy refuses the record outright.
    case accessDenied(AccessDenial)
    /// A database server could not be reached, or the connection to it was lost or
    /// timed out, with what went wrong. The next call tries to connect again.
    case unavailable(String)
    case other(String)

    public var description: String {
        switch self {
        case .notFound(let what): return "\(what) not found"
        case .conflict(let by, let at):
            return "changed by \(by) at \(Self.timestamp(at)) since you opened it; reload and try again"
        case .invalid(let why): return why
        case .refused(let refusal): return refusal.description
        case .duplicate(let what): return "\(what) already exists"
        case .unknownStaff(let id): return "unknown user '\(id)'"
        case .inactiveStaff(let id): return "user '\(id)' is deactivated"
        case .missing(let path): return "no store at \(path)"
        case .readOnly(let path): return "the store \(path) is read-only"
        case .diskFull: return "the disk is full: nothing was saved; free space and try again"
        case .corrupt(let path, let detail): return "the store \(path) is damaged (\(detail))"
        case .locked(let path): return "the store \(path) is locked by another process"
        case .inUse(let path):
            return "the store \(path) is open in another session or process; close every session on it first"
        case .newerSchema(let path, let found):
            return "the store \(path) was written by a newer version of nara (schema \(found)); upgrade nara"
        case .olderSchema(let path):
            return "the store \(path) was made by an earlier version of nara and is upgraded when it is first "
                + "opened for writing: run `nara --store \(path)` or any command that writes, once, as its owner"
        case .notAStore(let path): return "\(path) is not a Nära store"
        case .othersCanWrite(let store, let path):
            return "the store \(store) is refused: others can write \(path); "
                + "make it writable by its owner only (chmod o-w \(path))"
        case .emergencyAccessRequired:
            return "a record exists, but you have no care relationship with the patient: open it with emergency access and a reason"
        case .accessDenied(let denial):
            switch denial {
            case .emergencyReasonRequired: return "emergency access needs a reason of at least \(AccessPolicy.minimumReasonLength) characters"
            case .administratorWithoutRelationship: return "administrators do not open records without a care relationship"
            case .noClinicalRole: return "your account has no clinical role, so it cannot open records"
            case .inactiveUser: return "your account is deactivated"
            case .notForRole: return "your role does not allow this information or this change"
            case .noRelationship: return "you have no care relationship with the patient, and your role has no emergency access"
            case .relationshipRequired:
                return "this needs a care relationship with the patient; emergency access is not one"
            }
        case .unavailable(let detail): return "the database cannot be reached: \(detail)"
        case .other(let text): return text
        }
    }

    /// `YYYY-MM-DD HH:MM`, Swedish time: how the program writes a moment.
    public static func timestamp(_ date: Date) -> String { WallClock.dateTime(date) }
}
