import GRDB
import NaraDomain

/// Patient search by identifier or by name.
///
/// Names: every query word is a prefix match on the FTS5 index (`"öb"* AND "an"*`),
/// at most `limit` rows, in index order, never ranked: ranking a one-letter query over a
/// million names costs a quarter of a second (TERMINAL.md). Prefixes of one to three
/// letters have an index of their own (`SchemaNameSearchPrefixes`). The few rows returned are
/// then sorted by name for the eye. Protected-identity patients have no searchable
/// name, so a name search can never reveal that a protected person exists; they are
/// found by identifier only, and shown masked.
extension SQLiteStore: PatientSearchStore {
    public func searchPatients(_ query: String, limit: Int, as context: AccessContext) throws -> [PatientSummary] {
        let text = CleanText.line(query)
        guard !text.isEmpty, limit > 0 else { return [] }
        // The user, the hits and their summaries in one statement: a letter typed is one
        // round trip. A whole identifier is looked up first on its own connection (the
        // fastest lookup there is, BENCHMARKS.md) and named to that statement.
        var arguments: [String: (any DatabaseValueConvertible)?] = [
            "unit": context.unitId.rawValue, "staff": context.staffId.rawValue, "limit": limit]
        let found: String
        let parsed = IdentifierQuery(text)
        switch parsed {
        case .exact(let value):
            // NULL when there is none: the statement still reads the user, and finds no one.
            arguments.updateValue(try lookup.patientID(ident: value), forKey: "id")
            found = "IN (:id)"
        case .short(let value):
            arguments["q"] = value
            found = "IN (SELECT id FROM patient WHERE ident_short = :q LIMIT :limit)"
        case .prefix(let value):
            arguments["q"] = value
            arguments["upper"] = IdentifierQuery.prefixUpperBound(value)
            found = """
                IN (SELECT id FROM (SELECT id FROM patient WHERE ident >= :q AND ident < :upper LIMIT :limit)
                    UNION
                    SELECT id FROM (SELECT id FROM patient WHERE ident_short >= :q AND ident_short < :upper LIMIT :limit)
                    LIMIT :limit)
                """
        case .name(let words):
            // No word at all (only punctuation) finds no one, but the user is still asked about.
            arguments["q"] = words.map { "\"\($0)\"*" }.joined(separator: " AND ")
            found = words.isEmpty ? "IN (NULL)"
                : "IN (SELECT rowid FROM patient_name_search WHERE patient_name_search MATCH :q LIMIT :limit)"
        }
        let rows = try read { db in
            try TaggedRead([AccessFacts.subjectPart] + SummaryQuery.parts(found))
                .fetch(db, arguments: StatementArguments(arguments))
        }
        // Nothing read leaves before the policy has allowed the user to identify patients.
        let subject = try AccessFacts.subject(rows, context: context)
        if let denial = AccessPolicy.decideIdentification(subject) { throw StoreError.accessDenied(denial) }
        return PatientSummary.searchResult(SummaryQuery.assemble(rows), for: parsed)
    }

    public func patientSummary(_ id: PatientID, as context: AccessContext) throws -> PatientSummary? {
        let subject = try read { db in try AccessFacts.subject(db, context) }
        if let denial = AccessPolicy.decideIdentification(subject) { throw StoreError.accessDenied(denial) }
        return try summaries([id.rawValue]).first.map { $0.protectedIdentity ? $0.identificationOnly : $0 }
    }

    public func patientID(for identifier: PersonIdentifier) throws -> PatientID? {
        do {
            return try lookup.patientID(ident: identifier.value).map { PatientID(rawValue: $0) }
        } catch {
            throw StoreError.from(error, path: path)
        }
    }

    func summaries(_ ids: [Int64]) throws -> [PatientSummary] {
        guard !ids.isEmpty else { return [] }
        return try read { db in try SummaryQuery.fetch(db, ids: ids) }
    }
}

/// List rows for a set of patients: identity, listing unit and named care contact.
enum SummaryQuery {
    /// The summaries of `patients`, each once, by patient.
    static func byPatient(_ db: Database, _ patients: [PatientID]) throws -> [PatientID: PatientSummary] {
        Dictionary(try fetch(db, ids: Array(Set(patients.map(\.rawValue)))).map { ($0.id, $0) },
                   uniquingKeysWith: { a, _ in a })
    }

    static func fetch(_ db: Database, ids: [Int64]) throws -> [PatientSummary] {
        guard !ids.isEmpty else { return [] }
        let placeholders = Array(repeating: "?", count: ids.count).joined(separator: ",")
        return assemble(try TaggedRead(parts("IN (\(placeholders))"))
            .fetch(db, arguments: StatementArguments(ids + ids)))
    }

    /// The parts of the summaries of the patients `patients` selects ("IN (…)"), for a
    /// `TaggedRead`: the patient with the listing, and the active care contacts.
    static func parts(_ patients: String) -> [TaggedRead.Part] {
        [
            TaggedRead.Part("summary", """
                SELECT p.id, p.ident, p.ident_kind, p.given_name, p.family_name, p.sex, p.birth_date, p.protected,
                       p.deceased, p.deceased_on, l.unit_id AS listing_unit_id, u.name AS listing_unit_name
                FROM patient p
                LEFT JOIN listing l ON l.patient_id = p.id AND l.to_date IS NULL
                LEFT JOIN care_unit u ON u.id = l.unit_id
                WHERE p.id \(patients)
                """),
            // Newest first; the one at the listing unit is preferred.
            TaggedRead.Part("summary_contact", """
                SELECT c.patient_id, c.unit_id, s.name, c.from_date, c.id AS contact_id
                FROM care_contact c JOIN staff s ON s.id = c.staff_id
                WHERE c.patient_id \(patients) AND c.to_date IS NULL AND c.role = 'care_contact'
                """, order: "from_date DESC, contact_id DESC"),
        ]
    }

    static func assemble(_ rows: [String: [Row]]) -> [PatientSummary] {
        var contacts: [Int64: [(unit: String, name: String)]] = [:]
        for row in rows["summary_contact"] ?? [] {
            contacts[row["patient_id"], default: []].append((row["unit_id"], row["name"]))
        }
        return (rows["summary"] ?? []).map { row in
            let listingUnit: String? = row["listing_unit_id"]
            let options = contacts[row["id"]] ?? []
            let contact = options.first { $0.unit == listingUnit } ?? options.first
            return summary(row, contactName: contact?.name)
        }
    }

    static func summary(_ row: Row, contactName: String?) -> PatientSummary {
        let protected: Bool = row["protected"]
        let name = protected ? nil : (row["given_name"] as String) + " " + (row["family_name"] as String)
        return PatientSummary(id: PatientID(rawValue: row["id"]), identifier: Decode.identifier(row), name: name,
                              sex: Sex(rawValue: row["sex"]) ?? .unknown, birthDate: Decode.day(row, "birth_date"),
                              protectedIdentity: protected,
                              listingUnitId: (row["listing_unit_id"] as String?).map { UnitID(rawValue: $0) },
                              listingUnitName: row["listing_unit_name"], namedContactName: contactName,
                              deceased: (row["deceased"] as Bool?) ?? false, deceasedOn: Decode.day(row, "deceased_on"))
    }
}
