import Foundation
import GRDB
import NaraDomain
import NaraStore
import PostgresNIO

/// A read of many parts (a list, Min dag's sections, every work list's count) kept on the
/// server as a function, `nara.<name>(…)`, whose body is the statement as this version
/// makes it. Sent as a plain statement, each of these large UNIONs was planned again at
/// every call: 6–9 ms of a Min dag section's server time, 35 ms of Mina patienter's, 30–55
/// ms of the counts' (`log_min_duration_statement` logs the "bind" step). A PL/pgSQL
/// function's statement is planned once per server connection and kept, generic: a
/// connection behind PgBouncer serves many sessions, so the plan is made once for all
/// of them. The arguments' order and types are the statement's `$1`…, and each call's
/// values are checked against them.
///
/// The bodies are this version's; when the SQL of a part changes, a migration must
/// create the functions again (`RegionSchemaReadFunctions`), and
/// `ReadFunctionTests.everyFunctionInTheDatabaseIsThisVersions` fails until one does.
struct PostgresReadFunction: Sendable {
    let name: String
    let arguments: [String]
    let types: [String]
    /// The statement is made only to create the function: a call needs its name and
    /// arguments alone, and making the SQL of every list from the parts costs a start
    /// half a second.
    private let makeBody: @Sendable () -> String
    var body: String { makeBody() }

    /// `sample` holds a value of each argument, of the type every call binds.
    init(_ name: String, _ body: @autoclosure @escaping @Sendable () -> String, arguments: [String],
         sample: [String: (any DatabaseValueConvertible)?]) {
        self.name = name
        makeBody = body
        self.arguments = arguments
        types = arguments.map { argument in
            guard let type = Self.type(sample[argument] ?? nil) else {
                preconditionFailure("read function \(name): argument \(argument) is no number or text")
            }
            return type
        }
    }

    static func type(_ value: (any DatabaseValueConvertible)?) -> String? {
        switch value?.databaseValue.storage {
        case .int64: "bigint"
        case .double: "double precision"
        case .string: "text"
        case .blob, .null, nil: nil
        }
    }

    /// What the function runs: the body as the function's source holds it.
    var source: String {
        """

        #variable_conflict use_column
        BEGIN
        RETURN QUERY
        \(body);
        END
        """
    }

    /// The settings the function runs under: its plan kept for any values, and an index
    /// read priced as what it is on a database in memory or on SSD. Every part has an
    /// index into each patient table (`WorkListQueryPlanTests`); priced at the default
    /// `random_page_cost` of 4, meant for spinning disks, the planner walks a region's
    /// whole `encounter` table instead, in parallel: 7 s for the counts of a unit of
    /// 10,000 patients among 300,000, against 1 s by the indexes.
    static let settings = ["plan_cache_mode = force_generic_plan", "random_page_cost = 1.1"]

    var create: String {
        """
        CREATE OR REPLACE FUNCTION nara.\(name)(\(types.joined(separator: ", ")))
            RETURNS TABLE (part text, rows text) LANGUAGE plpgsql STABLE
            SET search_path = nara, pg_catalog, pg_temp
            \(Self.settings.map { "SET " + $0 }.joined(separator: "\n    ")) AS $body$\(source)$body$
        """
    }

    /// The call, with `values` bound in the arguments' order.
    func query(_ values: [String: (any DatabaseValueConvertible)?]) -> PostgresQuery {
        for (argument, type) in zip(arguments, types) where Self.type(values[argument] ?? nil) != type {
            preconditionFailure("read function \(name): argument \(argument) is not \(type)")
        }
        let placeholders = arguments.indices.map { "$\($0 + 1)" }.joined(separator: ", ")
        return PostgresQuery(unsafeSQL: "SELECT part, rows FROM nara.\(name)(\(placeholders))",
                             binds: PostgresRecordSQL.binds(values, names: arguments))
    }
}
