/// Which encounters a continuity figure counts. The same everywhere: by default the
/// encounters at the unit where the patient is listed, as Primärvårdskvalitet measures
/// it; all units on request. Every figure says which it counts.
public enum ContinuityScope: String, CaseIterable, Sendable, Codable {
    case listingUnit = "listing-unit"
    case allUnits = "all-units"

    public static let `default` = ContinuityScope.listingUnit

    /// The encounters in scope. At the listing unit, a patient who is listed nowhere has
    /// none, and an encounter whose unit is not known is not counted.
    public func select(_ encounters: [ContinuityEncounter], listingUnit: UnitID?) -> [ContinuityEncounter] {
        switch self {
        case .allUnits: return encounters
        case .listingUnit:
            guard let listingUnit else { return [] }
            return encounters.filter { $0.unitId == listingUnit }
        }
    }
}
