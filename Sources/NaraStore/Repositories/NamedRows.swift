import GRDB

extension Row {
    /// Every row of a statement, each finding its columns by name through one dictionary
    /// made once for the statement.
    ///
    /// The rows `Row.fetchAll` returns are copies, and a copy finds a column by lowercasing
    /// every column name at every lookup. The decoders read columns by name, so on wide
    /// rows that was the commonest cost of Mina patienter and the referral queue
    /// (BENCHMARKS.md). An adapter that keeps every column gives the copies the
    /// statement's own index of names.
    static func fetchAllNamed(_ db: Database, sql: String, arguments: StatementArguments = []) throws -> [Row] {
        try Row.fetchAll(db, sql: sql, arguments: arguments, adapter: SuffixRowAdapter(fromIndex: 0))
    }

    static func fetchAllNamed(_ statement: Statement, arguments: StatementArguments = []) throws -> [Row] {
        try Row.fetchAll(statement, arguments: arguments, adapter: SuffixRowAdapter(fromIndex: 0))
    }
}
