/// One part of a chronic disease's yearly check: a measurement kept as an observation,
/// or an examination recorded as done (`CheckDone`).
public enum CheckItem: String, CaseIterable, Sendable, Codable, Hashable {
    case hba1c
    case bloodPressure = "blood_pressure"
    case bodyWeight = "body_weight"
    case egfr
    case smoking
    /// Eye screening (ögonbottenfotografering), as NDR asks for diabetes.
    case eyeScreening = "eye_screening"
    /// Foot examination (fotundersökning) with risk grading, as NDR asks for diabetes.
    case footExamination = "foot_examination"
    case spirometry

    /// The observation that records it; nil for an examination recorded as done.
    public var observation: ObservationKind? {
        switch self {
        case .hba1c: return .hba1c
        case .bloodPressure: return .bloodPressure
        case .bodyWeight: return .bodyWeight
        case .egfr: return .egfr
        case .smoking: return .smoking
        case .eyeScreening, .footExamination, .spirometry: return nil
        }
    }

    /// The examinations recorded as done, not measured.
    public static let examinations: [CheckItem] = allCases.filter { $0.observation == nil }
}

/// A yearly check a registry asks for in one chronic disease, as data: the diagnoses
/// (ICD-10 category prefixes) and what is to be done within the window.
public struct YearlyCheckProgramme: Hashable, Sendable {
    public var condition: ChronicCondition
    public var codePrefixes: [String]
    public var items: [CheckItem]

    public init(condition: ChronicCondition, codePrefixes: [String], items: [CheckItem]) {
        self.condition = condition
        self.codePrefixes = codePrefixes
        self.items = items
    }

    public func applies(to code: String) -> Bool {
        codePrefixes.contains { code.uppercased().hasPrefix($0) }
    }

    /// Diabetes per NDR (HbA1c, blood pressure, eye screening, foot examination); heart
    /// failure per RiksSvikt's follow-up (blood pressure, weight, kidney function for the
    /// drugs); COPD per the national guidelines (spirometry, smoking status).
    public static let standard: [YearlyCheckProgramme] = [
        YearlyCheckProgramme(condition: .diabetes, codePrefixes: ["E10", "E11", "E12", "E13", "E14"],
                             items: [.hba1c, .bloodPressure, .eyeScreening, .footExamination]),
        YearlyCheckProgramme(condition: .heartFailure, codePrefixes: ["I50"], items: [.bloodPressure, .bodyWeight, .egfr]),
        YearlyCheckProgramme(condition: .copd, codePrefixes: ["J44"], items: [.spirometry, .smoking]),
    ]
}

public enum ChronicCondition: String, CaseIterable, Sendable, Codable, Hashable {
    case diabetes
    case heartFailure = "heart_failure"
    case copd
}

/// An examination of a yearly check recorded as done on a day, at a unit.
public struct CheckDone: Hashable, Sendable, Codable {
    public var item: CheckItem
    public var on: LocalDate
    public var unitId: UnitID

    public init(item: CheckItem, on: LocalDate, unitId: UnitID) {
        self.item = item
        self.on = on
        self.unitId = unitId
    }
}

public enum YearlyChecks {
    /// What is missing, per condition the patient has, for the window of `months` ending
    /// on `today`: the items with no observation or examination in it. `lastDone` holds
    /// the latest day of each item, wherever recorded.
    public static func due(codes: [String], lastDone: [CheckItem: LocalDate], months: Int, today: LocalDate,
                           programmes: [YearlyCheckProgramme] = YearlyCheckProgramme.standard)
        -> [(condition: ChronicCondition, missing: [CheckItem])] {
        let window = Continuity.window(endingOn: today, months: months)
        return programmes.compactMap { programme in
            guard codes.contains(where: programme.applies) else { return nil }
            let missing = programme.items.filter { item in lastDone[item].map { !window.contains($0) } ?? true }
            return missing.isEmpty ? nil : (programme.condition, missing)
        }
    }
}
