import GRDB
import NaraDomain

extension StoreError {
    /// Translates SQLite's result codes into what a user can act on.
    static func from(_ error: any Error, path: String) -> any Error {
        if error is StoreError { return error }
        guard let db = error as? DatabaseError else { return error }
        switch db.resultCode {
        case .SQLITE_FULL: return StoreError.diskFull
        case .SQLITE_READONLY: return StoreError.readOnly(path: path)
        case .SQLITE_CORRUPT: return StoreError.corrupt(path: path, detail: db.message ?? "corrupt")
        case .SQLITE_NOTADB: return StoreError.notAStore(path: path)
        case .SQLITE_BUSY, .SQLITE_LOCKED: return StoreError.locked(path: path)
        case .SQLITE_CANTOPEN: return StoreError.missing(path: path)
        case .SQLITE_CONSTRAINT: return StoreError.refused(.constraint(detail: db.message ?? "constraint failed"))
        default: return StoreError.other(db.message ?? "\(db)")
        }
    }
}
