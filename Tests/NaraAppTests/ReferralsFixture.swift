import Foundation
import NaraApp
import NaraDomain
import NaraStore
import TerminalUI
import Testing

/// The clinic of `AppFixture` plus two receiving units with staff, and a way to run a
/// second app as one of their staff on the same store file (a second SQLiteStore, as a
/// second terminal session would have).
struct ReferralsFixture {
    let base: AppFixture
    static let ortho: UnitID = "SE2321000164-ort1"
    static let medicine: UnitID = "SE2321000164-med1"
    static let surgeon = Staff(id: "per.lind", name: "Per Lind", profession: .physician, unitId: ortho, roles: [.physician])
    static let secretary = Staff(id: "eva.sjo", name: "Eva Sjö", profession: .secretary, unitId: ortho, roles: [.secretary])
    static let secondSurgeon = Staff(id: "ida.berg", name: "Ida Berg", profession: .physician, unitId: ortho,
                                     roles: [.physician])
    static let nurseContext = AccessContext(staffId: "karin.berg", unitId: AppFixture.vc, sessionId: "seed")
    static let clock = FixedClock(AppFixture.day.noon(in: .stockholm).addingTimeInterval(-7200))

    var app: App { base.app }
    var store: SQLiteStore { base.store }

    init(language: Language = .sv, width: Int = 80, height: Int = 24) throws {
        try self.init(base: AppFixture(language: language, width: width, height: height))
    }

    /// The receiving units added to a fixture made elsewhere (one with a history).
    init(base: AppFixture) throws {
        self.base = base
        try base.store.addUnit(CareUnit(id: Self.ortho, name: "Ortopedmottagningen Sundsvall", principal: .region,
                                        kind: .specialist))
        try base.store.addUnit(CareUnit(id: Self.medicine, name: "Medicinmottagningen Härnösand", principal: .region,
                                        kind: .specialist))
        try base.store.addStaff(Self.surgeon)
        try base.store.addStaff(Self.secretary)
        try base.store.addStaff(Self.secondSurgeon)
    }

    func remove() { base.remove() }
    func press(_ keys: Key...) { keys.forEach { base.app.handleAndSettle(.key($0)) } }
    func type(_ text: String) { base.type(text) }
    var text: String { base.text }
    func render(_ app: App) -> Buffer { AppView().render(app).buffer }

    func patient(_ query: String) throws -> PatientID {
        try #require(try store.searchPatients(query, limit: 5, as: testNurse).first).id
    }

    /// A referral from the health centre to `to`, taken through `steps` by whichever
    /// side each step belongs to; `daysAgo` dates it (and its clock) in the past.
    @discardableResult
    func seed(_ query: String, to: UnitID = ortho, priority: ReferralPriority = .routine, question: String,
              daysAgo: Int = 10, steps: [ReferralAction] = []) throws -> Referral {
        let at = Self.clock.now.addingTimeInterval(-Double(daysAgo) * 86_400)
        var r = try store.createReferral(NewReferral(patientId: try patient(query), fromUnitId: AppFixture.vc, toUnitId: to,
                                                     priority: priority, question: question), at: at, as: Self.nurseContext)
        for step in steps {
            let senderStep = [.send, .cancel, .acknowledgeReply].contains(step.kind)
            let context = senderStep ? Self.nurseContext
                : AccessContext(staffId: Self.surgeon.id, unitId: r.toUnitId, sessionId: "seed")
            r = try store.applyReferral(r.id, step, expectedVersion: r.version, at: at, comment: "", as: context)
        }
        return r
    }

    /// Another terminal: `staff` of the orthopaedic clinic on its own connection.
    func receiverApp(_ staff: Staff = surgeon, language: Language = .sv) throws -> (App, SQLiteStore) {
        let other = try SQLiteStore.open(at: store.path, clock: Self.clock)
        let context = AccessContext(staffId: staff.id, unitId: Self.ortho, sessionId: "other-\(staff.id)")
        let session = Session(staff: staff, unit: try #require(try other.unit(Self.ortho)), isDemoStore: true,
                              context: context)
        return (App(store: other, session: session, language: language, width: 80, height: 24, clock: Self.clock), other)
    }

    /// Searches and opens the patient in the nurse's app, then goes to the referrals.
    func openPatientAndReferrals(_ query: String) {
        type(query)
        press(.enter, .function(5))
    }
}

extension App {
    func press(_ keys: Key...) { keys.forEach { handleAndSettle(.key($0)) } }
    func type(_ text: String) { text.forEach { handleAndSettle(.key(.char($0))) } }
    var screenText: String { AppView().render(self).buffer.lines.joined(separator: "\n") }
}
