import Foundation
import Testing
@testable import NaraDomain

/// The lifecycle written out again, independently of the implementation, as the
/// brief's table: (state, step) → (who, next state).
private let table: [ReferralState: [ReferralActionKind: (UnitRole, ReferralState)]] = [
    .draft: [.send: (.sender, .sent), .cancel: (.sender, .cancelled)],
    .sent: [.confirmReceipt: (.receiver, .received), .cancel: (.sender, .cancelled)],
    .forwarded: [.confirmReceipt: (.receiver, .received), .cancel: (.sender, .cancelled)],
    .received: [.accept: (.receiver, .accepted), .reject: (.receiver, .rejected),
                .forward: (.receiver, .forwarded), .adviceReply: (.receiver, .answered), .cancel: (.sender, .cancelled)],
    .accepted: [.forward: (.receiver, .forwarded), .book: (.receiver, .booked), .adviceReply: (.receiver, .answered),
                .cancel: (.sender, .cancelled)],
    .booked: [.book: (.receiver, .booked), .markSeen: (.receiver, .seen), .cancel: (.sender, .cancelled)],
    .seen: [.reply: (.receiver, .answered)],
    .answered: [.acknowledgeReply: (.sender, .acknowledged)],
    .rejected: [.patientInformed: (.sender, .rejected)],
]

/// What must happen when the right unit tries `kind` in `situation`.
private func expected(_ kind: ReferralActionKind, in s: Situation) -> Result<ReferralState, ReferralError> {
    if let (_, next) = table[s.state]?[kind] { return .success(next) }
    switch kind {
    case .pauseClock where s.state.awaitsVisit:
        return s.paused ? .failure(.alreadyPaused) : .success(s.state)
    case .resumeClock where s.state.awaitsVisit:
        return s.paused ? .success(s.state) : .failure(.notPaused)
    default:
        return .failure(.notAllowed(action: kind, state: s.state))
    }
}

private func role(of kind: ReferralActionKind, in state: ReferralState) -> UnitRole {
    table[state]?[kind]?.0 ?? .receiver
}

private func outcome(_ r: Referral, _ action: ReferralAction, by actor: ReferralActor) -> Result<Referral, ReferralError> {
    do throws(ReferralError) { return .success(try r.applying(action, by: actor, at: Fx.at(35))) } catch {
        return .failure(error)
    }
}

@Test func happyPathRecordsWhoWhenAndWhy() throws {
    var r = try Fx.draft()
    let doctor = ReferralActor(staffId: "bo.ek", unitId: Fx.medicine)
    r = try r.applying(.send, by: Fx.gp, at: Fx.at(0), comment: "Please see within a month")
    r = try r.applying(.confirmReceipt, by: doctor, at: Fx.at(1))
    r = try r.applying(.accept, by: doctor, at: Fx.at(2))
    r = try r.applying(.book(on: Fx.day(20)), by: doctor, at: Fx.at(3))
    r = try r.applying(.markSeen, by: doctor, at: Fx.at(20))
    r = try r.applying(.reply(text: "  Stable angina.  "), by: doctor, at: Fx.at(21))
    r = try r.applying(.acknowledgeReply, by: Fx.gp, at: Fx.at(22), comment: "Read")

    #expect(r.state == .acknowledged && r.state.isClosed)
    #expect(r.history.map(\.action) == [.create, .send, .confirmReceipt, .accept, .book, .markSeen, .reply, .acknowledgeReply])
    #expect(r.history.map(\.to) == [.draft, .sent, .received, .accepted, .booked, .seen, .answered, .acknowledged])
    #expect(r.history.map(\.staffId) == ["anna.lund", "anna.lund", "bo.ek", "bo.ek", "bo.ek", "bo.ek", "bo.ek", "anna.lund"])
    #expect(r.history.map(\.at) == [0, 0, 1, 2, 3, 20, 21, 22].map(Fx.at))
    #expect(r.history.map(\.comment) == ["", "Please see within a month", "", "", "", "", "Stable angina.", "Read"])
    #expect(r.version == 8)
    #expect(r.sentOn == Fx.day(0) && r.bookedOn == Fx.day(20) && r.seenOn == Fx.day(20))
    #expect(r.reply == "Stable angina.")
    #expect(r.availableActions(for: Fx.centre).isEmpty && r.availableActions(for: Fx.medicine).isEmpty)
}

@Test(arguments: Situation.all)
func everyStepFromEveryStateFollowsTheTable(_ s: Situation) throws {
    let r = try Fx.referral(in: s.state, paused: s.paused)
    for kind in Fx.steps {
        let actor = role(of: kind, in: s.state) == .sender ? Fx.sender(of: r) : Fx.receiver(of: r)
        let action = try #require(Fx.sample(kind, for: r))
        switch (expected(kind, in: s), outcome(r, action, by: actor)) {
        case let (.success(state), .success(next)):
            #expect(next.state == state, "\(kind) from \(s)")
            #expect(next.version == r.version + 1 && next.history.count == r.history.count + 1)
            #expect(next.history.last?.from == s.state && next.history.last?.action == kind)
        case let (.failure(error), .failure(got)):
            #expect(got == error, "\(kind) from \(s)")
        case let (want, got):
            Issue.record("\(kind) from \(s): expected \(want), got \(got.map(\.state))")
        }
    }
}

@Test(arguments: Situation.all)
func availableActionsAreExactlyTheAcceptedOnes(_ s: Situation) throws {
    let r = try Fx.referral(in: s.state, paused: s.paused)
    for unit in [r.fromUnitId, r.toUnitId, Fx.stranger] {
        let offered = r.availableActions(for: unit)
        let actor = ReferralActor(staffId: "x.y", unitId: unit)
        for kind in Fx.steps {
            let action = try #require(Fx.sample(kind, for: r))
            let accepted = (try? outcome(r, action, by: actor).get()) != nil
            #expect(offered.contains(kind) == accepted, "\(kind) by \(unit) from \(s)")
        }
    }
    #expect(r.availableActions(for: Fx.stranger).isEmpty)
}

@Test(arguments: Situation.all)
func theOtherUnitIsTurnedAway(_ s: Situation) throws {
    let r = try Fx.referral(in: s.state, paused: s.paused)
    for kind in Fx.steps {
        guard case .success = expected(kind, in: s) else { continue }
        let required = role(of: kind, in: s.state)
        let wrong = required == .sender ? Fx.receiver(of: r) : Fx.sender(of: r)
        let action = try #require(Fx.sample(kind, for: r))
        #expect(throws: ReferralError.wrongUnit(action: kind, required: required)) {
            try r.applying(action, by: wrong, at: Fx.at(35))
        }
        #expect(throws: ReferralError.wrongUnit(action: kind, required: required)) {
            try r.applying(action, by: ReferralActor(staffId: "x.y", unitId: Fx.stranger), at: Fx.at(35))
        }
    }
}

@Test(arguments: [
    (ReferralState.received, ReferralAction.reject(reason: "  "), ReferralError.reasonRequired(.reject)),
    (.received, .forward(to: Fx.orthopaedics, reason: ""), .reasonRequired(.forward)),
    (.sent, .cancel(reason: "\n\t"), .reasonRequired(.cancel)),
    (.accepted, .pauseClock(.patientChosen, comment: " "), .reasonRequired(.pauseClock)),
    (.seen, .reply(text: "   "), .replyRequired),
])
func stepsThatMustSayWhy(_ state: ReferralState, _ action: ReferralAction, _ error: ReferralError) throws {
    let r = try Fx.referral(in: state)
    let actor = action.kind == .cancel ? Fx.gp : Fx.receiver(of: r)
    #expect(throws: error) { try r.applying(action, by: actor, at: Fx.at(5)) }
}

@Test func reasonsAreKeptInTheHistory() throws {
    let r = try Fx.referral(in: .received)
    let rejected = try r.applying(.reject(reason: " Belongs in primary care "), by: Fx.receiver(of: r),
                                  at: Fx.at(5), comment: "Phoned the GP")
    #expect(rejected.history.last?.comment == "Belongs in primary care — Phoned the GP")
    let cancelled = try r.applying(.cancel(reason: "Patient moved"), by: Fx.gp, at: Fx.at(5))
    #expect(cancelled.history.last?.comment == "Patient moved")
}

@Test func forwardMovesTheReferralButNotTheClock() throws {
    let r = try Fx.referral(in: .accepted)
    let f = try r.applying(.forward(to: Fx.orthopaedics, reason: "Knee, not heart"), by: Fx.receiver(of: r), at: Fx.at(9))
    #expect(f.state == .forwarded && f.toUnitId == Fx.orthopaedics && f.fromUnitId == Fx.centre)
    #expect(f.sentOn == r.sentOn && f.sentOn == Fx.day(0))
    #expect(f.history.last?.forwardedTo == Fx.orthopaedics && f.history.last?.comment == "Knee, not heart")
    #expect(f.guaranteeClock()?.deadline(today: Fx.day(9)) == Fx.day(90))

    #expect(throws: ReferralError.wrongUnit(action: .confirmReceipt, required: .receiver)) {
        try f.applying(.confirmReceipt, by: ReferralActor(staffId: "bo.ek", unitId: Fx.medicine), at: Fx.at(10))
    }
    let received = try f.applying(.confirmReceipt, by: Fx.receiver(of: f), at: Fx.at(10))
    #expect(received.state == .received && received.availableActions(for: Fx.orthopaedics).contains(.accept))
}

@Test func forwardNeedsAnotherUnit() throws {
    let r = try Fx.referral(in: .received)
    #expect(throws: ReferralError.forwardToSameUnit) {
        try r.applying(.forward(to: Fx.medicine, reason: "x"), by: Fx.receiver(of: r), at: Fx.at(3))
    }
    #expect(throws: ReferralError.forwardToSender) {
        try r.applying(.forward(to: Fx.centre, reason: "x"), by: Fx.receiver(of: r), at: Fx.at(3))
    }
}

@Test(arguments: [ReferralState.seen, .answered, .acknowledged, .rejected, .cancelled])
func cancelIsImpossibleOnceCareIsGivenOrClosed(_ state: ReferralState) throws {
    let r = try Fx.referral(in: state)
    #expect(throws: ReferralError.notAllowed(action: .cancel, state: state)) {
        try r.applying(.cancel(reason: "Changed my mind"), by: Fx.gp, at: Fx.at(40))
    }
    #expect(!r.availableActions(for: Fx.centre).contains(.cancel))
}

@Test func draftsAreValidated() throws {
    #expect(throws: ReferralError.questionRequired) {
        try Referral.draft(id: 1, patientId: PatientID(1), from: Fx.centre, to: Fx.medicine, priority: .urgent,
                           question: " \n ", by: "anna.lund", at: Fx.at(0))
    }
    #expect(throws: ReferralError.sameUnit) {
        try Referral.draft(id: 1, patientId: PatientID(1), from: Fx.centre, to: Fx.centre, priority: .urgent,
                           question: "Why?", by: "anna.lund", at: Fx.at(0))
    }
    let r = try Fx.draft()
    #expect(r.state == .draft && r.version == 1 && r.sentOn == nil)
    #expect(r.history.map(\.action) == [.create] && r.history.first?.unitId == Fx.centre)
}

@Test func bookingRules() throws {
    let r = try Fx.referral(in: .accepted)
    let doctor = Fx.receiver(of: r)
    #expect(throws: ReferralError.bookingBeforeSent) { try r.applying(.book(on: Fx.day(-1)), by: doctor, at: Fx.at(3)) }
    let booked = try r.applying(.book(on: Fx.day(0)), by: doctor, at: Fx.at(3))
    let rebooked = try booked.applying(.book(on: Fx.day(50)), by: doctor, at: Fx.at(4), comment: "Patient asked")
    #expect(rebooked.state == .booked && rebooked.bookedOn == Fx.day(50) && rebooked.version == r.version + 2)
}

@Test func sendUsesTheSwedishDay() throws {
    // 23:30 UTC on 2 March is 00:30 on 3 March in Stockholm.
    let lateEvening = Date(timeIntervalSince1970: Double(Fx.day(-1).dayNumber * 86_400 + 23 * 3600 + 1800))
    let sent = try Fx.draft().applying(.send, by: Fx.gp, at: lateEvening)
    #expect(sent.sentOn == Fx.day(0))
    let utc = try Fx.draft().applying(.send, by: Fx.gp, at: lateEvening, in: ClockZone(TimeZone(identifier: "UTC")!))
    #expect(utc.sentOn == Fx.day(-1))
}

@Test func errorsNameTheReason() {
    #expect(ReferralError.notAllowed(action: .accept, state: .draft).description == "cannot accept a referral that is draft")
    #expect(ReferralError.wrongUnit(action: .send, required: .sender).description == "only the sending unit can send a referral")
    #expect(ReferralError.reasonRequired(.reject).code == "referral.reason_required")
}
