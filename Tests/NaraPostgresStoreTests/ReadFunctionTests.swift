import Foundation
import NaraPostgresTesting
import PostgresNIO
import Testing
@testable import NaraPostgresStore

/// The reads kept as server-side functions (`PostgresReadFunction`) are this version's
/// statements. Made by a migration, a function stays as it was made when the parts
/// change later: this test then fails until a new migration makes them again
/// (`RegionSchemaReadFunctions`).
@Suite(.enabled(if: PostgresTestServer.shouldRun, PostgresTestServer.skipReason))
struct ReadFunctionTests {
    @Test func everyFunctionInTheDatabaseIsThisVersions() throws {
        let pg = try PG.store()
        let functions = RegionSchemaReadFunctions.all
        #expect(Set(functions.map(\.name)).count == functions.count, "two functions share a name")
        for function in functions {
            let stored = try PG.admin(pg, """
                SELECT prosrc, pg_get_function_identity_arguments(oid), array_to_string(proconfig, ';') FROM pg_proc
                 WHERE proname = '\(function.name)' AND pronamespace = 'nara'::regnamespace
                """).map { try $0.decode((String, String, String).self) }
            #expect(stored.count == 1, "nara.\(function.name): \(stored.count) functions of that name")
            #expect(stored.first?.0 == function.source,
                    "nara.\(function.name) is not this version's statement: add a migration")
            #expect(stored.first?.1 == function.types.joined(separator: ", "))
            for setting in PostgresReadFunction.settings {
                #expect(stored.first?.2.contains(setting.replacing(" = ", with: "=")) == true,
                        "nara.\(function.name) runs without \(setting)")
            }
            #expect(function.body.firstMatch(of: /[^:]:[a-z]/) == nil, "\(function.name): a named argument is left")
        }
    }
}
