import Foundation
import GRDB
import NaraDomain

/// Consent for staff of the user's provider to read what another provider documented
/// (sammanhållen journalföring). Recorded by the reading side, at the patient's word.
extension SQLiteStore {
    public func providers() throws -> [CareProvider] {
        try read { db in
            try ConsentAndBlockRules.providersPart.fetchAll(db).map(Decode.provider)
        }
    }

    public func addConsent(_ patient: PatientID, source: ProviderID?, until: LocalDate?,
                           as context: AccessContext) throws -> Consent {
        let today = clock.today, now = clock.now
        try ConsentAndBlockRules.checkUntil(until, today: today)
        return try write { db in
            let grant = try consentOrBlockGrant(db, context, patient: patient)
            try ConsentAndBlockRules.checkSource(source, grant: grant) { id in
                try exists(db, "SELECT 1 FROM care_provider WHERE id = ?", [id.rawValue])
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
            try appendLog(db, context: context,
                          entries: [(patient, ConsentAndBlockRules.addConsentLogged(source: source, until: until, grant))],
                          action: .write)
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
            guard count > 0 else { throw ConsentAndBlockRules.noActiveConsent }
            try appendLog(db, context: context,
                          entries: [(patient, ConsentAndBlockRules.revokeConsentLogged(source: source, grant))],
                          action: .write)
            return count
        }
    }

    /// The patient's consents, active and ended.
    public func consents(of patient: PatientID, as context: AccessContext) throws -> [Consent] {
        try readThroughDoor(context, patient: patient, detail: ConsentAndBlockRules.consentsDetail) { db, _ in
            try ConsentAndBlockRules.consentsPart.fetchAll(db, patient: patient).map(Decode.consent)
        }
    }
}
