/// A diagnosis on the patient's problem list.
public struct Problem: Hashable, Sendable, Codable, Identifiable {
    public var id: RecordID
    public var patientId: PatientID
    /// ICD-10-SE code, e.g. `E11.9`.
    public var code: String
    public var text: String
    public var chronic: Bool
    public var since: LocalDate?
    /// Where it was documented; nil for a diagnosis from before units were recorded.
    public var unitId: UnitID?

    public init(id: RecordID, patientId: PatientID, code: String, text: String, chronic: Bool, since: LocalDate? = nil,
                unitId: UnitID? = nil) {
        self.unitId = unitId
        self.id = id
        self.patientId = patientId
        self.code = code
        self.text = text
        self.chronic = chronic
        self.since = since
    }

    /// An ICD-10 code: a letter, two digits, optionally a dot and one to four more
    /// characters (`I10`, `E11.9`, `F32.1A` as ICD-10-SE writes some).
    public static func isValidCode(_ code: String) -> Bool {
        let chars = Array(code)
        guard chars.count >= 3, chars.count <= 8,
              chars[0].isASCII, chars[0].isUppercase,
              chars[1].isASCIIDigitCharacter, chars[2].isASCIIDigitCharacter else { return false }
        if chars.count == 3 { return true }
        guard chars[3] == ".", chars.count >= 5 else { return false }
        return chars[4...].allSatisfy { $0.isASCII && ($0.isASCIIDigitCharacter || $0.isUppercase) }
    }
}
