/// What an import did, counted per resource type: the summary printed at the end.
public struct ExchangeSummary: Sendable, Equatable {
    public var created: [String: Int] = [:]
    public var unchanged: [String: Int] = [:]
    /// Records already in the store that the import changed (a patient's protected identity).
    public var updated: [String: Int] = [:]
    public var skipped: [String: Int] = [:]
    /// Identifiers outside the Swedish systems that were kept as local identifiers.
    public var localIdentifiers: Int = 0
    /// Patients whose record got something new: each has a write row in the access log.
    public var patientsWritten: Int = 0

    public init() {}

    public var totalCreated: Int { created.values.reduce(0, +) }
    public var totalUnchanged: Int { unchanged.values.reduce(0, +) }
}
