import NaraDomain
import PostgresNIO

/// Patient search on PostgreSQL, behaving as the SQLite store's: the same parse of the
/// typed text (`IdentifierQuery`), the same folding of names (`SearchFolding`, in Swift:
/// the database's lower() depends on its locale), the same decision on who may search
/// (`AccessPolicy.decideIdentification`) and the same shaping of what is shown
/// (`PatientSummary.searchResult`). A search writes no log row, as on SQLite: it shows
/// identification only, and opening the record is what is logged.
///
/// One statement a search: the subject's facts (the staff row and the provider of the
/// unit worked at) and the candidates come back together, and the policy decides in
/// Swift before any candidate is decoded: a denied subject's are dropped as they came.
extension PostgresStore: PatientSearchStore {
    public func searchPatients(_ query: String, limit: Int, as context: AccessContext) throws -> [PatientSummary] {
        let text = CleanText.line(query)
        guard !text.isEmpty, limit > 0 else { return [] }
        let parsed = IdentifierQuery(text)
        var binds = Self.subjectBinds(context)
        // Only punctuation typed: nothing to look for, once the user may search at all.
        let nothing: Bool
        if case .name(let words) = parsed { nothing = words.isEmpty } else { nothing = false }
        let found = nothing ? Self.noCandidates : Self.candidates(parsed, limit: limit, binds: &binds)
        let rows = try client.query(Self.lookup(found: found, binds: binds, contact: false))
        return PatientSummary.searchResult(try Self.identified(rows, context), for: parsed)
    }

    public func patientSummary(_ id: PatientID, as context: AccessContext) throws -> PatientSummary? {
        var binds = Self.subjectBinds(context)
        binds.append(id.rawValue)
        let rows = try client.query(Self.lookup(found: "SELECT $3::bigint AS id", binds: binds, contact: true))
        return try Self.identified(rows, context).first.map { $0.protectedIdentity ? $0.identificationOnly : $0 }
    }

    public func patientID(for identifier: PersonIdentifier) throws -> PatientID? {
        try client.query("SELECT id FROM nara.patient WHERE ident = \(identifier.value)")
            .first.map { PatientID(rawValue: try $0.decode(Int64.self)) }
    }

    /// The SQL choosing candidate patient ids (`$3` on, appended to `binds`), as the SQLite
    /// store chooses them: the same limits, applied before protected identities are
    /// left out, as there.
    static func candidates(_ query: IdentifierQuery, limit: Int, binds: inout PostgresBindings) -> String {
        switch query {
        case .exact(let value):
            binds.append(value)
            return "SELECT id FROM nara.patient WHERE ident = $3"
        case .short(let value):
            binds.append(value)
            binds.append(Int64(limit))
            return "SELECT id FROM nara.patient WHERE ident_short = $3 LIMIT $4"
        case .prefix(let value):
            binds.append(value)
            binds.append(IdentifierQuery.prefixUpperBound(value))
            binds.append(Int64(limit))
            return """
                SELECT id FROM (SELECT id FROM nara.patient WHERE ident >= $3 AND ident < $4 LIMIT $5) AS by_ident
                UNION
                SELECT id FROM (SELECT id FROM nara.patient WHERE ident_short >= $3 AND ident_short < $4 LIMIT $5)
                    AS by_short
                LIMIT $5
                """
        case .name(let words):
            // The longest word drives (it matches the fewest rows); the others must each
            // begin some word of the same patient. Every prefix is an explicit range, which
            // stays an index range in a generic plan (`^@` with a parameter became a full
            // scan). A patient is taken at its first word in the driving range, so rows
            // stream into the LIMIT without a DISTINCT that would read every match first.
            // chr(1114111) is U+10FFFF, the last code point: above every word so begun.
            guard let driving = words.max(by: { $0.utf8.count < $1.utf8.count }),
                  let at = words.firstIndex(of: driving) else { return noCandidates }
            var rest = words
            rest.remove(at: at)
            binds.append(driving)
            binds.append(rest)
            binds.append(Int64(limit))
            return """
                SELECT w.patient_id AS id FROM nara.patient_name_word w
                 WHERE w.word >= $3 AND w.word < $3 || chr(1114111)
                   AND NOT EXISTS (SELECT 1 FROM nara.patient_name_word e
                                    WHERE e.patient_id = w.patient_id AND e.word >= $3 AND e.word < w.word)
                   AND NOT EXISTS (SELECT 1 FROM unnest($4::text[]) AS q(prefix)
                                    WHERE NOT EXISTS (SELECT 1 FROM nara.patient_name_word x
                                                       WHERE x.patient_id = w.patient_id AND x.word >= q.prefix
                                                         AND x.word < q.prefix || chr(1114111)))
                 LIMIT $5
                """
        }
    }

    /// Candidates for a search with nothing to look for.
    static let noCandidates = "SELECT NULL::bigint AS id WHERE false"

    /// `$1` and `$2`: who asks, and at which unit.
    static func subjectBinds(_ context: AccessContext) -> PostgresBindings {
        var binds = PostgresBindings()
        binds.append(context.staffId.rawValue)
        binds.append(context.unitId.rawValue)
        return binds
    }

    /// One statement: the subject's row (staff and the provider of `context`'s unit),
    /// joined to the summary of each candidate, or to nulls when there is none. No row at
    /// all means no such staff member at that unit. The named care contact (newest first,
    /// the one at the listing unit preferred) only when `contact` asks for it.
    static func lookup(found: String, binds: PostgresBindings, contact: Bool) -> PostgresQuery {
        let contactName = contact ? """
            (SELECT s.name FROM nara.care_contact c JOIN nara.staff s ON s.id = c.staff_id
              WHERE c.patient_id = p.id AND c.to_date IS NULL AND c.role = 'care_contact'
              ORDER BY coalesce(c.unit_id = l.unit_id, false) DESC, c.from_date DESC, c.id DESC LIMIT 1)
            """ : "NULL::text"
        return PostgresQuery(unsafeSQL: """
            WITH subject AS (
                SELECT s.id AS staff_id, s.name AS staff_name, s.profession, s.unit_id AS staff_unit, s.roles,
                       s.hsa_id, s.active, u.provider_id
                  FROM nara.staff s JOIN nara.care_unit u ON u.id = $2
                 WHERE s.id = $1
            ), found AS (\(found))
            SELECT subject.staff_id, subject.staff_name, subject.profession, subject.staff_unit, subject.roles,
                   subject.hsa_id, subject.active, subject.provider_id,
                   r.id, r.ident, r.ident_kind, r.given_name, r.family_name, r.sex, r.birth_date, r.protected,
                   r.deceased, r.deceased_on, r.listing_unit_id, r.listing_unit_name, r.contact_name
              FROM subject LEFT JOIN (
                SELECT p.id, p.ident, p.ident_kind, p.given_name, p.family_name, p.sex, p.birth_date, p.protected,
                       p.deceased, p.deceased_on, l.unit_id AS listing_unit_id, u.name AS listing_unit_name,
                       \(contactName) AS contact_name
                  FROM found JOIN nara.patient p ON p.id = found.id
                  LEFT JOIN nara.listing l ON l.patient_id = p.id AND l.to_date IS NULL
                  LEFT JOIN nara.care_unit u ON u.id = l.unit_id
            ) AS r ON true
            """, binds: binds)
    }

    /// The summaries in `rows`, once the policy let the subject in; throws its denial.
    /// Cells are read by position (`lookup`'s select list): a lookup by name builds a
    /// table of the columns for every row.
    static func identified(_ rows: [PostgresRow], _ context: AccessContext) throws -> [PatientSummary] {
        guard let first = rows.first.map(Array.init) else { throw StoreError.unknownStaff(context.staffId) }
        let roles = try first[4].decode(String.self)
        let staff = Staff(id: StaffID(try first[0].decode(String.self)), name: try first[1].decode(String.self),
                          profession: Profession(rawValue: try first[2].decode(String.self)) ?? .other,
                          unitId: UnitID(try first[3].decode(String.self)),
                          roles: Set(roles.split(separator: ",").compactMap { StaffRole(rawValue: String($0)) }),
                          active: try first[6].decode(Bool.self))
        let subject = AccessSubject(staffId: staff.id, unitId: context.unitId,
                                    providerId: ProviderID(rawValue: try first[7].decode(String?.self) ?? ""),
                                    rights: staff.rights, active: staff.active)
        if let denial = AccessPolicy.decideIdentification(subject) { throw StoreError.accessDenied(denial) }
        return try rows.compactMap { row in try summary(Array(row)) }
    }

    /// A summary row as the SQLite store's `SummaryQuery` makes it, from the cells after
    /// the subject's eight; nil for the row that only carries the subject.
    static func summary(_ cells: [PostgresCell]) throws -> PatientSummary? {
        guard let id = try cells[8].decode(Int64?.self) else { return nil }
        let protected = try cells[15].decode(Bool.self)
        let sex = Sex(rawValue: try cells[13].decode(String.self)) ?? .unknown
        let birth = try cells[14].decode(String?.self).flatMap(LocalDate.init(iso:))
        let identifier = PersonIdentifier(kind: IdentifierKind(rawValue: try cells[10].decode(String.self)) ?? .personnummer,
                                          value: try cells[9].decode(String.self), birthDate: birth, sex: sex)
        let name = protected ? nil : try cells[11].decode(String.self) + " " + cells[12].decode(String.self)
        return PatientSummary(id: PatientID(rawValue: id), identifier: identifier, name: name, sex: sex,
                              birthDate: birth, protectedIdentity: protected,
                              listingUnitId: try cells[18].decode(String?.self).map { UnitID(rawValue: $0) },
                              listingUnitName: try cells[19].decode(String?.self),
                              namedContactName: try cells[20].decode(String?.self),
                              deceased: try cells[16].decode(Bool.self),
                              deceasedOn: try cells[17].decode(String?.self).flatMap(LocalDate.init(iso:)))
    }
}
