import Foundation

/// What a nurse had typed into a form when the session ended without her choosing (the
/// SSH connection dropped, the terminal was closed, the process was told to stop). One
/// per staff member: the next start offers it back, into the same form for the same
/// patient. It holds patient data, so it lives in the store beside the record, under the
/// same file permissions and backups, not in a loose file (SECURITY.md).
public struct FormDraft: Hashable, Sendable {
    public var staffId: StaffID
    /// The record that was open; nil for a form that belongs to no patient.
    public var patientId: PatientID?
    /// The screen the form belongs to (`ScreenID`'s raw value).
    public var screen: String
    /// Which form of the screen, as the screen names it ("encounter", "plan:12:3").
    public var form: String
    /// The text of each field, by field id.
    public var fields: [String: String]
    /// The field that had focus.
    public var focus: Int
    public var savedAt: Date

    public init(staffId: StaffID, patientId: PatientID?, screen: String, form: String, fields: [String: String],
                focus: Int, savedAt: Date) {
        self.staffId = staffId
        self.patientId = patientId
        self.screen = screen
        self.form = form
        self.fields = fields
        self.focus = focus
        self.savedAt = savedAt
    }

    /// The most text one field of a draft keeps: the longest form field (a referral's
    /// question or reply) takes 4,000 characters.
    public static let fieldLimit = 4000
}

extension FormDraft {
    /// The fields as every store keeps them: ids on one line, text cleaned like any
    /// stored text and cut to `fieldLimit`, as one JSON object.
    public var storedFields: String {
        var cleaned: [String: String] = [:]
        for (id, text) in fields {
            cleaned[CleanText.line(id)] = String(CleanText.clean(text, allowNewlines: true).prefix(Self.fieldLimit))
        }
        return String(decoding: (try? JSONEncoder().encode(cleaned)) ?? Data("{}".utf8), as: UTF8.self)
    }

    /// The fields read back from `storedFields`; anything else reads as no fields.
    public static func fields(stored json: String) -> [String: String] {
        (try? JSONDecoder().decode([String: String].self, from: Data(json.utf8))) ?? [:]
    }
}

/// Drafts kept across a dropped session, one per staff member.
public protocol DraftStore: Sendable {
    /// Replaces the staff member's draft, if any.
    func saveDraft(_ draft: FormDraft) throws
    func draft(for staff: StaffID) throws -> FormDraft?
    func deleteDraft(for staff: StaffID) throws
}
