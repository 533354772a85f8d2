import NaraDomain

/// Identifier and code systems. The Swedish ones are HL7 Sweden's base profiles
/// (DOMAIN.md); the `urn:nara:` ones carry what FHIR has no field for, so a record that
/// leaves and comes back is the same record.
public enum Systems {
    public static let personnummer = "http://electronichealth.se/identifier/personnummer"
    public static let personnummerOID = "urn:oid:1.2.752.129.2.1.3.1"
    public static let samordningsnummer = "http://electronichealth.se/identifier/samordningsnummer"
    public static let samordningsnummerOID = "urn:oid:1.2.752.129.2.1.3.3"
    public static let nationalReserve = "http://electronichealth.se/identifier/nationelltReservnummer"
    /// Inera's OID for NRID, read as the same system.
    public static let nationalReserveOID = "urn:oid:1.2.752.74.9.1"
    public static let hsa = "urn:oid:1.2.752.29.4.19"

    public static let unitKind = "urn:nara:unit-kind"
    public static let principal = "urn:nara:principal"
    public static let profession = "urn:nara:profession"
    public static let contactRole = "urn:nara:contact-role"
    public static let encounterMode = "urn:nara:encounter-mode"
    public static let referralState = "urn:nara:referral-state"
    public static let guarantee = "urn:nara:guarantee"
    public static let priority = "urn:nara:priority"
    public static let icd10se = "http://hl7.org/fhir/sid/icd-10-se"
    public static let icd10 = "http://hl7.org/fhir/sid/icd-10"
    public static let v3ActCode = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
    public static let v3ActPriority = "http://terminology.hl7.org/CodeSystem/v3-ActPriority"
    public static let conditionCategory = "http://terminology.hl7.org/CodeSystem/condition-category"
    public static let conditionClinical = "http://terminology.hl7.org/CodeSystem/condition-clinical"
    public static let v3Confidentiality = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality"
    /// HL7 Sweden's security labels for protected identity (SEBasePatient's meta.security).
    public static let securityLabelSE = "http://hl7.se/fhir/ig/base/CodeSystem/SecurityLabel"
    public static let securityLabelSECodes: [String: String] = [
        "sekretessmarkering": "Sekretessmarkering", "skyddadFolkbokforing": "Skyddad folkbokföring",
    ]
    public static let chronic = "urn:nara:chronic"
    public static let bcp47 = "urn:ietf:bcp:47"
    public static let v2ContactRole = "http://terminology.hl7.org/CodeSystem/v2-0131"
    public static let interpreterRequired = "http://hl7.org/fhir/StructureDefinition/patient-interpreterRequired"
    public static let loinc = "http://loinc.org"
    public static let snomed = "http://snomed.info/sct"
    public static let ucum = "http://unitsofmeasure.org"
    public static let observationCategory = "http://terminology.hl7.org/CodeSystem/observation-category"

    public static let listingExtension = "urn:nara:fhir:listing"
    public static let eventExtension = "urn:nara:fhir:referral-event"
    public static let pauseExtension = "urn:nara:fhir:guarantee-pause"
    public static let bookedExtension = "urn:nara:fhir:booked-on"
    public static let seenExtension = "urn:nara:fhir:seen-on"
    public static let selfReferralExtension = "urn:nara:fhir:self-referral"
    public static let followUpExtension = "urn:nara:fhir:follow-up-on"

    /// The identifier system of a Swedish person identifier kind; a region's reserve
    /// numbers are written with HL7 Sweden's system for that region (`ReserveFormat`).
    public static func system(for kind: IdentifierKind) -> String {
        switch kind {
        case .personnummer: return personnummer
        case .samordningsnummer: return samordningsnummer
        case .nationalReserve: return nationalReserve
        case .localReserve(let region): return ReserveFormat.of(region).system
        }
    }

    /// The kind a Swedish identifier system names, by URL or OID; nil for any other system.
    public static func kind(ofSystem system: String) -> IdentifierKind? {
        switch system {
        case personnummer, personnummerOID: return .personnummer
        case samordningsnummer, samordningsnummerOID: return .samordningsnummer
        case nationalReserve, nationalReserveOID: return .nationalReserve
        default:
            return ReserveFormat.all.first { $0.systems.contains(system) }.map { .localReserve($0.region) }
        }
    }

    /// An HSA-id: a country code, ten digits, a dash and a local part.
    public static func isHSA(_ value: String) -> Bool {
        let parts = value.split(separator: "-", maxSplits: 1)
        guard parts.count == 2, parts[0].count == 12, parts[0].hasPrefix("SE"),
              parts[0].dropFirst(2).allSatisfy(\.isASCIIDigitCharacter), !parts[1].isEmpty else { return false }
        return true
    }
}
