import Foundation
import GRDB
import NaraDomain

/// Consent for staff of the user's provider to read what another provider documented
/// (sammanhållen journalföring). Recorded by the reading side, at the patient's word.
extension SQLiteStore {
    public func providers() throws -> [CareProvider] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM care_provider ORDER BY name").map { row in
                CareProvider(id: ProviderID(rawValue: row["id"]), name: row["name"],
                             principal: Principal(rawValue: row["principal"]) ?? .region)
            }
        }
    }

    public func addConsent(_ patient: PatientID, source: ProviderID?, until: LocalDate?,
                           as context: AccessContext) throws -> Consent {
        let today = clock.today, now = clock.now
        if let until, until < today { throw StoreError.refused(.consentEndsBeforeToday) }
        return try write { db in
            let grant = try consentOrBlockGrant(db, context, patient: patient)
            if let source {
                guard try exists(db, "SELECT 1 FROM care_provider WHERE id = ?", [source.rawValue]) else {
                    throw StoreError.notFound("care provider \(source)")
                }
                guard source != grant.subject.providerId else {
                    throw StoreError.refused(.consentForOwnInformation)
                }
            }
            try db.execute(sql: """
                INSERT INTO consent(patient_id, grantee_provider_id, source_provider_id, from_date, until_date,
                                    recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [patient.rawValue, grant.subject.providerId.rawValue, source?.rawValue, today.iso,
                                 until?.iso, context.staffId.rawValue, seconds(now)])
            let consent = Consent(id: db.lastInsertedRowID, patientId: patient, granteeProviderId: grant.subject.providerId,
                                  sourceProviderId: source, from: today, until: until, recordedBy: context.staffId,
                                  recordedAt: Date(timeIntervalSince1970: TimeInterval(seconds(now))))
            try appendLog(db, context: context, entries: [(patient, Self.logged(
                "consent to read \(source?.rawValue ?? "all other providers")" + (until.map { " until \($0.iso)" } ?? ""),
                grant))], action: .write)
            return consent
        }
    }

    /// Ends, at once, the patient's active consents for the user's provider to read
    /// `source`'s information (every other provider's when nil); returns how many.
    @discardableResult
    public func revokeConsent(_ patient: PatientID, source: ProviderID?, as context: AccessContext) throws -> Int {
        try write { db in
            let grant = try consentOrBlockGrant(db, context, patient: patient)
            try db.execute(sql: """
                UPDATE consent SET revoked_at = ?1, revoked_by = ?2
                WHERE patient_id = ?3 AND grantee_provider_id = ?4 AND revoked_at IS NULL
                  AND (?5 IS NULL OR source_provider_id IS ?5)
                """, arguments: [seconds(clock.now), context.staffId.rawValue, patient.rawValue,
                                 grant.subject.providerId.rawValue, source?.rawValue])
            let count = db.changesCount
            guard count > 0 else { throw StoreError.notFound("an active consent") }
            try appendLog(db, context: context, entries: [(patient, Self.logged(
                "revoke consent to read \(source?.rawValue ?? "all other providers")", grant))], action: .write)
            return count
        }
    }

    /// The patient's consents, active and ended.
    public func consents(of patient: PatientID, as context: AccessContext) throws -> [Consent] {
        try readThroughDoor(context, patient: patient, detail: "consents") { db, _ in
            try Row.fetchAll(db, sql: "SELECT * FROM consent WHERE patient_id = ? ORDER BY id DESC",
                             arguments: [patient.rawValue]).map(Decode.consent)
        }
    }
}
