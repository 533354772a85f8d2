/// Which encounters a continuity figure counts. The same everywhere: by default the
/// encounters at the unit where the patient is listed, as Primärvårdskvalitet measures
/// it; all units on request. Every figure says which it counts.
public enum ContinuityScope: String, CaseIterable, Sendable, Codable {
    case listingUnit = "listing-unit"
    case allUnits = "all-units"

    public static let `default` = ContinuityScope.listingUnit

    /// The scope a patient's figures are given in: the listing unit's falls back to all
    /// units for a patient who is listed nowhere.
    public func effective(listingUnit: UnitID?) -> ContinuityScope {
        self == .listingUnit && listingUnit == nil ? .allUnits : self
    }

    /// The encounters in scope. At the listing unit an encounter whose unit is not known
    /// is not counted.
    public func select(_ encounters: [ContinuityEncounter], listingUnit: UnitID?) -> [ContinuityEncounter] {
        switch effective(listingUnit: listingUnit) {
        case .allUnits: return encounters
        case .listingUnit: return encounters.filter { $0.unitId == listingUnit }
        }
    }
}

extension PatientRecord {
    /// The record's encounters as continuity counts them in `scope` on `today`, and the
    /// scope in force: at the listing unit when the patient is listed there, all units for
    /// a patient who is listed nowhere (the screen says which).
    public func continuityEncounters(_ scope: ContinuityScope = .default, on today: LocalDate,
                                     zone: ClockZone = .stockholm) -> (scope: ContinuityScope, encounters: [ContinuityEncounter]) {
        let listing = activeListing(on: today)?.unitId
        let all = encounters.map { e in
            ContinuityEncounter(day: LocalDate(date: e.at, in: zone), staffId: e.staffId,
                                group: staff[e.staffId]?.profession.continuityGroup ?? .others, unitId: e.unitId)
        }
        let effective = scope.effective(listingUnit: listing)
        return (effective, effective.select(all, listingUnit: listing))
    }
}
