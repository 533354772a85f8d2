import Foundation
import NaraDomain

/// Cheap checks on a file before SQLite opens it, so that a file that is not a database
/// at all, or is cut short, gets its own message instead of a generic open error.
enum StoreFileCheck {
    static func checkHeader(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError.other("cannot read \(path): permission denied")
        }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 100)) ?? Data()
        if header.isEmpty { return } // an empty file is a new database
        let magic = Data("SQLite format 3\u{0}".utf8)
        guard header.count >= magic.count, header.prefix(magic.count) == magic else {
            throw StoreError.notAStore(path: path)
        }
        guard header.count == 100 else {
            throw StoreError.corrupt(path: path, detail: "the file is truncated")
        }
    }
}
