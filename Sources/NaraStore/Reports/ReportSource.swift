import GRDB
import NaraDomain

/// What a report reads through, on either store: its few small reads as the parts of one
/// statement, and its passes over a period's encounters row by row, so that a region's
/// year of encounters is never held at once. The SQL is SQLite's, with named arguments
/// (`:unit`); a PostgreSQL source carries it over as the record's parts are carried
/// (`PostgresRecordSQL.translated`). Every read of one report sees one snapshot.
///
/// Reports name no patient: they read outside the logging door, after asking who reads
/// (`subject`), and the caller logs the report as a whole.
package protocol ReportSource {
    /// Each part's rows, in the part's order, in one statement.
    func parts(_ parts: [TaggedRead.Part], arguments: [String: (any DatabaseValueConvertible)?]) throws
        -> [String: [Row]]
    /// The rows of `sql` in its order, one at a time; read columns by name.
    func each(_ sql: String, arguments: [String: (any DatabaseValueConvertible)?],
              _ body: (Row) throws -> Void) throws
}

/// Who may read a report, one rule for both stores.
package enum ReportRules {
    package static func subject(_ rows: [String: [Row]], context: AccessContext,
                                needsPatientRights: Bool) throws -> AccessSubject {
        let subject = try AccessFacts.subject(rows, context: context)
        guard subject.active else { throw StoreError.accessDenied(.inactiveUser) }
        if needsPatientRights, subject.rights.isDisjoint(with: Right.patientRights) {
            throw StoreError.accessDenied(.notForRole)
        }
        return subject
    }

    /// Who asks (`:staff`), at their own unit (`:reader_unit`), where `:unit` is the report's.
    static let readerPart = TaggedRead.Part(
        "subject", AccessFacts.subjectPart.sql.replacingOccurrences(of: ":unit", with: ":reader_unit"))

    /// The care requests registered at `:unit` from `:from` to `:to` (Swedish days), for
    /// the guarantee report, with who asks.
    package static let careRequestParts = [
        readerPart,
        TaggedRead.Part("care_request", """
            SELECT * FROM care_request WHERE unit_id = :unit AND registered_on BETWEEN :from AND :to
            """, order: "registered_at, id"),
    ]

    package static func careRequestArguments(unit: UnitID, from: LocalDate, to: LocalDate,
                                             context: AccessContext) -> [String: (any DatabaseValueConvertible)?] {
        ["unit": unit.rawValue, "from": from.iso, "to": to.iso, "reader_unit": context.unitId.rawValue,
         "staff": context.staffId.rawValue]
    }
}

/// A report's reads in a SQLite read transaction.
struct SQLiteReportSource: ReportSource {
    let db: Database

    func parts(_ parts: [TaggedRead.Part], arguments: [String: (any DatabaseValueConvertible)?]) throws
        -> [String: [Row]] {
        try TaggedRead(parts, cached: false).fetch(db, arguments: StatementArguments(arguments))
    }

    func each(_ sql: String, arguments: [String: (any DatabaseValueConvertible)?],
              _ body: (Row) throws -> Void) throws {
        let rows = try Row.fetchCursor(db, sql: sql, arguments: StatementArguments(arguments))
        while let row = try rows.next() { try body(row) }
    }
}
