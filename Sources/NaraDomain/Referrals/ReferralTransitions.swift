import Foundation

/// The person taking a step and the unit they act for. The unit decides what they may
/// do; the person is recorded so the history says who did it.
public struct ReferralActor: Hashable, Sendable {
    public var staffId: StaffID
    public var unitId: UnitID

    public init(staffId: StaffID, unitId: UnitID) {
        self.staffId = staffId
        self.unitId = unitId
    }
}


extension Referral {
    /// Cancelling is the sender's way to withdraw a request. Once the patient has been
    /// seen, care has been given and the loop must close through reply and
    /// acknowledgement, so `seen` and `answered` are deliberately left out.
    static let cancellableStates: Set<ReferralState> = [.draft, .sent, .received, .accepted, .forwarded, .booked]

    /// The whole lifecycle in one place: which side may take `kind` from `state`, and
    /// where it leads. Nil means the step does not exist from that state.
    static func rule(_ kind: ReferralActionKind, from state: ReferralState) -> (role: UnitRole, to: ReferralState)? {
        switch (kind, state) {
        case (.send, .draft): return (.sender, .sent)
        case (.confirmReceipt, .sent), (.confirmReceipt, .forwarded): return (.receiver, .received)
        case (.accept, .received): return (.receiver, .accepted)
        case (.reject, .received): return (.receiver, .rejected)
        case (.forward, .received), (.forward, .accepted): return (.receiver, .forwarded)
        case (.book, .accepted), (.book, .booked): return (.receiver, .booked)
        case (.markSeen, .booked): return (.receiver, .seen)
        case (.reply, .seen): return (.receiver, .answered)
        // Konsultationssvar: advice instead of a visit, once the referral is in hand.
        case (.adviceReply, .received), (.adviceReply, .accepted): return (.receiver, .answered)
        case (.acknowledgeReply, .answered): return (.sender, .acknowledged)
        // A rejection leaves the responsibility with the sender, who tells the patient.
        case (.patientInformed, .rejected): return (.sender, .rejected)
        case (.cancel, _) where cancellableStates.contains(state): return (.sender, .cancelled)
        // The clock only matters until the first visit; pausing does not move the state.
        case (.pauseClock, _) where state.awaitsVisit: return (.receiver, state)
        case (.resumeClock, _) where state.awaitsVisit: return (.receiver, state)
        default: return nil
        }
    }

    /// The pause still in force, if any. At most one is open at a time.
    var openPauseIndex: Int? { pauses.lastIndex { $0.to == nil } }

    /// Everything that decides whether `unit` may take `kind` now, apart from the
    /// step's own data. Shared by `applying` and `availableActions` so menus and rules
    /// cannot disagree.
    @discardableResult
    func check(_ kind: ReferralActionKind, unit: UnitID) throws(ReferralError) -> ReferralState {
        guard let rule = Self.rule(kind, from: state) else {
            throw .notAllowed(action: kind, state: state)
        }
        let holder = rule.role == .sender ? fromUnitId : toUnitId
        guard unit == holder else { throw .wrongUnit(action: kind, required: rule.role) }
        switch kind {
        case .pauseClock:
            guard let rule = guarantee.rule, sentOn != nil else { throw .clockNotRunning }
            guard rule.pausable else { throw .clockNeverPauses }
            guard openPauseIndex == nil else { throw .alreadyPaused }
        case .resumeClock:
            guard openPauseIndex != nil else { throw .notPaused }
        case .patientInformed:
            guard !history.contains(where: { $0.action == .patientInformed }) else {
                throw .notAllowed(action: kind, state: state)
            }
        default:
            break
        }
        return rule.to
    }

    /// The steps `unit` may take now, in lifecycle order, so a screen offers only
    /// steps that will succeed (given valid reasons and dates).
    public func availableActions(for unit: UnitID) -> [ReferralActionKind] {
        ReferralActionKind.allCases.filter { kind in
            kind != .create && (try? check(kind, unit: unit)) != nil
        }
    }

    /// The referral after `action`; `self` is untouched so a caller can compare
    /// versions before saving. Every accepted step appends one history event and bumps
    /// `version`; a refused step changes nothing.
    ///
    /// Days (`sentOn`, `seenOn`, pause bounds) are taken from `at` in `timeZone`.
    /// Reasons are trimmed and kept in the event's comment together with any extra
    /// `comment`, because a reject or cancel reason has nowhere else to live.
    public func applying(_ action: ReferralAction, by actor: ReferralActor, at: Date,
                         comment: String = "", in timeZone: ClockZone = .stockholm) throws(ReferralError) -> Referral {
        let kind = action.kind
        let from = state
        let to = try check(kind, unit: actor.unitId)
        let day = LocalDate(date: at, in: timeZone)
        let extra = comment.trimmingCharacters(in: .whitespacesAndNewlines)
        var next = self
        var note = extra
        var forwardedTo: UnitID?

        func reason(_ text: String) throws(ReferralError) -> String {
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { throw .reasonRequired(kind) }
            return trimmed
        }
        func joined(_ reason: String) -> String {
            extra.isEmpty || extra == reason ? reason : reason + " — " + extra
        }

        switch action {
        case .send:
            next.sentOn = day
        case .confirmReceipt, .accept, .acknowledgeReply, .patientInformed:
            break
        case let .reject(text), let .cancel(text):
            note = joined(try reason(text))
        case let .forward(unit, text):
            let why = try reason(text)
            guard unit != toUnitId else { throw .forwardToSameUnit }
            guard unit != fromUnitId else { throw .forwardToSender }
            next.toUnitId = unit
            forwardedTo = unit
            note = joined(why)
        case let .book(date):
            if let sent = sentOn, date < sent { throw .bookingBeforeSent }
            next.bookedOn = date
        case .markSeen:
            next.seenOn = day
        case let .reply(text), let .adviceReply(text):
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { throw .replyRequired }
            next.reply = trimmed
            if note.isEmpty { note = trimmed }
        case let .pauseClock(pauseKind, text, offeredOn, informed):
            let why = try reason(text)
            var pause = GuaranteePause(kind: pauseKind, from: day, comment: why)
            if pauseKind == .patientChosen {
                guard let offeredOn, informed else { throw .offerRequired }
                if let deadline = guaranteeClock()?.deadline(today: day), offeredOn > deadline {
                    throw .offerAfterDeadline(deadline)
                }
                pause.offeredOn = offeredOn
                pause.patientInformed = true
            }
            next.pauses.append(pause)
            note = joined(why)
        case .resumeClock:
            break
        }

        // A pause cannot outlive the wait it belongs to: resuming, or leaving the
        // waiting states, ends it on this day (never before it began).
        if kind == .resumeClock || !to.awaitsVisit, let open = next.openPauseIndex {
            next.pauses[open].to = max(day, next.pauses[open].from)
        }

        next.state = to
        next.history.append(ReferralEvent(at: at, staffId: actor.staffId, unitId: actor.unitId, action: kind,
                                          from: from, to: to, comment: note, forwardedTo: forwardedTo))
        next.version += 1
        return next
    }

    /// A new referral in `draft`, with its `create` event. Nothing is sent yet: the
    /// guarantee clock starts only with `send`.
    public static func draft(id: RecordID, patientId: PatientID, from: UnitID, to: UnitID,
                             priority: ReferralPriority, question: String,
                             guarantee: GuaranteeKind = .specialistVisit, selfReferral: Bool = false,
                             by staffId: StaffID, at: Date) throws(ReferralError) -> Referral {
        let trimmed = question.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .questionRequired }
        guard from != to else { throw .sameUnit }
        let created = ReferralEvent(at: at, staffId: staffId, unitId: from, action: .create,
                                    from: .draft, to: .draft, comment: "")
        return Referral(id: id, patientId: patientId, fromUnitId: from, toUnitId: to, priority: priority,
                        question: trimmed, guarantee: guarantee, selfReferral: selfReferral, state: .draft,
                        createdAt: at, createdBy: staffId, history: [created], version: 1)
    }
}

extension ReferralActionKind {
    /// What the step writes: receiving, booking and the clock are the referral's course,
    /// which a secretary keeps; the rest decides on care and needs a clinical role.
    public var category: InformationCategory {
        switch self {
        case .confirmReceipt, .book, .pauseClock, .resumeClock: return .coordination
        default: return .clinical
        }
    }
}
