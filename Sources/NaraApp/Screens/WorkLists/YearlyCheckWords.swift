import NaraDomain

/// The words of the yearly checks: each part and condition in both languages, switches
/// over (language, value), so a new part without its words does not compile.
enum YearlyCheckWords {
    static func item(_ item: CheckItem, _ language: Language) -> String {
        switch (language, item) {
        case (.sv, .hba1c): return "HbA1c"
        case (.sv, .bloodPressure): return "blodtryck"
        case (.sv, .bodyWeight): return "vikt"
        case (.sv, .egfr): return "eGFR"
        case (.sv, .smoking): return "rökning"
        case (.sv, .eyeScreening): return "ögonbotten"
        case (.sv, .footExamination): return "fotundersökning"
        case (.sv, .spirometry): return "spirometri"
        case (.en, .hba1c): return "HbA1c"
        case (.en, .bloodPressure): return "blood pressure"
        case (.en, .bodyWeight): return "weight"
        case (.en, .egfr): return "eGFR"
        case (.en, .smoking): return "smoking"
        case (.en, .eyeScreening): return "eye screening"
        case (.en, .footExamination): return "foot examination"
        case (.en, .spirometry): return "spirometry"
        }
    }

    static func condition(_ condition: ChronicCondition, _ language: Language) -> String {
        switch (language, condition) {
        case (.sv, .diabetes): return "Diabetes"
        case (.sv, .heartFailure): return "Hjärtsvikt"
        case (.sv, .copd): return "KOL"
        case (.en, .diabetes): return "Diabetes"
        case (.en, .heartFailure): return "Heart failure"
        case (.en, .copd): return "COPD"
        }
    }

    /// "Diabetes: ögonbotten, fotundersökning; KOL: spirometri".
    static func missing(_ missing: [ConditionChecks], _ language: Language) -> String {
        missing.map { c in
            condition(c.condition, language) + ": " + c.items.map { item($0, language) }.joined(separator: ", ")
        }.joined(separator: "; ")
    }
}
