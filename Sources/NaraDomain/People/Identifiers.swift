/// Row identity of a patient in a store. Not shown to users: they see the person
/// identifier. Kept separate so a patient whose personnummer changes (a reserve number
/// replaced by a real one) keeps its history.
public struct PatientID: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: Int64
    public init(rawValue: Int64) { self.rawValue = rawValue }
    public init(_ rawValue: Int64) { self.rawValue = rawValue }
    public var description: String { String(rawValue) }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// A staff member's login name, e.g. `anna.lund`: the name a forced SSH command
/// passes as `--user` (SECURITY.md).
public struct StaffID: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

extension StaffID {
    /// Login names go into SSH forced commands and log rows: 1–64 of a–z, 0–9, '.', '_'
    /// and '-'. Every store refuses other ids when staff are added.
    public var isWellFormedLogin: Bool {
        (1...64).contains(rawValue.count) && rawValue.allSatisfy { c in
            c.isASCII && (c.isLowercase || c.isASCIIDigitCharacter || c == "." || c == "_" || c == "-")
        }
    }
}

/// A care unit's id; usually its HSA-id (`SE2321000164-vc01`).
public struct UnitID: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// Row identity of records that have no natural key: encounters, referrals, contacts, plans.
public typealias RecordID = Int64
