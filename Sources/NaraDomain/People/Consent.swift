import Foundation

/// Samtycke (Patientdatalagen 6 kap 3 §): the patient lets staff of one provider read
/// what another provider documented. Recorded by the reading side, for one source
/// provider or all others, from a day until a day or until revoked.
public struct Consent: Hashable, Sendable, Codable, Identifiable {
    public var id: RecordID
    public var patientId: PatientID
    /// Whose staff may read.
    public var granteeProviderId: ProviderID
    /// Whose information; nil for every other provider.
    public var sourceProviderId: ProviderID?
    public var from: LocalDate
    /// The last day it holds; nil until revoked.
    public var until: LocalDate?
    public var recordedBy: StaffID
    public var recordedAt: Date
    public var revokedAt: Date?
    public var revokedBy: StaffID?

    public init(id: RecordID, patientId: PatientID, granteeProviderId: ProviderID, sourceProviderId: ProviderID?,
                from: LocalDate, until: LocalDate?, recordedBy: StaffID, recordedAt: Date,
                revokedAt: Date? = nil, revokedBy: StaffID? = nil) {
        self.id = id
        self.patientId = patientId
        self.granteeProviderId = granteeProviderId
        self.sourceProviderId = sourceProviderId
        self.from = from
        self.until = until
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
        self.revokedAt = revokedAt
        self.revokedBy = revokedBy
    }

    /// Revoking ends it at once, whatever day it is.
    public func isActive(on day: LocalDate) -> Bool {
        revokedAt == nil && from <= day && (until.map { day <= $0 } ?? true)
    }

    /// Lets `reader` read what `source` documented.
    public func covers(reader: ProviderID, source: ProviderID, on day: LocalDate) -> Bool {
        isActive(on: day) && granteeProviderId == reader && (sourceProviderId == nil || sourceProviderId == source)
    }
}
