import Foundation
import NaraDomain
import Testing
@testable import NaraStore

/// The demo's referral histories must be paths the real lifecycle allows, or the
/// screens built on them would offer steps that the rules then refuse.
@Suite struct DemoReferralHistoryTests {
    @Test func everyDemoReferralHistoryIsALegalPath() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nara-demo-hist-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("d.sqlite").path
        let today = LocalDate(year: 2026, month: 11, day: 23)!
        _ = try DemoGenerator.build(at: path, options: DemoOptions(patients: 1500, seed: 3, today: today), force: false)
        let store = try SQLiteStore.open(at: path)
        let referrals = try store.read { db in try ReferralRows.load(db, where: "1") }
        #expect(referrals.count > 100)
        var states = Set<ReferralState>()
        for stored in referrals {
            states.insert(stored.state)
            var replay = stored
            replay.state = .draft
            replay.toUnitId = stored.history.first { $0.action == .forward }.map { _ in
                // Before a forward the receiver was the unit that forwarded.
                stored.history.first { $0.action == .forward }!.unitId
            } ?? stored.toUnitId
            replay.pauses = []
            replay.sentOn = nil
            replay.history = Array(stored.history.prefix(1))
            for event in stored.history.dropFirst() {
                #expect(event.from == replay.state, "referral \(stored.id): \(event.action) from \(event.from)")
                let allowed = replay.availableActions(for: event.unitId)
                #expect(allowed.contains(event.action),
                        "referral \(stored.id): \(event.action) by \(event.unitId) in \(replay.state)")
                guard allowed.contains(event.action) else { break }
                let action: ReferralAction
                switch event.action {
                case .send: action = .send
                case .confirmReceipt: action = .confirmReceipt
                case .accept: action = .accept
                case .reject: action = .reject(reason: event.comment)
                case .forward: action = .forward(to: event.forwardedTo ?? stored.toUnitId, reason: event.comment)
                case .book: action = .book(on: stored.bookedOn ?? today)
                case .markSeen: action = .markSeen
                case .reply: action = .reply(text: stored.reply ?? "svar")
                case .adviceReply: action = .adviceReply(text: stored.reply ?? "råd")
                case .acknowledgeReply: action = .acknowledgeReply
                case .patientInformed: action = .patientInformed
                case .cancel: action = .cancel(reason: event.comment)
                case .pauseClock:
                    let pause = stored.pauses.first
                    action = .pauseClock(pause?.kind ?? .medical, comment: event.comment, offeredOn: pause?.offeredOn,
                                         patientInformed: pause?.patientInformed ?? false)
                case .resumeClock: action = .resumeClock
                case .create: continue
                }
                replay = try replay.applying(action, by: ReferralActor(staffId: event.staffId, unitId: event.unitId),
                                             at: event.at)
            }
            #expect(replay.state == stored.state, "referral \(stored.id)")
            #expect(replay.toUnitId == stored.toUnitId, "referral \(stored.id)")
            #expect(replay.sentOn == stored.sentOn, "referral \(stored.id)")
        }
        #expect(states == Set(ReferralState.allCases).subtracting([.draft]) || states == Set(ReferralState.allCases))
    }
}
