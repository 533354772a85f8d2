import Foundation
import NaraDomain
import Testing

/// `DraftStore` as every store must keep it: one draft per staff member, replaced by the
/// next, its text cleaned and cut to the field limit, its time to the millisecond.
@Suite struct DraftConformanceTests {
    static let savedAt = Date(timeIntervalSince1970: 1_795_000_000.125)

    static func draft(_ staff: StaffID, form: String = "encounter", fields: [String: String], focus: Int = 2)
        -> FormDraft {
        FormDraft(staffId: staff, patientId: nil, screen: "overview", form: form, fields: fields, focus: focus,
                  savedAt: savedAt)
    }

    @Test(arguments: StoreBackend.available)
    func aDraftIsKeptPerStaffMemberAndReplaced(_ backend: StoreBackend) throws {
        let s = try BackendStore.withStaff(backend)
        defer { s.remove() }
        let store = s.operatorStore
        #expect(try store.draft(for: "karin.berg") == nil)
        let first = Self.draft("karin.berg", fields: ["0": "Blodtryck 140/90", "note": "rad ett\nrad två"])
        try store.saveDraft(first)
        try store.saveDraft(Self.draft("olof.hagg", form: "plan:12:3", fields: [:], focus: 0))
        #expect(try store.draft(for: "karin.berg") == first)
        let second = Self.draft("karin.berg", form: "plan:12:3", fields: ["goal": "Gå 30 min"], focus: 1)
        try store.saveDraft(second)
        #expect(try store.draft(for: "karin.berg") == second)
        #expect(try store.draft(for: "olof.hagg")?.form == "plan:12:3")
        try store.deleteDraft(for: "karin.berg")
        #expect(try store.draft(for: "karin.berg") == nil)
        #expect(try store.draft(for: "olof.hagg") != nil)
        try store.deleteDraft(for: "karin.berg")
    }

    @Test(arguments: StoreBackend.available)
    func textIsCleanedAndCutToTheFieldLimit(_ backend: StoreBackend) throws {
        let s = try BackendStore.withStaff(backend)
        defer { s.remove() }
        let store = s.operatorStore
        let long = String(repeating: "å", count: FormDraft.fieldLimit + 500)
        try store.saveDraft(FormDraft(staffId: "karin.berg", patientId: nil, screen: "over\u{1B}view",
                                      form: "enc\u{7}ounter", fields: ["long": long, "id\nx": "a\u{1B}[31mb\nc"],
                                      focus: -4, savedAt: Self.savedAt))
        let read = try #require(try store.draft(for: "karin.berg"))
        #expect(read.fields["long"] == String(repeating: "å", count: FormDraft.fieldLimit))
        #expect(read.focus == 0)
        #expect(read.savedAt == Date(timeIntervalSince1970: 1_795_000_000.125))
        #expect(read.screen == CleanText.line("over\u{1B}view") && read.form == CleanText.line("enc\u{7}ounter"))
        #expect(read.fields.keys.sorted() == [CleanText.line("id\nx"), "long"].sorted())
        #expect(read.fields[CleanText.line("id\nx")] == CleanText.clean("a\u{1B}[31mb\nc", allowNewlines: true))
    }

    @Test(arguments: StoreBackend.available)
    func aDraftOfAnUnknownStaffMemberIsRefused(_ backend: StoreBackend) throws {
        let s = try BackendStore.withStaff(backend)
        defer { s.remove() }
        #expect(throws: StoreError.self) { try s.operatorStore.saveDraft(Self.draft("nobody", fields: [:])) }
        #expect(try s.operatorStore.draft(for: "nobody") == nil)
    }
}
