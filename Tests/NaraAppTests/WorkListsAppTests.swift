@testable import NaraApp
import NaraDomain
import NaraStore
import Testing
import TerminalUI
import TerminalUITesting

/// The work-list screen driven through the real app on a small demo store.
@Suite struct WorkListsAppTests {
    /// What `nara worklist` reports for the demo nurse's unit on this store.
    static let expected: [(sv: String, count: String)] = [
        ("Äldre (75+) med ≥3 kroniska diagnoser utan fast vårdkontakt", "16"),
        ("Täta kontakter (≥4 på 12 mån) med låg kontinuitet (COC < 0,3)", "366"),
        ("SIP med passerad uppföljning", "3"),
        ("Utskrivna senaste 7 dagarna utan kontakt", "2"),
        ("Remisser efter vårdgarantins gräns", "2"),
        ("Remisser utan bekräftelse eller kvittens", "8"),
        ("Kronisk sjukdom utan kontakt på 12 månader", "34"),
        ("Inskrivna på sjukhus utan fast vårdkontakt", "4"),
        ("Utskrivningsklara utan kallad SIP", "5"),
        ("Avvisade remisser att ta hand om", "2"),
        ("Listade utan fast läkarkontakt", "764"),
        ("Boende på SÄBO utan fast läkarkontakt", "7"),
        ("Multisjuka äldre (75+, ≥3 vårdtillfällen på 12 mån)", "0"),
        ("Årskontroll ej gjord (diabetes, hjärtsvikt, KOL)", "89"),
    ]

    @Test func f6ShowsTheListsWithCounts() throws {
        let f = try WorkListsFixture()
        defer { f.remove() }
        f.press(.function(6))
        #expect(f.app.state.top.id == .workLists)
        #expect(f.text.contains("Arbetslistor · Vårdcentralen Ekbacken · 2026-11-23"))
        for (name, count) in Self.expected {
            let line = try #require(f.line(containing: name), "\(name) missing")
            #expect(line.hasSuffix(" \(count) │"), "\(line)")
        }
        // The explanation follows the selection.
        #expect(f.text.contains("Listade här, 75 år eller äldre, minst 3 kroniska"))
        f.press(.char("G"))
        #expect(f.text.contains("Listade här med diabetes (HbA1c, blodtryck, ögonbotten"))
    }

    @Test func countsAreReadOnOpenAndOnURefreshNotPerFrame() throws {
        let f = try WorkListsFixture()
        defer { f.remove() }
        f.press(.function(6))
        // Opening the screen counted, before any frame was drawn.
        let counted = try #require((f.app.state.top as? WorkListsScreen)?.state.counts)
        #expect(counted[.elderlyMultimorbidWithoutContact] == 16)

        // A colleague gives one of the elderly a care contact: `u` counts again.
        let rows = try f.store.workList(.elderlyMultimorbidWithoutContact, unit: f.app.state.session.unit.id,
                                        settings: .default, today: WorkListsFixture.day, limit: 1, as: f.app.state.session.context)
        let session = f.app.state.session
        _ = try f.store.assignContact(NewCareContact(patientId: rows[0].patient.id, role: .careContact,
                                                     staffId: session.staff.id, unitId: session.unit.id,
                                                     reason: "test", from: WorkListsFixture.day),
                                      as: session.context)
        #expect(f.line(containing: Self.expected[0].sv)?.hasSuffix(" 16 │") == true)
        f.press(.char("u"))
        #expect(f.line(containing: Self.expected[0].sv)?.hasSuffix(" 15 │") == true)
    }

    @Test func enterOpensAListAndAPatientAndEscGoesBack() throws {
        let f = try WorkListsFixture()
        defer { f.remove() }
        f.press(.function(6), .char("j"), .char("j"), .char("j"), .char("j"))
        #expect(f.text.contains("Öppna remisser till eller från enheten"))
        f.press(.enter)
        let screen = try #require(f.app.state.top as? WorkListsScreen)
        #expect(screen.state.open == .overdueReferrals)
        #expect(f.text.contains("Remisser efter vårdgarantins gräns · 2 patienter"))
        #expect(f.text.contains("Frida Söderberg"))
        #expect(f.text.contains("20 dagar efter vårdgarantins gräns (remiss 7)"))
        // Opening the list is a look at patient data: one row for each patient shown.
        let listLog = try f.store.logRows(patient: nil, limit: 10).filter { $0.detail.hasPrefix("work list overdue-referrals") }
        #expect(listLog.count == 2 && listLog.allSatisfy { $0.patientId != nil })

        // Esc closes the list, not the screen; a second Esc leaves the screen.
        f.press(.escape)
        #expect(f.app.state.top.id == .workLists)
        #expect((f.app.state.top as? WorkListsScreen)?.state.open == nil)
        #expect(f.text.contains("Remisser efter vårdgarantins gräns"))
        f.press(.enter)
        let patient = try #require((f.app.state.top as? WorkListsScreen)?.state.selectedRow?.patient.id)
        let before = try f.store.logRows(patient: patient, limit: 100).count
        f.press(.enter)
        #expect(f.app.state.top.id == .overview)
        #expect(f.app.state.patient?.patient.id == patient)
        let after = try f.store.logRows(patient: patient, limit: 100)
        #expect(after.count == before + 1)
        #expect(after.contains { $0.staffId == f.app.state.session.staff.id && $0.action == .read })
    }

    /// `/` narrows the open list as one types, Enter keeps the filter and gives the keys
    /// back to the list, Esc shows the whole list again and a second Esc closes it.
    @Test func slashFiltersTheOpenList() throws {
        let f = try WorkListsFixture()
        defer { f.remove() }
        f.press(.function(6), .char("j"), .char("j"), .char("j"), .char("j"), .enter)
        #expect(f.text.contains("Frida Söderberg"))
        let other = try #require((f.app.state.top as? WorkListsScreen)?.state.rows.first { $0.patient.name != "Frida Söderberg" })
        f.press(.char("/"))
        f.type("söder")
        #expect(f.app.state.top.id == .workLists, "/ on a list filters it instead of opening search")
        #expect(f.text.contains("Frida Söderberg"))
        #expect(!f.text.contains(other.patient.name ?? "?"))
        #expect(f.text.contains("/söder") && f.text.contains("1 av 2"))
        f.press(.enter)
        #expect(f.text.contains("/söder"), "Enter keeps the filter")
        // The list has the keys again: Enter opens the one patient left.
        f.press(.enter)
        #expect(f.app.state.top.id == .overview)
        f.press(.escape)
        #expect(f.app.state.top.id == .workLists)
        #expect(f.text.contains("1 av 2"))
        f.press(.escape)
        #expect(f.text.contains(other.patient.name ?? "?") && !f.text.contains("1 av 2"))
        f.press(.escape)
        #expect((f.app.state.top as? WorkListsScreen)?.state.open == nil)
        // On the list of lists, / is the program's: find a patient.
        f.press(.char("/"))
        #expect(f.app.state.top.id == .search)
    }

    @Test func escOnTheListOfListsLeavesTheScreen() throws {
        let f = try WorkListsFixture()
        defer { f.remove() }
        f.press(.function(6), .escape)
        #expect(f.app.state.top.id == .search)
    }

    /// The demo unit's lists hold no protected identity, so the view gets one directly.
    @Test func protectedIdentityIsMaskedInAList() throws {
        var state = WorkListsReducerTests.openList(2)
        state.loaded[1].patient.name = nil
        state.loaded[1].patient.protectedIdentity = true
        state.applyFilter()
        var buffer = Buffer(width: 80, height: 21)
        WorkListsView(state: state, settings: .default, strings: Language.sv.strings, unitName: "VC",
                      today: WorkListsFixture.day, glyphs: .unicode).render(in: buffer.area, buffer: &buffer)
        let line = try #require(buffer.lines.firstIndex { $0.contains("Skyddad identitet") })
        #expect(buffer.lines.contains { $0.contains("Patient 1") })
        #expect(!buffer.lines.contains { $0.contains("Patient 2") })
        let x = try #require(buffer.lines[line].firstRange(of: "Skyddad")).lowerBound
        let column = buffer.lines[line].distance(from: buffer.lines[line].startIndex, to: x)
        #expect(buffer[column, line].style.role == .protectedIdentity)
    }

    @Test(arguments: [Language.sv, .en])
    func snapshotListOfLists(language: Language) throws {
        let f = try WorkListsFixture(language: language)
        defer { f.remove() }
        f.press(.function(6), .down)
        assertSnapshot(f.buffer, named: "lists-\(language.rawValue)-80x24")
    }

    @Test(arguments: [Language.sv, .en])
    func snapshotOpenList(language: Language) throws {
        let f = try WorkListsFixture(language: language)
        defer { f.remove() }
        f.press(.function(6), .char("j"), .char("j"), .char("j"), .char("j"), .char("j"), .enter, .down)
        assertSnapshot(f.buffer, named: "unacknowledged-\(language.rawValue)-80x24")
    }

    /// One row taken, one handled with a note: both marked, the handled one last and dim.
    @Test func snapshotTakenAndHandled() throws {
        let f = try WorkListsFixture()
        defer { f.remove() }
        f.press(.function(6), .char("j"), .char("j"), .char("j"), .char("j"), .char("j"), .enter, .char("t"), .down,
                .char("h"))
        f.type("Ringt mottagningen, svar i morgon")
        f.press(.enter)
        #expect(f.text.contains("Markerad som hanterad."))
        f.press(.up)
        assertSnapshot(f.buffer, named: "taken-handled-sv-80x24")
    }

    /// `T` on a row opens Min dag's task form about that row's patient; saved, the task is
    /// the patient's.
    @Test func aTaskIsWrittenFromARow() throws {
        let f = try WorkListsFixture()
        defer { f.remove() }
        f.press(.function(6), .char("j"), .char("j"), .char("j"), .char("j"), .char("j"), .enter)
        let patient = try #require((f.app.state.top as? WorkListsScreen)?.state.selectedRow?.patient)
        f.press(.char("T"))
        #expect(f.text.contains("Ny uppgift") && f.text.contains(patient.identifier.display))
        f.type("Ring patienten om remissvaret")
        f.press(.enter, .enter)
        f.type("Vårdcentralen Ekbacken")
        f.press(.enter, .enter, .enter)
        let tasks = try f.store.tasks(of: patient.id, as: f.app.state.session.context).tasks
        #expect(tasks.map(\.text) == ["Ring patienten om remissvaret"])
    }

    @Test func snapshotAt120x40() throws {
        let f = try WorkListsFixture(width: 120, height: 40)
        defer { f.remove() }
        f.press(.function(6), .char("j"), .enter, .pageDown)
        assertSnapshot(f.buffer, named: "low-continuity-sv-120x40")
    }
}

extension WorkListsAppTests {
    @Test func helpListsTheScreenKeys() throws {
        let f = try WorkListsFixture()
        defer { f.remove() }
        f.press(.function(6), .function(1))
        #expect(f.text.contains("g/G/Home/End"))
        #expect(f.text.contains("Räkna om listorna"))
        #expect(f.text.contains("Tillbaka till listorna"))
    }
}

/// Esc from a patient opened on a work list goes back to the list, where it was.
@Suite struct BackToTheListTests {
    @Test func escFromAPatientOpenedOnAListReturnsToTheListAndItsPlace() throws {
        let f = try WorkListsFixture()
        defer { f.remove() }
        f.press(.function(6), .enter, .down, .down)
        let selected = (f.app.state.top as? WorkListsScreen)?.state.selectedRow?.patient.id
        f.press(.enter)
        #expect(f.app.state.top.id == .overview)
        f.press(.function(4))
        #expect(f.app.state.top.id == .continuity)
        f.press(.escape, .escape)
        #expect(f.app.state.top.id == .workLists)
        #expect((f.app.state.top as? WorkListsScreen)?.state.selectedRow?.patient.id == selected)
        // A second patient from the same list replaces the first one's screens.
        f.press(.down, .enter, .escape)
        #expect(f.app.state.top.id == .workLists)
        #expect(f.app.state.stack.map(\.id) == [.search, .workLists])
    }
}
