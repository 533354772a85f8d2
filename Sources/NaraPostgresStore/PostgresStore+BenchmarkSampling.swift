import NaraDomain
import PostgresNIO

/// What `nara bench` measures with, drawn at random from the database, as the SQLite
/// store draws them from its file.
extension PostgresStore: BenchmarkSampling {
    public func patientCount() throws -> Int {
        try client.query("SELECT count(*) FROM nara.patient").first.map { Int(try $0.decode(Int64.self)) } ?? 0
    }

    public func randomIdentifiers(count: Int) throws -> [String] {
        try client.query("SELECT ident FROM nara.patient ORDER BY random() LIMIT \(Int64(count))")
            .map { try $0.decode(String.self) }
    }

    public func listedIdentifiers(at unit: UnitID, count: Int) throws -> [String] {
        try client.query("""
            SELECT p.ident FROM nara.listing l JOIN nara.patient p ON p.id = l.patient_id
             WHERE l.unit_id = \(unit.rawValue) AND l.to_date IS NULL AND NOT p.protected
             ORDER BY random() LIMIT \(Int64(count))
            """).map { try $0.decode(String.self) }
    }

    public func randomSearchNames(count: Int) throws -> [String] {
        try client.query("""
            SELECT search_name FROM nara.patient WHERE search_name <> '' ORDER BY random() LIMIT \(Int64(count))
            """).map { try $0.decode(String.self) }
    }

    public func commonNamePrefix() throws -> String {
        try client.query("""
            SELECT substr(family_name, 1, 2) AS p FROM nara.patient WHERE NOT protected
             GROUP BY p ORDER BY count(*) DESC LIMIT 1
            """).first.map { try $0.decode(String.self) } ?? "an"
    }

    /// The bare statement on a connection of its own, each lookup a statement of its own,
    /// as any real lookup is: what the store's lookup is held to.
    public func withRawIdentifierLookup<T>(_ body: ((String) throws -> Int64?) throws -> T) throws -> T {
        let raw = PostgresClient(location: client.location)
        return try body { ident in
            try raw.query("SELECT id FROM nara.patient WHERE ident = \(ident)").first.map { try $0.decode(Int64.self) }
        }
    }
}
