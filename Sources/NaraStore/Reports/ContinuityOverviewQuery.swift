import Foundation
import GRDB
import NaraDomain

extension SQLiteStore {
    /// Continuity per unit and per named contact over the `months` months ending on
    /// `today` (`Continuity.window`). Reads outside the logging door because the result
    /// names no patient; the caller logs the report as a whole.
    ///
    /// - Parameter minimumEncounters: encounters a patient needs in a profession group to
    ///   be measured in it (Primärvårdskvalitet: 3); at least 2.
    ///   Encounters a patient has blocked (spärr) from `context`'s unit or provider are
    ///   left out, so that blocked information shows in no figure that user sees.
    public func continuityOverview(today: LocalDate, months: Int, minimumEncounters: Int,
                                   as context: AccessContext) throws -> ContinuityOverview {
        try read { db in
            var query = ContinuityOverviewQuery(source: SQLiteReportSource(db: db),
                                                window: Continuity.window(endingOn: today, months: months),
                                                minimumEncounters: minimumEncounters)
            query.today = today
            return try query.run(months: months, as: context)
        }
    }
}

/// One read of who asks, staff, units and blocks, two set-wise passes (listings, named
/// contacts) and then one pass over the window's encounters in patient order, so the cost grows with the number of
/// encounters in the window and never makes a query per patient. Listings and contacts
/// are read in patient order too and walked beside the encounters (a merge join), so a
/// region's worth of patients costs no hash lookups. On either store (`ReportSource`).
package struct ContinuityOverviewQuery {
    let source: any ReportSource
    let window: ClosedRange<LocalDate>
    let minimumEncounters: Int
    /// Who reads the report: blocks are judged from their side.
    var reader: AccessSubject?
    package var today = LocalDate(dayNumber: 0)
    private var blocks: [Int64: [InformationBlock]] = [:]
    private var providerOfUnit: [String: ProviderID] = [:]

    private var unitIds: [String] = []
    private var unitNames: [String] = []
    private var unitIndex: [String: Int] = [:]
    private var staffRows: [(id: String, name: String, profession: Profession)] = []
    private var staffIndex: [String: Int] = [:]

    /// Per unit: listed patients and how many of them have each kind of named contact.
    private var listed: [Int] = [], withContact: [Int] = [], withGP: [Int] = []
    /// Active listings by patient.
    private var listings: [(patient: Int64, unit: Int)] = []
    private var unitTallies: [ContinuityTallyByProfession] = []

    /// One row per (staff member, unit) with assignments.
    private var assignments: [Assignment] = []
    private var assignmentIndex: [AssignmentKey: Int] = [:]
    /// By patient, the assignments each counts towards (each once per patient).
    private var patientAssignments: [(patient: Int64, assignment: Int)] = []

    private struct AssignmentKey: Hashable {
        var staff: Int
        var unit: Int
    }

    private struct Assignment {
        var key: AssignmentKey
        var group: ProfessionGroup
        var careContacts = 0
        var namedGPs = 0
        var patients = 0
        var ownEncounters = 0
        var groupEncounters = 0
        var tally: ContinuityTallyByProfession
    }

    package init(source: any ReportSource, window: ClosedRange<LocalDate>, minimumEncounters: Int) {
        self.source = source
        self.window = window
        self.minimumEncounters = max(2, minimumEncounters)
    }

    /// Refused for an inactive user: the figures name no patient, so any role may read them.
    package mutating func run(months: Int, as context: AccessContext) throws -> ContinuityOverview {
        let rows = try source.parts(Self.directoryParts,
                                    arguments: ["unit": context.unitId.rawValue, "staff": context.staffId.rawValue])
        reader = try ReportRules.subject(rows, context: context, needsPatientRights: false)
        loadDirectory(rows)
        loadBlocks(rows)
        try loadListings()
        try loadAssignments()
        try passOverEncounters()
        return overview(months: months)
    }

    /// Who asks, the directory, and the few active blocks, in one statement.
    static let directoryParts = [
        AccessFacts.subjectPart,
        TaggedRead.Part("unit", "SELECT id, name, provider_id FROM care_unit"),
        TaggedRead.Part("staff", "SELECT id, name, profession FROM staff"),
        TaggedRead.Part("block", "SELECT * FROM information_block WHERE to_date IS NULL"),
    ]

    /// The few active blocks, and every unit's provider to judge them by.
    private mutating func loadBlocks(_ rows: [String: [Row]]) {
        for row in rows["block"] ?? [] {
            let block = Decode.block(row)
            blocks[block.patientId.rawValue, default: []].append(block)
        }
        for row in rows["unit"] ?? [] { providerOfUnit[row["id"]] = ProviderID(rawValue: row["provider_id"] ?? "") }
    }

    /// An encounter the patient has blocked from the reader's unit or provider.
    private func blocked(_ patient: Int64, at unit: String) -> Bool {
        guard let reader, let patientBlocks = blocks[patient] else { return false }
        let provider = providerOfUnit[unit] ?? ProviderID.derived(from: UnitID(rawValue: unit))
        return patientBlocks.contains {
            $0.isActive(on: today) && $0.hides(documentedAt: UnitID(rawValue: unit), of: provider,
                                               fromReaderAt: reader.unitId, of: reader.providerId)
        }
    }

    private mutating func loadDirectory(_ rows: [String: [Row]]) {
        for row in rows["unit"] ?? [] {
            unitIndex[row["id"]] = unitIds.count
            unitIds.append(row["id"])
            unitNames.append(row["name"])
        }
        for row in rows["staff"] ?? [] {
            staffIndex[row["id"]] = staffRows.count
            staffRows.append((row["id"], row["name"], Profession(rawValue: row["profession"]) ?? .other))
        }
        listed = Array(repeating: 0, count: unitIds.count)
        withContact = listed
        withGP = listed
        unitTallies = Array(repeating: ContinuityTallyByProfession(minimumEncounters: minimumEncounters),
                            count: unitIds.count)
    }

    /// Listings active on the window's last day, with the contacts at the listing unit.
    private mutating func loadListings() throws {
        try source.each("""
            SELECT l.patient_id, l.unit_id,
                   EXISTS (SELECT 1 FROM care_contact c WHERE c.patient_id = l.patient_id AND c.unit_id = l.unit_id
                           AND c.role = 'care_contact' AND c.from_date <= :day
                           AND (c.to_date IS NULL OR c.to_date > :day)) AS with_contact,
                   EXISTS (SELECT 1 FROM care_contact c WHERE c.patient_id = l.patient_id AND c.unit_id = l.unit_id
                           AND c.role = 'named_physician' AND c.from_date <= :day
                           AND (c.to_date IS NULL OR c.to_date > :day)) AS with_gp
            FROM listing l WHERE l.from_date <= :day AND (l.to_date IS NULL OR l.to_date > :day)
            ORDER BY l.patient_id
            """, arguments: ["day": window.upperBound.iso]) { row in
            guard let unit = unitIndex[row["unit_id"] as String] else { return }
            listings.append((row["patient_id"], unit))
            listed[unit] += 1
            if row["with_contact"] as Bool { withContact[unit] += 1 }
            if row["with_gp"] as Bool { withGP[unit] += 1 }
        }
    }

    /// Named care contacts and named GPs active on the window's last day.
    private mutating func loadAssignments() throws {
        try source.each("""
            SELECT patient_id, staff_id, unit_id, role FROM care_contact
            WHERE from_date <= :day AND (to_date IS NULL OR to_date > :day)
            ORDER BY patient_id
            """, arguments: ["day": window.upperBound.iso]) { row in
            guard let staff = staffIndex[row["staff_id"] as String], let unit = unitIndex[row["unit_id"] as String] else {
                return
            }
            let key = AssignmentKey(staff: staff, unit: unit)
            let index: Int
            if let known = assignmentIndex[key] {
                index = known
            } else {
                index = assignments.count
                assignmentIndex[key] = index
                assignments.append(Assignment(key: key, group: staffRows[staff].profession.continuityGroup,
                                              tally: ContinuityTallyByProfession(minimumEncounters: minimumEncounters)))
            }
            if (row["role"] as String) == ContactRole.namedPhysician.rawValue {
                assignments[index].namedGPs += 1
            } else {
                assignments[index].careContacts += 1
            }
            let patient: Int64 = row["patient_id"]
            let counted = patientAssignments.reversed().prefix { $0.patient == patient }.contains { $0.assignment == index }
            if !counted {
                patientAssignments.append((patient, index))
                assignments[index].patients += 1
            }
        }
    }

    /// The window's encounters, one patient at a time. Only encounters at the patient's
    /// listing unit or at a unit where they have a named contact are kept: continuity is
    /// measured where the responsibility is, as Primärvårdskvalitet does.
    private mutating func passOverEncounters() throws {
        let from = Self.startOfDay(window.lowerBound), to = Self.startOfDay(window.upperBound.adding(days: 1))
        let days = LocalDays(timeZone: Self.stockholm, from: from, to: to)
        var current = Responsibility(listedAt: nil, assignments: 0..<0, units: [])
        var patient: Int64 = -1
        var nextListing = 0, nextAssignment = 0
        var kept: [Kept] = []
        // A patient's encounters are mostly at one unit: compare before hashing.
        var lastUnitText = "", lastUnit = -1
        try source.each("""
            SELECT patient_id, at, staff_id, unit_id FROM encounter
            WHERE at >= :from AND at < :to AND annulled_at IS NULL ORDER BY patient_id, at, id
            """, arguments: ["from": from, "to": to]) { row in
            let p: Int64 = row["patient_id"]
            if p != patient {
                measure(current, kept)
                kept.removeAll(keepingCapacity: true)
                patient = p
                while nextListing < listings.count && listings[nextListing].patient < p { nextListing += 1 }
                while nextAssignment < patientAssignments.count && patientAssignments[nextAssignment].patient < p {
                    nextAssignment += 1
                }
                current = responsibility(of: p, listing: nextListing, assignment: nextAssignment)
            }
            guard !current.units.isEmpty else { return }
            let unitText: String = row["unit_id"]
            if unitText != lastUnitText {
                lastUnit = unitIndex[unitText] ?? -1
                lastUnitText = unitText
            }
            guard current.units.contains(lastUnit), !blocked(p, at: unitText) else { return }
            let staffId: String = row["staff_id"]
            let staff = staffIndex[staffId] ?? -1
            let group = staff >= 0 ? staffRows[staff].profession.continuityGroup : .others
            kept.append(Kept(unit: lastUnit, staff: staff,
                             encounter: ContinuityEncounter(day: days.day(row["at"]), staffId: StaffID(rawValue: staffId),
                                                            group: group)))
        }
        measure(current, kept)
    }

    private struct Kept {
        var unit: Int
        var staff: Int
        var encounter: ContinuityEncounter
    }

    /// Where one patient's continuity is measured: the listing unit and the units of
    /// their named contacts.
    private struct Responsibility {
        var listedAt: Int?
        /// Indices into `patientAssignments`.
        var assignments: Range<Int>
        var units: [Int]
    }

    private func responsibility(of patient: Int64, listing: Int, assignment: Int) -> Responsibility {
        var r = Responsibility(listedAt: nil, assignments: assignment..<assignment, units: [])
        if listing < listings.count && listings[listing].patient == patient {
            r.listedAt = listings[listing].unit
            r.units.append(listings[listing].unit)
        }
        var end = assignment
        while end < patientAssignments.count && patientAssignments[end].patient == patient {
            let unit = assignments[patientAssignments[end].assignment].key.unit
            if !r.units.contains(unit) { r.units.append(unit) }
            end += 1
        }
        r.assignments = assignment..<end
        return r
    }

    private mutating func measure(_ r: Responsibility, _ encounters: [Kept]) {
        guard !encounters.isEmpty else { return }
        for unit in r.units {
            // Kept encounters are all at responsible units: with one unit there is nothing to pick.
            let here = r.units.count == 1 ? encounters : encounters.filter { $0.unit == unit }
            guard !here.isEmpty else { continue }
            let plain = here.map(\.encounter)
            if r.listedAt == unit { unitTallies[unit].add(plain, window: window) }
            for index in r.assignments.map({ patientAssignments[$0].assignment })
            where assignments[index].key.unit == unit {
                assignments[index].tally.add(plain, window: window)
                let group = assignments[index].group, staff = assignments[index].key.staff
                for e in here where e.encounter.group == group {
                    assignments[index].groupEncounters += 1
                    if e.staff == staff { assignments[index].ownEncounters += 1 }
                }
            }
        }
    }

    private func overview(months: Int) -> ContinuityOverview {
        let units = unitIds.indices.filter { listed[$0] > 0 }.map { u in
            UnitContinuity(unitId: UnitID(rawValue: unitIds[u]), unitName: unitNames[u], listedPatients: listed[u],
                           withCareContact: withContact[u], withNamedGP: withGP[u],
                           continuity: unitTallies[u].summary(patients: listed[u]))
        }.sorted { a, b in
            a.unitName != b.unitName ? SwedishOrder.areInIncreasingOrder(a.unitName, b.unitName) : a.unitId < b.unitId
        }
        let staff = assignments.map { a in
            let person = staffRows[a.key.staff]
            return StaffContinuity(
                staffId: StaffID(rawValue: person.id), staffName: person.name, profession: person.profession,
                unitId: UnitID(rawValue: unitIds[a.key.unit]), unitName: unitNames[a.key.unit],
                careContactPatients: a.careContacts, namedGPPatients: a.namedGPs, patients: a.patients,
                ownEncounterShare: a.groupEncounters > 0 ? Double(a.ownEncounters) / Double(a.groupEncounters) : nil,
                continuity: a.tally.summary(patients: a.patients))
        }.sorted { a, b in
            if a.unitName != b.unitName { return SwedishOrder.areInIncreasingOrder(a.unitName, b.unitName) }
            if a.unitId != b.unitId { return a.unitId < b.unitId }
            if a.staffName != b.staffName { return SwedishOrder.areInIncreasingOrder(a.staffName, b.staffName) }
            return a.staffId < b.staffId
        }
        return ContinuityOverview(window: window, months: months, minimumEncounters: minimumEncounters,
                                  units: units, staff: staff)
    }

    /// Midnight in Stockholm at the start of `day`, in seconds: encounters are stored as
    /// instants and the window is counted in Stockholm days.
    /// Foundation's zone for its list of daylight-saving changes; a report is a command of
    /// its own, not a session, so loading the zone data costs no session memory.
    static let stockholm = TimeZone(identifier: "Europe/Stockholm") ?? .current

    static func startOfDay(_ day: LocalDate) -> Int64 {
        let utcMidnight = Date(timeIntervalSince1970: TimeInterval(day.dayNumber) * 86_400)
        return Int64(day.dayNumber) * 86_400 - Int64(ClockZone.stockholm.secondsFromGMT(for: utcMidnight))
    }
}
