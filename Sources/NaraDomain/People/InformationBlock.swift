import Foundation

/// Spärr, as the national model has it (Inera's spärrtjänst): the patient blocks what
/// was documented at one unit (inner block) or at one provider (outer block). Staff
/// outside that unit or provider see that blocked information exists, and nothing of it.
public struct InformationBlock: Hashable, Sendable, Codable, Identifiable {
    public enum Scope: Hashable, Sendable, Codable {
        case unit(UnitID)
        case provider(ProviderID)
    }

    public var id: RecordID
    public var patientId: PatientID
    public var scope: Scope
    public var from: LocalDate
    /// The day it was lifted; nil while it holds.
    public var to: LocalDate?
    public var reason: String
    public var createdBy: StaffID

    public init(id: RecordID, patientId: PatientID, scope: Scope, from: LocalDate, to: LocalDate?, reason: String,
                createdBy: StaffID) {
        self.id = id
        self.patientId = patientId
        self.scope = scope
        self.from = from
        self.to = to
        self.reason = reason
        self.createdBy = createdBy
    }

    public func isActive(on day: LocalDate) -> Bool { from <= day && to == nil }

    /// Hides what `unit` (of `provider`) documented from a reader at `readerUnit` of
    /// `readerProvider`: everyone outside the blocked unit or provider.
    public func hides(documentedAt unit: UnitID, of provider: ProviderID,
                      fromReaderAt readerUnit: UnitID, of readerProvider: ProviderID) -> Bool {
        switch scope {
        case .unit(let blocked): return blocked == unit && readerUnit != blocked
        case .provider(let blocked): return blocked == provider && readerProvider != blocked
        }
    }
}

/// Tillfällig hävning: a block opened for one user or one unit, for at most seven days,
/// with the patient's consent or in an emergency, with a reason.
public struct BlockOpening: Hashable, Sendable, Codable, Identifiable {
    public enum Grantee: Hashable, Sendable, Codable {
        case staff(StaffID)
        case unit(UnitID)
    }

    public enum Basis: String, CaseIterable, Hashable, Sendable, Codable {
        case consent, emergency
    }

    /// The longest a block may be opened (DOMAIN.md, "Blocks").
    public static let maximumDays = 7

    public var id: RecordID
    public var blockId: RecordID
    public var grantee: Grantee
    public var from: Date
    public var until: Date
    public var basis: Basis
    public var reason: String
    public var createdBy: StaffID

    public init(id: RecordID, blockId: RecordID, grantee: Grantee, from: Date, until: Date, basis: Basis,
                reason: String, createdBy: StaffID) {
        self.id = id
        self.blockId = blockId
        self.grantee = grantee
        self.from = from
        self.until = until
        self.basis = basis
        self.reason = reason
        self.createdBy = createdBy
    }

    public func opens(_ block: InformationBlock, for staff: StaffID, at unit: UnitID, now: Date) -> Bool {
        guard blockId == block.id, from <= now, now < until else { return false }
        switch grantee {
        case .staff(let id): return id == staff
        case .unit(let id): return id == unit
        }
    }
}
