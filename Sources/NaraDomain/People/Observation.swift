import Foundation

/// The measurements primary care follows over years, coded as HL7 Sweden's profiles
/// code them: LOINC for the measurement, UCUM for the unit, SNOMED CT for smoking status.
public enum ObservationKind: String, CaseIterable, Sendable, Codable {
    /// HbA1c in IFCC units (mmol/mol), as Swedish laboratories report it.
    case hba1c
    /// Systolic over diastolic, as one panel.
    case bloodPressure = "blood_pressure"
    case bodyWeight = "body_weight"
    case bmi
    /// eGFR relative to body surface (creatinine-based).
    case egfr
    case smoking

    /// The LOINC code written on export. HbA1c 59261-8 (IFCC, mmol/mol), the blood
    /// pressure panel 85354-9 with systolic 8480-6 and diastolic 8462-4 as components,
    /// body weight 29463-7, BMI 39156-5, eGFR 62238-1 (creatinine-based, per 1.73 m²),
    /// tobacco smoking status 72166-2.
    public var loinc: String {
        switch self {
        case .hba1c: return "59261-8"
        case .bloodPressure: return "85354-9"
        case .bodyWeight: return "29463-7"
        case .bmi: return "39156-5"
        case .egfr: return "62238-1"
        case .smoking: return "72166-2"
        }
    }

    /// Other LOINC codes read as the same measurement: HbA1c in percent (4548-4) is not
    /// among them, since its values are not mmol/mol; eGFR by other formulas is.
    public static func of(loinc code: String) -> ObservationKind? {
        switch code {
        case "59261-8": return .hba1c
        case "85354-9", "55284-4": return .bloodPressure
        case "29463-7", "3141-9": return .bodyWeight
        case "39156-5": return .bmi
        case "62238-1", "33914-3", "48642-3", "48643-1", "98979-8": return .egfr
        case "72166-2": return .smoking
        default: return nil
        }
    }

    public static let systolicLoinc = "8480-6"
    public static let diastolicLoinc = "8462-4"

    /// The UCUM unit the value is kept in; nil for smoking status, which is a code.
    public var ucum: String? {
        switch self {
        case .hba1c: return "mmol/mol"
        case .bloodPressure: return "mm[Hg]"
        case .bodyWeight: return "kg"
        case .bmi: return "kg/m2"
        case .egfr: return "mL/min/{1.73_m2}"
        case .smoking: return nil
        }
    }

    /// The unit as a nurse reads it.
    public var unitText: String {
        switch self {
        case .bloodPressure: return "mmHg"
        case .bmi: return "kg/m²"
        case .egfr: return "ml/min/1,73 m²"
        default: return ucum ?? ""
        }
    }

    /// FHIR's observation category: a laboratory result, a vital sign or social history.
    public var category: String {
        switch self {
        case .hba1c, .egfr: return "laboratory"
        case .bloodPressure, .bodyWeight, .bmi: return "vital-signs"
        case .smoking: return "social-history"
        }
    }
}

/// Tobacco smoking status in SNOMED CT: current smoker 77176002, ex-smoker 8517006,
/// never smoked tobacco 266919005.
public enum SmokingStatus: String, CaseIterable, Sendable, Codable {
    case current, former, never

    public var snomed: String {
        switch self {
        case .current: return "77176002"
        case .former: return "8517006"
        case .never: return "266919005"
        }
    }

    public var display: String {
        switch self {
        case .current: return "Smoker"
        case .former: return "Ex-smoker"
        case .never: return "Never smoked tobacco"
        }
    }

    /// The SNOMED CT codes read as each status, daily and occasional smokers included.
    public static func of(snomed code: String) -> SmokingStatus? {
        switch code {
        case "77176002", "449868002", "428041000124106", "65568007": return .current
        case "8517006": return .former
        case "266919005": return .never
        default: return nil
        }
    }
}

/// One measurement, documented by a unit: clinical information, shown or hidden by the
/// same policy as an encounter (blocks, another provider's consent).
public struct Observation: Hashable, Sendable, Codable, Identifiable {
    public var id: RecordID
    public var patientId: PatientID
    public var kind: ObservationKind
    /// The value in the kind's unit; the systolic pressure for blood pressure.
    public var value: Double?
    /// The diastolic pressure.
    public var value2: Double?
    public var smoking: SmokingStatus?
    public var at: Date
    public var unitId: UnitID
    public var staffId: StaffID?

    public init(id: RecordID, patientId: PatientID, kind: ObservationKind, value: Double? = nil, value2: Double? = nil,
                smoking: SmokingStatus? = nil, at: Date, unitId: UnitID, staffId: StaffID? = nil) {
        self.id = id
        self.patientId = patientId
        self.kind = kind
        self.value = value
        self.value2 = value2
        self.smoking = smoking
        self.at = at
        self.unitId = unitId
        self.staffId = staffId
    }

    /// The value as read aloud: "52", "142/88", "82,5", smoking's status name.
    public var valueText: String {
        if kind == .smoking { return smoking?.rawValue ?? "–" }
        func number(_ v: Double) -> String {
            v == v.rounded() ? String(Int(v)) : String(format: "%.1f", v).replacingOccurrences(of: ".", with: ",")
        }
        guard let value else { return "–" }
        return kind == .bloodPressure ? number(value) + "/" + (value2.map(number) ?? "–") : number(value)
    }
}

extension Array where Element == Observation {
    /// The newest of each kind, in `ObservationKind` order.
    public func latestByKind() -> [Observation] {
        ObservationKind.allCases.compactMap { kind in
            filter { $0.kind == kind }.max { ($0.at, $0.id) < ($1.at, $1.id) }
        }
    }

    /// One kind's values oldest first, for a trend.
    public func series(_ kind: ObservationKind) -> [(at: Date, value: Double)] {
        filter { $0.kind == kind }.sorted { ($0.at, $0.id) < ($1.at, $1.id) }.compactMap { o in o.value.map { (o.at, $0) } }
    }
}
