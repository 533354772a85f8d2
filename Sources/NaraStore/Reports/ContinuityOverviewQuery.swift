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
    public func continuityOverview(today: LocalDate, months: Int, minimumEncounters: Int) throws -> ContinuityOverview {
        let window = Continuity.window(endingOn: today, months: months)
        return try read { db in
            var query = ContinuityOverviewQuery(db: db, window: window, minimumEncounters: minimumEncounters)
            return try query.run(months: months)
        }
    }
}

/// Three set-wise reads (listings, named contacts, staff and units) and then one pass
/// over the window's encounters in patient order, so the cost grows with the number of
/// encounters in the window and never makes a query per patient.
struct ContinuityOverviewQuery {
    let db: Database
    let window: ClosedRange<LocalDate>
    let minimumEncounters: Int

    private var unitIds: [String] = []
    private var unitNames: [String] = []
    private var unitIndex: [String: Int] = [:]
    private var staffRows: [(id: String, name: String, profession: Profession)] = []
    private var staffIndex: [String: Int] = [:]

    /// Per unit: listed patients and how many of them have each kind of named contact.
    private var listed: [Int] = [], withContact: [Int] = [], withGP: [Int] = []
    private var listingUnit: [Int64: Int] = [:]
    private var unitTallies: [ContinuityTallyByProfession] = []

    /// One row per (staff member, unit) with assignments.
    private var assignments: [Assignment] = []
    private var assignmentIndex: [AssignmentKey: Int] = [:]
    /// Per patient, the assignments they count towards (each once).
    private var assignmentsByPatient: [Int64: [Int]] = [:]

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

    init(db: Database, window: ClosedRange<LocalDate>, minimumEncounters: Int) {
        self.db = db
        self.window = window
        self.minimumEncounters = max(2, minimumEncounters)
    }

    mutating func run(months: Int) throws -> ContinuityOverview {
        try loadDirectory()
        try loadListings()
        try loadAssignments()
        try passOverEncounters()
        return overview(months: months)
    }

    private mutating func loadDirectory() throws {
        for row in try Row.fetchAll(db, sql: "SELECT id, name FROM care_unit") {
            unitIndex[row[0]] = unitIds.count
            unitIds.append(row[0])
            unitNames.append(row[1])
        }
        for row in try Row.fetchAll(db, sql: "SELECT id, name, profession FROM staff") {
            staffIndex[row[0]] = staffRows.count
            staffRows.append((row[0], row[1], Profession(rawValue: row[2]) ?? .other))
        }
        listed = Array(repeating: 0, count: unitIds.count)
        withContact = listed
        withGP = listed
        unitTallies = Array(repeating: ContinuityTallyByProfession(minimumEncounters: minimumEncounters),
                            count: unitIds.count)
    }

    /// Listings active on the window's last day, with the contacts at the listing unit.
    private mutating func loadListings() throws {
        let rows = try Row.fetchCursor(db, sql: """
            SELECT l.patient_id, l.unit_id,
                   EXISTS (SELECT 1 FROM care_contact c WHERE c.patient_id = l.patient_id AND c.unit_id = l.unit_id
                           AND c.role = 'care_contact' AND c.from_date <= ?1 AND (c.to_date IS NULL OR c.to_date > ?1)),
                   EXISTS (SELECT 1 FROM care_contact c WHERE c.patient_id = l.patient_id AND c.unit_id = l.unit_id
                           AND c.role = 'named_physician' AND c.from_date <= ?1 AND (c.to_date IS NULL OR c.to_date > ?1))
            FROM listing l WHERE l.from_date <= ?1 AND (l.to_date IS NULL OR l.to_date > ?1)
            """, arguments: [window.upperBound.iso])
        while let row = try rows.next() {
            guard let unit = unitIndex[row[1] as String] else { continue }
            listingUnit[row[0]] = unit
            listed[unit] += 1
            if row[2] as Bool { withContact[unit] += 1 }
            if row[3] as Bool { withGP[unit] += 1 }
        }
    }

    /// Named care contacts and named GPs active on the window's last day.
    private mutating func loadAssignments() throws {
        let rows = try Row.fetchCursor(db, sql: """
            SELECT patient_id, staff_id, unit_id, role FROM care_contact
            WHERE from_date <= ?1 AND (to_date IS NULL OR to_date > ?1)
            """, arguments: [window.upperBound.iso])
        while let row = try rows.next() {
            guard let staff = staffIndex[row[1] as String], let unit = unitIndex[row[2] as String] else { continue }
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
            if (row[3] as String) == ContactRole.namedPhysician.rawValue {
                assignments[index].namedGPs += 1
            } else {
                assignments[index].careContacts += 1
            }
            let patient: Int64 = row[0]
            if !(assignmentsByPatient[patient]?.contains(index) ?? false) {
                assignmentsByPatient[patient, default: []].append(index)
                assignments[index].patients += 1
            }
        }
    }

    /// The window's encounters, one patient at a time. Only encounters at the patient's
    /// listing unit or at a unit where they have a named contact are kept: continuity is
    /// measured where the responsibility is, as Primärvårdskvalitet does.
    private mutating func passOverEncounters() throws {
        let from = Self.startOfDay(window.lowerBound), to = Self.startOfDay(window.upperBound.adding(days: 1))
        let days = LocalDays(timeZone: .stockholm, from: from, to: to)
        let rows = try Row.fetchCursor(db, sql: """
            SELECT patient_id, at, staff_id, unit_id FROM encounter
            WHERE at >= ? AND at < ? ORDER BY patient_id, at, id
            """, arguments: [from, to])
        var patient: Int64 = -1
        var units: [Int] = []
        var kept: [(unit: Int, staff: Int, encounter: ContinuityEncounter)] = []
        while let row = try rows.next() {
            let p: Int64 = row[0]
            if p != patient {
                measure(patient: patient, units: units, encounters: kept)
                kept.removeAll(keepingCapacity: true)
                patient = p
                units = relevantUnits(of: p)
            }
            guard !units.isEmpty, let unit = unitIndex[row[3] as String], units.contains(unit) else { continue }
            let staffId: String = row[2]
            let staff = staffIndex[staffId] ?? -1
            let group = staff >= 0 ? staffRows[staff].profession.continuityGroup : .others
            kept.append((unit, staff, ContinuityEncounter(day: days.day(row[1]), staffId: StaffID(rawValue: staffId),
                                                          group: group)))
        }
        measure(patient: patient, units: units, encounters: kept)
    }

    private func relevantUnits(of patient: Int64) -> [Int] {
        var units: [Int] = []
        if let unit = listingUnit[patient] { units.append(unit) }
        for index in assignmentsByPatient[patient] ?? [] where !units.contains(assignments[index].key.unit) {
            units.append(assignments[index].key.unit)
        }
        return units
    }

    private mutating func measure(patient: Int64, units: [Int],
                                  encounters: [(unit: Int, staff: Int, encounter: ContinuityEncounter)]) {
        guard !encounters.isEmpty else { return }
        for unit in units {
            let here = encounters.filter { $0.unit == unit }
            guard !here.isEmpty else { continue }
            let plain = here.map(\.encounter)
            if listingUnit[patient] == unit { unitTallies[unit].add(plain, window: window) }
            for index in assignmentsByPatient[patient] ?? [] where assignments[index].key.unit == unit {
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
    static func startOfDay(_ day: LocalDate) -> Int64 {
        let utcMidnight = Date(timeIntervalSince1970: TimeInterval(day.dayNumber) * 86_400)
        return Int64(day.dayNumber) * 86_400 - Int64(TimeZone.stockholm.secondsFromGMT(for: utcMidnight))
    }
}
