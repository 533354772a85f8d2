import Foundation
import NaraDomain
import Testing
@testable import NaraStore

/// Drafts of forms kept over a dropped session: one per staff member, cleaned like any
/// stored text.
@Suite struct DraftStoreTests {
    @Test func oneDraftPerStaffMemberReplacedCleanedAndDeleted() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let p = try f.patient(TestPnr.a, "Åsa", "Öberg")
        let at = f.at(2026, 11, 23)
        try f.store.saveDraft(FormDraft(staffId: "karin.berg", patientId: p.id, screen: "continuity", form: "encounter",
                                        fields: ["reason": "Först"], focus: 4, savedAt: at))
        try f.store.saveDraft(FormDraft(staffId: "karin.berg", patientId: p.id, screen: "continuity", form: "encounter",
                                        fields: ["reason": "Yrsel\u{1B}]0;x\u{07}\u{202E}\u{9B}", "staff": "karin.berg",
                                                 "long": String(repeating: "å", count: 9000)],
                                        focus: 4, savedAt: at))
        let kept = try #require(try f.store.draft(for: "karin.berg"))
        #expect(kept.fields["reason"] == "Yrsel]0;x")
        #expect(kept.fields["long"]?.count == FormDraft.fieldLimit)
        #expect(kept.patientId == p.id && kept.focus == 4 && kept.savedAt == at)
        #expect(try f.store.draft(for: "olof.hagg") == nil)
        #expect(try f.store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM form_draft") } == 1)
        try f.store.deleteDraft(for: "karin.berg")
        #expect(try f.store.draft(for: "karin.berg") == nil)
    }
}
