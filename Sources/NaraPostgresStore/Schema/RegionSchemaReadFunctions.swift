import NaraDomain

/// The reads of many parts as server-side functions (`PostgresReadFunction`): every work
/// list and their counts, Mina patienter, Min dag's sections, and a patient's log extract.
enum RegionSchemaReadFunctions {
    static let identifier = "region-v11-read-functions"

    static var all: [PostgresReadFunction] {
        WorkListKind.allCases.map { PostgresWorkListSQL.listFunctions[$0]! } + [
            PostgresWorkListSQL.countsFunction, PostgresWorkListSQL.myPatientsFunction,
            PostgresStore.careRequestsFunction, PostgresStore.callbackListFunction, PostgresStore.openTasksFunction,
            PostgresStore.plannedFunction, PostgresStore.newsFunction, PostgresAccessLogSQL.extractFunction,
        ]
    }

    static var statements: [String] { all.map(\.create) }
}
