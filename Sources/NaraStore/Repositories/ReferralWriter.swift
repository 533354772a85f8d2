import Foundation
import GRDB
import NaraDomain

extension SQLiteStore {
    public func createReferral(_ new: NewReferral, at: Date, as context: AccessContext) throws -> Referral {
        let question = try ReferralRules.question(new)
        return try writeThroughDoor(context, patient: new.patientId, category: .clinical,
                                    detail: ReferralRules.createDetail) { db, _ in
            var referral = try ReferralRules.draft(new, question: question, unit: { try Validate.unit(db, $0) },
                                                   context: context, at: at)
            referral.id = try ReferralRows.insert(db, referral)
            return referral
        }
    }

    public func applyReferral(_ id: RecordID, _ action: ReferralAction, expectedVersion: Int, at: Date,
                              comment: String, as context: AccessContext) throws -> Referral {
        let comment = try ReferralRules.comment(comment)
        return try write { db in
            try Validate.version(db, table: "referral", id: id, expected: expectedVersion)
            guard let current = try ReferralRows.one(db, id: id) else { throw StoreError.notFound("referral \(id)") }
            let grant = try checkWrite(db, context, patient: current.patientId, category: action.kind.category)
            if let unit = ReferralRules.forwardedTo(action) { _ = try Validate.unit(db, unit) }
            let next = try ReferralRules.next(current, action, comment: comment, at: at, context: context)
            try ReferralRows.update(db, next, newEvents: next.history[current.history.count...])
            try appendLog(db, context: context, entries: [(current.patientId, Self.logged(
                ReferralRules.applyDetail(id, action), grant))], action: .write)
            return next
        }
    }
}
