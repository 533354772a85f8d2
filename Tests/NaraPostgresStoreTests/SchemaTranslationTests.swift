import Foundation
import GRDB
import NaraDomain
import NaraPostgresTesting
import Testing
@testable import NaraPostgresStore
@testable import NaraStore

/// The region schema is the SQLite store's final schema translated: the same tables
/// with the same columns, every text column byte-ordered. A column added to SQLite
/// and not here fails this test. `change_touch` is how the file store's triggers share
/// one rule, and is no table of the region schema.
@Suite(.enabled(if: PostgresTestServer.shouldRun, PostgresTestServer.skipReason))
struct SchemaTranslationTests {
    @Test func theSameTablesAndColumnsAsSQLite() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nara-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let sqlite = try SQLiteStore.open(at: folder.appendingPathComponent("s.sqlite").path, mode: .createIfMissing(.demo))
        let sqliteColumns: [String: Set<String>] = try sqlite.read { db in
            let tables = try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
                   AND name NOT LIKE 'patient_name_search%' AND name <> 'grdb_migrations'
                   AND name <> 'change_touch'
                """)
            return try Dictionary(uniqueKeysWithValues: tables.map { table in
                (table, Set(try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?)", arguments: [table])))
            })
        }
        let pg = try PG.store()
        let rows = try PG.admin(pg, """
            SELECT table_name::text, column_name::text, data_type::text, coalesce(collation_name::text, '')
              FROM information_schema.columns WHERE table_schema = 'nara'
            """).map { try $0.decode((String, String, String, String).self) }
        var pgColumns: [String: Set<String>] = [:]
        for (table, column, type, collation) in rows {
            pgColumns[table, default: []].insert(column)
            if type == "text" { #expect(collation == "C", "\(table).\(column) is not COLLATE \"C\"") }
        }
        #expect(pgColumns.removeValue(forKey: "nara_migrations") != nil)
        #expect(pgColumns.removeValue(forKey: "patient_name_word") == ["word", "patient_id"])
        #expect(Set(pgColumns.keys) == Set(sqliteColumns.keys))
        // Columns the store keeps itself (a table's order, where SQLite has its rowid).
        for (table, column) in PostgresStore.ownColumns { #expect(pgColumns[table]?.remove(column) != nil) }
        for (table, columns) in sqliteColumns {
            #expect(pgColumns[table] == columns, "\(table)")
        }
    }
}
