import Foundation
import GRDB
import NaraDomain

extension SQLiteStore {
    public func createReferral(_ new: NewReferral, at: Date, as context: AccessContext) throws -> Referral {
        let question = try Validate.text(new.question, field: .question, max: 4000, multiline: true)
        return try writeThroughDoor(context, patient: new.patientId, category: .clinical, detail: "new referral") { db, _ in
            _ = try Validate.unit(db, new.fromUnitId)
            _ = try Validate.unit(db, new.toUnitId)
            guard new.fromUnitId == context.unitId || new.selfReferral else {
                throw StoreError.refused(.referralFromOwnUnit(context.unitId))
            }
            var referral = try Referral.draft(id: 0, patientId: new.patientId, from: new.fromUnitId, to: new.toUnitId,
                                              priority: new.priority, question: question, guarantee: new.guarantee,
                                              selfReferral: new.selfReferral, by: context.staffId, at: at)
            referral.id = try ReferralRows.insert(db, referral)
            return referral
        }
    }

    public func applyReferral(_ id: RecordID, _ action: ReferralAction, expectedVersion: Int, at: Date,
                              comment: String, as context: AccessContext) throws -> Referral {
        let comment = try Validate.text(comment, field: .comment, max: 2000, required: false, multiline: true)
        return try write { db in
            try Validate.version(db, table: "referral", id: id, expected: expectedVersion)
            guard let current = try ReferralRows.one(db, id: id) else { throw StoreError.notFound("referral \(id)") }
            let grant = try checkWrite(db, context, patient: current.patientId, category: action.kind.category)
            if case .forward(let unit, _) = action { _ = try Validate.unit(db, unit) }
            let actor = ReferralActor(staffId: context.staffId, unitId: context.unitId)
            let next = try current.applying(cleaned(action), by: actor, at: at, comment: comment)
            try ReferralRows.update(db, next, newEvents: next.history[current.history.count...])
            try appendLog(db, context: context, entries: [(current.patientId, Self.logged(
                "referral \(id): \(action.kind.rawValue)", grant))], action: .write)
            return next
        }
    }

    /// Reasons and replies are stored text like any other: cleaned on the way in.
    private func cleaned(_ action: ReferralAction) -> ReferralAction {
        switch action {
        case .reject(let reason): return .reject(reason: CleanText.line(reason))
        case .forward(let unit, let reason): return .forward(to: unit, reason: CleanText.line(reason))
        case .cancel(let reason): return .cancel(reason: CleanText.line(reason))
        case .reply(let text):
            return .reply(text: CleanText.clean(text, allowNewlines: true).trimmingCharacters(in: .whitespacesAndNewlines))
        case .adviceReply(let text):
            return .adviceReply(text: CleanText.clean(text, allowNewlines: true)
                .trimmingCharacters(in: .whitespacesAndNewlines))
        case let .pauseClock(kind, comment, offeredOn, informed):
            return .pauseClock(kind, comment: CleanText.line(comment), offeredOn: offeredOn, patientInformed: informed)
        default: return action
        }
    }
}
