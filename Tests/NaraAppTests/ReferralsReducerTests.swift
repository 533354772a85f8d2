import Foundation
@testable import NaraApp
import NaraDomain
import TerminalUI
import Testing

/// The referral screen's reducer without a store: referrals built with the domain's
/// own rules, so every state here is one a real referral can be in.
@Suite struct ReferralsReducerTests {
    static let today = LocalDate(year: 2026, month: 11, day: 23)!
    static let vc: UnitID = "vc", ortho: UnitID = "ortho", med: UnitID = "med"
    static let s = ReferralsStrings.sv
    static let units = [CareUnit(id: vc, name: "VC Ekbacken", principal: .region, kind: .primaryCare),
                        CareUnit(id: ortho, name: "Ortopeden", principal: .region, kind: .specialist),
                        CareUnit(id: med, name: "Medicinmottagningen", principal: .region, kind: .specialist)]

    static func at(_ daysAgo: Int) -> Date { today.noon(in: .stockholm).addingTimeInterval(-Double(daysAgo) * 86_400) }

    static func referral(_ id: RecordID, from: UnitID = vc, to: UnitID = ortho, priority: ReferralPriority = .routine,
                         daysAgo: Int = 10, steps: [ReferralAction] = []) -> Referral {
        var r = try! Referral.draft(id: id, patientId: PatientID(id), from: from, to: to, priority: priority,
                                    question: "Fråga \(id)", by: "nurse", at: at(daysAgo))
        for step in steps {
            let sender = [.send, .cancel, .acknowledgeReply].contains(step.kind)
            r = try! r.applying(step, by: ReferralActor(staffId: "x", unitId: sender ? r.fromUnitId : r.toUnitId),
                                at: at(daysAgo))
        }
        return r
    }

    static func item(_ r: Referral) -> ReferralListItem {
        let pnr = try! PersonIdentifier.parse("19450303-4565", today: today)
        return ReferralListItem(referral: r, patient: PatientSummary(
            id: r.patientId, identifier: pnr, name: "Patient \(r.id)", sex: .female, birthDate: nil,
            protectedIdentity: false, listingUnitId: nil, listingUnitName: nil, namedContactName: nil))
    }

    /// An outbox state (the user works at the health centre) with three sent referrals:
    /// 1 overdue (100 days), 2 urgent with 80 days left, 3 a draft.
    static func state(own: UnitID = vc) -> ReferralsState {
        var st = ReferralsState()
        st.ownUnit = own
        st.units = units
        let outbox = [referral(1, daysAgo: 100, steps: [.send]),
                      referral(2, priority: .urgent, daysAgo: 10, steps: [.send]),
                      referral(3)].map(item)
        _ = ReferralsReducer.reduce(&st, .loaded(inbox: [], outbox: outbox, patient: nil), today: today, strings: s)
        return st
    }

    @discardableResult
    static func reduce(_ st: inout ReferralsState, _ actions: ReferralsAction...) -> [ReferralsEffect] {
        actions.flatMap { ReferralsReducer.reduce(&st, $0, today: today, strings: s, visibleRows: 2) }
    }

    @Test func tabsCycleBothWaysAndResetTheSelection() {
        var st = Self.state()
        #expect(st.tab == .inbox)
        Self.reduce(&st, .nextTab)
        #expect(st.tab == .outbox && st.list.selected == 0)
        Self.reduce(&st, .move(.down), .nextTab)
        #expect(st.tab == .patient && st.list.selected == nil)
        Self.reduce(&st, .nextTab)
        #expect(st.tab == .inbox)
        Self.reduce(&st, .previousTab)
        #expect(st.tab == .patient)
    }

    @Test func movementStopsAtTheEndsAndPagesByTheVisibleRows() {
        var st = Self.state()
        Self.reduce(&st, .nextTab)
        Self.reduce(&st, .move(.up))
        #expect(st.list.selected == 0)
        Self.reduce(&st, .move(.down), .move(.down), .move(.down))
        #expect(st.list.selected == 2)
        #expect(st.list.offset == 1)
        Self.reduce(&st, .move(.first))
        #expect(st.list.selected == 0 && st.list.offset == 0)
        Self.reduce(&st, .move(.last))
        #expect(st.list.selected == 2)
        Self.reduce(&st, .move(.pageUp))
        #expect(st.list.selected == 0)
        Self.reduce(&st, .move(.pageDown))
        #expect(st.list.selected == 2)
    }

    @Test func deadlineSortPutsTheOverdueFirstAndDraftsLast() {
        var st = Self.state()
        Self.reduce(&st, .nextTab)
        #expect(st.rows(today: Self.today).map(\.referral.id) == [1, 2, 3])
        #expect(st.rows(today: Self.today)[0].referral.isOverdue(today: Self.today))
        Self.reduce(&st, .toggleSort)
        #expect(st.sort == .sent)
        #expect(st.rows(today: Self.today).map(\.referral.id) == [1, 2, 3])
        Self.reduce(&st, .toggleSort)
        #expect(st.sort == .deadline)
    }

    @Test func stateFilterCyclesOpenStatesOnlyUnlessClosedAreIncluded() {
        var st = Self.state()
        Self.reduce(&st, .nextTab)
        Self.reduce(&st, .cycleStateFilter)
        #expect(st.filter.state == .draft)
        #expect(st.rows(today: Self.today).map(\.referral.id) == [3])
        Self.reduce(&st, .cycleStateFilter)
        #expect(st.filter.state == .sent)
        #expect(st.rows(today: Self.today).map(\.referral.id) == [1, 2])
        let openStates = ReferralState.allCases.filter(\.isOpen).count
        for _ in 0..<(openStates - 1) { Self.reduce(&st, .cycleStateFilter) }
        #expect(st.filter.state == nil)
        let effects = Self.reduce(&st, .toggleClosed)
        #expect(effects == [.reload])
        #expect(st.filter.includeClosed)
        #expect(st.filter.stateCycle().count == ReferralState.allCases.count + 1)
        for _ in 0..<5 { Self.reduce(&st, .cycleStateFilter) }
        #expect(st.filter.state == .rejected)
        Self.reduce(&st, .toggleClosed)
        #expect(st.filter.state == nil, "a closed state cannot stay chosen once closed ones are hidden")
    }

    @Test func priorityAndOverdueFiltersKeepTheSelectedReferral() {
        var st = Self.state()
        Self.reduce(&st, .nextTab, .move(.down))
        #expect(st.selected(today: Self.today)?.referral.id == 2)
        Self.reduce(&st, .cyclePriorityFilter)
        #expect(st.filter.priority == .urgent)
        #expect(st.rows(today: Self.today).map(\.referral.id) == [2])
        #expect(st.selected(today: Self.today)?.referral.id == 2)
        Self.reduce(&st, .cyclePriorityFilter, .cyclePriorityFilter, .cyclePriorityFilter)
        #expect(st.filter.priority == nil)
        #expect(st.rows(today: Self.today).count == 3 && st.list.selected != nil)
        Self.reduce(&st, .toggleOverdue)
        #expect(st.rows(today: Self.today).map(\.referral.id) == [1])
        Self.reduce(&st, .toggleOverdue)
        #expect(!st.filter.overdueOnly)
    }

    @Test func detailTogglesAndEscClosesIt() {
        var st = Self.state()
        Self.reduce(&st, .toggleDetail)
        #expect(st.detailExpanded)
        Self.reduce(&st, .close)
        #expect(!st.detailExpanded)
    }

    /// The menu is exactly what the domain allows the user's unit, never more.
    @Test(arguments: [
        ([ReferralAction](), vc, [ReferralActionKind.send, .cancel]),
        ([], ortho, []),
        ([.send], vc, [.cancel]),
        ([.send], ortho, [.confirmReceipt, .pauseClock]),
        ([.send, .confirmReceipt], ortho, [.accept, .reject, .forward, .adviceReply, .pauseClock]),
        ([.send, .confirmReceipt, .accept], ortho, [.forward, .book, .adviceReply, .pauseClock]),
        ([.send, .confirmReceipt, .accept, .pauseClock(.medical, comment: "sjuk")], ortho,
         [.forward, .book, .adviceReply, .resumeClock]),
        ([.send, .confirmReceipt, .accept, .book(on: today)], ortho, [.book, .markSeen, .pauseClock]),
        ([.send, .confirmReceipt, .accept, .book(on: today), .markSeen], ortho, [.reply]),
        ([.send, .confirmReceipt, .accept, .book(on: today), .markSeen], vc, []),
        ([.send, .confirmReceipt, .accept, .book(on: today), .markSeen, .reply(text: "ok")], vc, [.acknowledgeReply]),
    ])
    func menuOffersExactlyTheAvailableActions(steps: [ReferralAction], unit: UnitID, expected: [ReferralActionKind]) {
        let r = Self.referral(7, steps: steps)
        #expect(r.availableActions(for: unit) == expected)
        var st = ReferralsState()
        st.ownUnit = unit
        Self.reduce(&st, .loaded(inbox: [Self.item(r)], outbox: [], patient: nil), .openMenu)
        guard case .menu(let id, let actions, _) = st.overlay else { Issue.record("no menu"); return }
        #expect(id == 7 && actions == expected)
    }

    @Test func aStepWithoutDataIsConfirmedThenApplied() {
        var st = ReferralsState()
        st.ownUnit = Self.ortho
        let r = Self.referral(4, steps: [.send, .confirmReceipt])
        Self.reduce(&st, .loaded(inbox: [Self.item(r)], outbox: [], patient: nil), .openMenu)
        Self.reduce(&st, .menuChoose)
        #expect(st.overlay == .confirm(4, version: r.version, .accept, yesSelected: true))
        Self.reduce(&st, .confirmToggle)
        #expect(st.overlay == .confirm(4, version: r.version, .accept, yesSelected: false))
        Self.reduce(&st, .confirmNo)
        #expect(st.overlay == nil)
        Self.reduce(&st, .openMenu, .menuChoose)
        #expect(Self.reduce(&st, .confirmYes) == [.apply(4, version: r.version, .accept)])
    }

    @Test func rejectAsksForAReasonAndKeepsTheFormOnAnError() {
        var st = ReferralsState()
        st.ownUnit = Self.ortho
        st.units = Self.units
        let r = Self.referral(5, steps: [.send, .confirmReceipt])
        Self.reduce(&st, .loaded(inbox: [Self.item(r)], outbox: [], patient: nil), .openMenu, .menuDown, .menuUp,
                    .menuDown, .menuChoose)
        guard case .form(let form) = st.overlay else { Issue.record("no form"); return }
        #expect(form.title == "Avvisa")
        // Enter moves to the optional task for the sender, and from there saves.
        #expect(Self.reduce(&st, .form(.key(.enter))).isEmpty)
        #expect(Self.reduce(&st, .form(.key(.enter))).isEmpty)
        guard case .form(let failed) = st.overlay else { Issue.record("form closed"); return }
        #expect(failed.fields.fields[0].error == "Måste fyllas i")
        for c in "fel enhet" { Self.reduce(&st, .form(.key(.char(c)))) }
        // The reason, then the optional task for the sender: empty, no task.
        #expect(Self.reduce(&st, .form(.key(.enter))).isEmpty)
        #expect(Self.reduce(&st, .form(.key(.enter))) == [.apply(5, version: r.version, .reject(reason: "fel enhet"))])
        #expect(st.formHasInput, "the form stays until the store has said yes")
        for c in "Remittera till handkirurgen" { Self.reduce(&st, .form(.key(.char(c)))) }
        #expect(Self.reduce(&st, .form(.key(.enter)))
                == [.apply(5, version: r.version, .reject(reason: "fel enhet"), task: "Remittera till handkirurgen")])
    }

    @Test func escOnAFormWithInputAsksFirst() {
        var st = Self.state()
        Self.reduce(&st, .newReferral(PatientID(1)))
        Self.reduce(&st, .close)
        #expect(st.overlay == nil, "an empty form closes at once")
        Self.reduce(&st, .newReferral(PatientID(1)), .form(.key(.char("o"))), .form(.key(.escape)))
        guard case .form(let asking) = st.overlay else { Issue.record("closed"); return }
        #expect(asking.discarding == false)
        Self.reduce(&st, .confirmNo)
        guard case .form(let kept) = st.overlay else { Issue.record("closed"); return }
        #expect(kept.discarding == nil && kept.fields["unit"] == "o")
        Self.reduce(&st, .close, .confirmToggle, .confirmYes)
        #expect(st.overlay == nil)
    }

    @Test func newReferralValidatesUnitPriorityAndQuestion() {
        var st = Self.state()
        Self.reduce(&st, .newReferral(PatientID(9)))
        for c in "vc ek" { Self.reduce(&st, .form(.paste(String(c)))) }
        Self.reduce(&st, .form(.key(.tab)), .form(.paste("xyz")), .form(.key(.tab)))
        Self.reduce(&st, .form(.key(.enter)))
        guard case .form(let f) = st.overlay else { Issue.record("closed"); return }
        #expect(f.fields.fields.map(\.error) == ["Inte den egna enheten", "Skriv akut, förtur eller rutin", "Måste fyllas i"])
        #expect(f.fields.focus == 0)
        Self.reduce(&st, .form(.key(.ctrl("u"))), .form(.paste("m")))
        guard case .form(let hinted) = st.overlay else { return }
        #expect(hinted.fields.fields[0].hint == "→ Medicinmottagningen")
        Self.reduce(&st, .form(.key(.tab)), .form(.key(.ctrl("u"))), .form(.paste("a")), .form(.key(.tab)),
                    .form(.paste("Knäsmärta sedan tre månader")))
        let effects = Self.reduce(&st, .form(.key(.enter)))
        #expect(effects == [.create(NewReferral(patientId: PatientID(9), fromUnitId: Self.vc, toUnitId: Self.med,
                                                priority: .urgent, question: "Knäsmärta sedan tre månader"))])
    }

    @Test func formsParseDatesAndPauseKinds() {
        #expect(ReferralForms.priority("") == .routine)
        #expect(ReferralForms.priority("Förtur") == .priority)
        #expect(ReferralForms.priority("routine") == .routine)
        #expect(ReferralForms.pauseKind("m") == .medical)
        #expect(ReferralForms.pauseKind("P") == .patientChosen)
        #expect(ReferralForms.pauseKind("x") == nil)
        let r = Self.referral(6, steps: [.send, .confirmReceipt, .accept])
        var f = ReferralForms.step(.book, referral: r, Self.s).fields
        f["date"] = "2026-02-30"
        #expect(ReferralForms.action(.book, f, units: Self.units, referral: r, Self.s)
            == .failure(FieldErrors(["date": "Skriv ett giltigt datum ÅÅÅÅ-MM-DD"])))
        f["date"] = "2026-12-01"
        #expect(ReferralForms.action(.book, f, units: Self.units, referral: r, Self.s)
            == .success(.book(on: LocalDate(year: 2026, month: 12, day: 1)!)))
        var forward = ReferralForms.step(.forward, referral: r, Self.s).fields
        forward["unit"] = "medicin"
        forward["reason"] = "fel specialitet"
        #expect(ReferralForms.action(.forward, forward, units: Self.units, referral: r, Self.s)
            == .success(.forward(to: Self.med, reason: "fel specialitet")))
    }
}
