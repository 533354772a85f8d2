import Foundation
@testable import NaraApp
import NaraDomain
import Testing
import TerminalUI

/// Min dag's reducer without a store: sections, moves, the keys that act on a row, forms.
@Suite struct MyDayReducerTests {
    static let day = LocalDate(year: 2026, month: 11, day: 23)!
    static let words = MyDayStrings.sv
    static let global = Language.sv.strings

    static func patient(_ n: Int64) -> PatientSummary {
        PatientSummary(id: PatientID(rawValue: n), identifier: try! PersonIdentifier.parse("19121212-1212", today: day),
                       name: "Patient \(n)", sex: .unknown, birthDate: LocalDate(year: 1950, month: 1, day: 1),
                       protectedIdentity: false, listingUnitId: nil, listingUnitName: nil, namedContactName: nil)
    }

    static func request(_ n: Int64, callback: String? = nil) -> CareRequestRow {
        CareRequestRow(request: CareRequest(id: n, patientId: PatientID(rawValue: n), unitId: "vc", channel: .phone,
                                            problem: .new, reason: "Feber \(n)", registeredAt: day.noon(in: .stockholm),
                                            registeredBy: "sköt", callback: callback.flatMap { CallbackSlot(text: $0) }),
                       patient: patient(n))
    }

    static func task(_ n: Int64) -> TaskRow {
        TaskRow(task: PatientTask(id: n, patientId: PatientID(rawValue: n), unitId: "hs", createdBy: "kommun",
                                  createdAt: day.noon(in: .stockholm), text: "Dosett \(n)", toStaffId: "sköt",
                                  toUnitId: nil, due: nil, priority: .normal),
                patient: patient(n))
    }

    static func loaded() -> MyDayState {
        var s = MyDayState()
        _ = reduce(&s, .loaded(MyDayLoad(careRequests: [request(1), request(2, callback: "10-12"),
                                                        request(3, callback: "08-10")],
                                         tasks: [task(4)])))
        return s
    }

    @discardableResult
    static func reduce(_ s: inout MyDayState, _ action: MyDayAction) -> [MyDayEffect] {
        MyDayReducer.reduce(&s, action, words: words, global: global, visibleRows: 10)
    }

    @Test func rowsComeInSectionOrderAndCallbacksBySlot() {
        let s = Self.loaded()
        #expect(s.rows.map(\.patient.id.rawValue) == [1, 3, 2, 4])
        #expect(s.rows.map(\.section) == [.careRequests, .callbacks, .callbacks, .tasks])
        #expect(s.list.selected == 0 && s.hasLoaded)
    }

    @Test func enterOpensTheSelectedPatientAndMovesStopAtTheEdges() {
        var s = Self.loaded()
        #expect(Self.reduce(&s, .open) == [.openPatient(PatientID(rawValue: 1))])
        Self.reduce(&s, .move(.last))
        Self.reduce(&s, .move(.down))
        #expect(s.list.selected == 3)
        #expect(Self.reduce(&s, .open) == [.openPatient(PatientID(rawValue: 4))])
    }

    @Test func contactAndAssessmentActOnACareRequestOnly() {
        var s = Self.loaded()
        #expect(Self.reduce(&s, .contactMade) == [.recordContact(PatientID(rawValue: 1), id: 1)])
        #expect(Self.reduce(&s, .assessed) == [.recordAssessment(PatientID(rawValue: 1), id: 1)])
        #expect(Self.reduce(&s, .noAnswer) == [.recordNoAnswer(PatientID(rawValue: 1), id: 1)])
        Self.reduce(&s, .move(.last))
        #expect(Self.reduce(&s, .contactMade) == [.nothingSelected])
    }

    @Test func doneOpensTheReplyFormOnATaskAndSubmitsFromItsOnlyField() {
        var s = Self.loaded()
        #expect(Self.reduce(&s, .done) == [.nothingSelected])
        Self.reduce(&s, .move(.last))
        Self.reduce(&s, .done)
        #expect(s.form?.kind == .completeTask(PatientID(rawValue: 4), taskId: 4))
        "Klart".forEach { Self.reduce(&s, .form(.key(.char($0)))) }
        let effects = Self.reduce(&s, .form(.key(.enter)))
        guard case .submit(let form)? = effects.first else { Issue.record("no submit"); return }
        #expect(form.fields["reply"] == "Klart")
        Self.reduce(&s, .saved)
        #expect(s.form == nil)
    }

    @Test func newFormsTakeTheSelectedRowElseTheOpenRecord() {
        var s = MyDayState()
        #expect(Self.reduce(&s, .newTask(openRecord: false)) == [.nothingSelected])
        s.openPatient = MyDayPatient(id: PatientID(rawValue: 9), label: "Nio")
        Self.reduce(&s, .newTask(openRecord: false))
        #expect(s.form?.kind == .newTask(PatientID(rawValue: 9)) && s.form?.patientLabel == "Nio")
        s = Self.loaded()
        s.openPatient = MyDayPatient(id: PatientID(rawValue: 9), label: "Nio")
        Self.reduce(&s, .newCareRequest(openRecord: false))
        #expect(s.form?.kind == .newCareRequest(PatientID(rawValue: 1)))
        Self.reduce(&s, .form(.key(.escape)))
        #expect(s.form == nil)
        Self.reduce(&s, .plan(openRecord: true))
        #expect(s.form?.kind == .plannedContact(PatientID(rawValue: 9)))
    }

    @Test func formErrorsLandOnTheirFields() {
        var s = Self.loaded()
        Self.reduce(&s, .newTask(openRecord: false))
        Self.reduce(&s, .formErrors(["staff": "Ingen"]))
        #expect(s.form?.fields.fields.first { $0.id == "staff" }?.error == "Ingen")
        #expect(s.form?.fields.focus == 1)
    }

    @Test func theFilterNarrowsByNameOrTextAndEscClearsIt() {
        var s = Self.loaded()
        Self.reduce(&s, .beginFilter)
        "dosett".forEach { Self.reduce(&s, .filter(.key(.char($0)))) }
        Self.reduce(&s, .filter(.key(.enter)))
        #expect(s.rows.map(\.patient.id.rawValue) == [4])
        Self.reduce(&s, .back)
        #expect(s.rows.count == 4)
    }

    @Test func aReloadKeepsTheSelectedRowAndTabSwitchesRead() {
        var s = Self.loaded()
        Self.reduce(&s, .move(.down))
        Self.reduce(&s, .move(.down))
        #expect(s.selectedItem?.patient.id.rawValue == 2)
        Self.reduce(&s, .loaded(MyDayLoad(careRequests: [Self.request(2, callback: "10-12")], tasks: [Self.task(4)])))
        #expect(s.selectedItem?.patient.id.rawValue == 2)
        #expect(Self.reduce(&s, .switchTab) == [.loadPatients])
        #expect(Self.reduce(&s, .refresh) == [.loadPatients])
        #expect(Self.reduce(&s, .switchTab) == [.load])
    }

    @Test func formChecksNameAPersonOrAUnitAndADayFromToday() throws {
        let units = [CareUnit(id: "hs", name: "Hemsjukvården Ekby kommun", principal: .municipality, kind: .homeCare)]
        let staff = [Staff(id: "sköt", name: "Sara Sköld", profession: .districtNurse, unitId: "vc", roles: [.nurse])]
        var form = MyDayForms.make(.newTask(PatientID(rawValue: 1)), label: "", Self.words)
        form.fields["text"] = "Ring"
        form.fields["staff"] = "sara"
        form.fields["unit"] = "hemsjuk"
        guard case .failure(let both) = MyDayForms.check(form, units: units, staff: staff, today: Self.day, Self.words)
        else { Issue.record("both accepted"); return }
        #expect(both.byField["staff"] == Self.words.errOneAddressee)
        form.fields["staff"] = ""
        form.fields["due"] = "2026-11-22"
        guard case .failure(let past) = MyDayForms.check(form, units: units, staff: staff, today: Self.day, Self.words)
        else { Issue.record("past accepted"); return }
        #expect(past.byField["due"] == Self.words.errDate)
        form.fields["due"] = "2026-11-30"
        form.fields["priority"] = "brå"
        #expect(try MyDayForms.check(form, units: units, staff: staff, today: Self.day, Self.words).get()
            == .addTask(PatientID(rawValue: 1), text: "Ring", toStaff: nil, toUnit: "hs",
                        due: LocalDate(year: 2026, month: 11, day: 30), priority: .urgent))
        var request = MyDayForms.make(.newCareRequest(PatientID(rawValue: 1)), label: "", Self.words)
        request.fields["reason"] = "Hosta"
        request.fields["channel"] = "bes"
        request.fields["callback"] = "8-10"
        #expect(try MyDayForms.check(request, units: [], staff: [], today: Self.day, Self.words).get()
            == .addCareRequest(PatientID(rawValue: 1), channel: .visit, problem: .new, reason: "Hosta",
                               callback: CallbackSlot(fromMinute: 480, toMinute: 600)))
    }
}
