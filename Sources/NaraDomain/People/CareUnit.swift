/// Huvudman: who runs a unit. Region and municipality are different principals, which
/// is what makes a coordinated plan (SIP) necessary.
public enum Principal: String, CaseIterable, Sendable, Codable {
    case region, municipality, `private`
}

public enum UnitKind: String, CaseIterable, Sendable, Codable {
    /// Vårdcentral.
    case primaryCare = "primary_care"
    /// Specialist clinic in the region (öppen specialistvård).
    case specialist
    /// Hospital ward; discharges come from here.
    case hospital
    /// The municipality's home health care (kommunal hälso- och sjukvård).
    case homeCare = "home_care"
    /// Social services, school health and other partners in a coordinated plan.
    case socialServices = "social_services"
    case other
}

/// Vårdenhet.
public struct CareUnit: Hashable, Sendable, Codable, Identifiable {
    public var id: UnitID
    public var name: String
    public var principal: Principal
    public var kind: UnitKind

    public init(id: UnitID, name: String, principal: Principal, kind: UnitKind) {
        self.id = id
        self.name = name
        self.principal = principal
        self.kind = kind
    }
}
