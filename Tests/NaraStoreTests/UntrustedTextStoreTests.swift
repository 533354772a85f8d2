import Foundation
import GRDB
import NaraDomain
import Testing
@testable import NaraStore

/// Every way text enters the store drops control and bidi characters (TERMINAL.md,
/// "Untrusted text"): poisoned text goes through each writer, then every text value in
/// every table is read back raw. A writer added later without cleaning fails here as
/// soon as it is called below.
@Suite struct UntrustedTextStoreTests {
    /// An OSC window-title sequence ended by BEL, a C1 CSI (U+009B), NUL, DEL, other C0
    /// and C1 controls, the right-to-left override and every bidi embedding, override,
    /// isolate and direction mark.
    static func poison(_ word: String) -> String {
        "\(word)\u{1B}]0;x\u{07}\u{9B}31m\u{202E}\u{202A}\u{202B}\u{202C}\u{202D}\u{2066}\u{2067}\u{2068}\u{2069}"
            + "\u{200E}\u{200F}\u{061C}\u{0}\u{8}\u{7F}\u{85}\u{1B}[2J slut"
    }

    static func unsafe(_ text: String) -> Bool { text.unicodeScalars.contains { CleanText.isUnsafe($0, allowNewlines: true) } }

    @Test func noWritePathStoresAControlOrBidiCharacter() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let p = Self.poison
        let admin = AccessContext(staffId: "ada.admin", unitId: StoreFixture.vc, sessionId: "s-admin")
        try f.store.addUnit(CareUnit(id: "SE2321000164-vc02", name: p("Vårdcentralen Norr"), principal: .region,
                                     kind: .primaryCare))
        try f.store.addStaff(Staff(id: "ada.admin", name: p("Ada Admin"), profession: .secretary, unitId: StoreFixture.vc,
                                   roles: [.administrator]))
        try f.store.addStaffKey(try SSHPublicKey.parse(
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl " + p("ada@ws12")),
                                for: "ada.admin")

        let id = try PersonIdentifier.parse(TestPnr.a, today: f.today)
        let patient = try f.store.registerPatient(
            NewPatient(identifier: id, givenName: p("Åsa"), familyName: p("Öberg"),
                       address: Address(street: p("Storgatan 1"), postalCode: "702 10", city: p("Örebro")),
                       phone: p("019")), listedAt: StoreFixture.vc, on: f.today, as: f.nurse)
        _ = try f.store.addProblem(patient.id, code: "E11", text: p("Diabetes"), chronic: true, since: nil, as: f.nurse)
        _ = try f.store.recordEncounter(NewEncounter(patientId: patient.id, at: f.at(2026, 11, 2), mode: .visit,
                                                     planned: true, staffId: "karin.berg", unitId: StoreFixture.vc,
                                                     reason: p("Kontroll")), as: f.nurse)
        let contact = try f.store.assignContact(NewCareContact(patientId: patient.id, role: .careContact,
                                                               staffId: "karin.berg", unitId: StoreFixture.vc,
                                                               reason: p("Diabetes"), from: f.today), as: f.nurse)
        _ = try f.store.endContact(contact.id, expectedVersion: contact.version, on: f.today, reason: p("Flyttar"),
                                   as: f.nurse)
        _ = try f.store.savePlan(CoordinatedPlan(id: 0, patientId: patient.id, responsibleUnitId: StoreFixture.vc,
                                                 participants: [PlanParticipant(unitId: StoreFixture.homeCare,
                                                                                role: p("hemsjukvård"))],
                                                 goal: p("Bo kvar hemma"), agreedOn: f.today, followUpOn: nil),
                                 as: f.nurse)
        _ = try f.store.addBlock(patient.id, scope: .unit(StoreFixture.vc), reason: p("Patientens önskan"), as: f.nurse)
        try f.appendRow(patient.id, p("utskrift"), action: .export, as: f.nurse)

        // Referrals: the question, every step's reason, reply and comment, and the pause comment.
        func referral() throws -> Referral {
            let r = try f.store.createReferral(NewReferral(patientId: patient.id, fromUnitId: StoreFixture.vc,
                                                           toUnitId: StoreFixture.cardiology, priority: .routine,
                                                           question: p("Bedömning")), at: f.at(2026, 8, 1), as: f.nurse)
            return try f.store.applyReferral(r.id, .send, expectedVersion: r.version, at: f.at(2026, 8, 1),
                                             comment: p("skickad"), as: f.nurse)
        }
        func step(_ r: Referral, _ action: ReferralAction, _ by: AccessContext) throws -> Referral {
            try f.store.applyReferral(r.id, action, expectedVersion: r.version, at: f.at(2026, 8, 5), comment: p("kommentar"),
                                      as: by)
        }
        let cardio = f.cardiologist
        var r = try step(try referral(), .confirmReceipt, cardio)
        r = try step(r, .accept, cardio)
        r = try step(r, .pauseClock(.patientChosen, comment: p("Reser bort"), offeredOn: LocalDate(iso: "2026-08-20"), patientInformed: true), cardio)
        r = try step(r, .resumeClock, cardio)
        r = try step(r, .book(on: f.today), cardio)
        r = try step(r, .markSeen, cardio)
        r = try step(r, .reply(text: p("Svar") + "\nrad två"), cardio)
        _ = try step(r, .acknowledgeReply, f.nurse)
        _ = try step(try step(try referral(), .confirmReceipt, cardio), .reject(reason: p("Fel mottagare")), cardio)
        _ = try step(try step(try referral(), .confirmReceipt, cardio),
                     .forward(to: StoreFixture.ward, reason: p("Till avdelningen")), cardio)
        _ = try step(try referral(), .cancel(reason: p("Inte längre aktuell")), f.nurse)

        // Emergency access: the stated reason is stored in the log row.
        let stranger = try f.store.registerPatient(
            NewPatient(identifier: try PersonIdentifier.parse(TestPnr.c, today: f.today), givenName: "Björn",
                       familyName: "Sjöberg"), listedAt: "SE2321000164-vc02", on: f.today, as: f.nurse)
        var emergency = f.nurse
        emergency.emergencyReason = p("Patienten på akutbesök, svimmat")
        _ = try f.store.openRecord(stranger.id, as: emergency)
        let row = try #require(try f.log(stranger.id, limit: 1).first)
        _ = try f.store.markReviewed(logId: row.id, verdict: .ok, comment: p("Kontrollerat"), as: admin)

        // Everything written above, read raw from every table.
        var checked = 0
        var dirty: [String] = []
        try f.store.read { db in
            let tables = try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
                """)
            for table in tables {
                for row in try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\"") {
                    for (column, value) in row {
                        guard case .string(let text) = value.storage else { continue }
                        checked += 1
                        if Self.unsafe(text) { dirty.append("\(table).\(column): \(text.debugDescription)") }
                    }
                }
            }
        }
        #expect(dirty == [])
        #expect(checked > 100)
        // The text itself survives, cleaned: the words are all there.
        let record = try f.store.openRecord(patient.id, as: f.nurse)
        #expect(record.patient.givenName == "Åsa]0;x31m[2J slut")
        #expect(record.referrals.contains { $0.reply == "Svar]0;x31m[2J slut\nrad två" })
    }
}
