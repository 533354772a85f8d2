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

/// Vårdenhet. Every unit belongs to one care provider (vårdgivare).
public struct CareUnit: Hashable, Sendable, Codable, Identifiable {
    public var id: UnitID
    public var name: String
    public var principal: Principal
    public var kind: UnitKind
    public var providerId: ProviderID

    public init(id: UnitID, name: String, principal: Principal, kind: UnitKind, providerId: ProviderID? = nil) {
        self.id = id
        self.name = name
        self.principal = principal
        self.kind = kind
        self.providerId = providerId ?? ProviderID.derived(from: id)
    }
}

/// A care provider's id: the organisation part of its HSA-ids (`SE2321000164`).
public struct ProviderID: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    /// An HSA-id is the provider's organisation id, a dash and a local part; a unit id
    /// without a dash is taken to be a provider of its own.
    public static func derived(from unit: UnitID) -> ProviderID {
        ProviderID(rawValue: String(unit.rawValue.split(separator: "-", maxSplits: 1).first ?? Substring(unit.rawValue)))
    }
}

/// Vårdgivare (or huvudman): a region, a municipality, or a company. Information one
/// provider documented reaches another only with the patient's consent or in an
/// emergency (Patientdatalagen 6 kap, sammanhållen journalföring).
public struct CareProvider: Hashable, Sendable, Codable, Identifiable {
    public var id: ProviderID
    public var name: String
    public var principal: Principal

    public init(id: ProviderID, name: String, principal: Principal) {
        self.id = id
        self.name = name
        self.principal = principal
    }
}
