import Foundation
import GRDB
import NaraDomain

/// The rules of writing referrals, with one owner for every store: what is refused and
/// in which words, in which order, how the text is cleaned, what the rows hold and what
/// the log row says. The lifecycle itself is the domain's (`Referral.applying`).
package enum ReferralRules {
    // MARK: A new referral

    /// The question, cleaned; refused before anything is read.
    package static func question(_ new: NewReferral) throws -> String {
        try Validate.text(new.question, field: .question, max: 4000, multiline: true)
    }

    package static let createDetail = "new referral"

    /// Both units exist (`unit` reads one), and a referral leaves from the user's own
    /// unit unless the patient refers themself; then the draft, with its first event.
    package static func draft(_ new: NewReferral, question: String, unit: (UnitID) throws -> CareUnit,
                              context: AccessContext, at: Date) throws -> Referral {
        _ = try unit(new.fromUnitId)
        _ = try unit(new.toUnitId)
        guard new.fromUnitId == context.unitId || new.selfReferral else {
            throw StoreError.refused(.referralFromOwnUnit(context.unitId))
        }
        return try Referral.draft(id: 0, patientId: new.patientId, from: new.fromUnitId, to: new.toUnitId,
                                  priority: new.priority, question: question, guarantee: new.guarantee,
                                  selfReferral: new.selfReferral, by: context.staffId, at: at)
    }

    // MARK: A step

    /// The step's comment, cleaned; refused before anything is read.
    package static func comment(_ comment: String) throws -> String {
        try Validate.text(comment, field: .comment, max: 2000, required: false, multiline: true)
    }

    package static func applyDetail(_ id: RecordID, _ action: ReferralAction) -> String {
        "referral \(id): \(action.kind.rawValue)"
    }

    /// The unit a forward names, which must exist; nil for another step.
    package static func forwardedTo(_ action: ReferralAction) -> UnitID? {
        if case .forward(let unit, _) = action { return unit }
        return nil
    }

    /// `current` after the step by the user: the domain's lifecycle, on the action cleaned.
    package static func next(_ current: Referral, _ action: ReferralAction, comment: String, at: Date,
                             context: AccessContext) throws -> Referral {
        try current.applying(cleaned(action), by: ReferralActor(staffId: context.staffId, unitId: context.unitId),
                             at: at, comment: comment)
    }

    /// Reasons and replies are stored text like any other: cleaned on the way in.
    static func cleaned(_ action: ReferralAction) -> ReferralAction {
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

    // MARK: Rows

    /// When and by whom the referral's row was last changed: its last event's.
    package static func updated(_ r: Referral) -> (at: Int64, by: String) {
        let last = r.history.last
        return (seconds(last?.at ?? r.createdAt), (last?.staffId ?? r.createdBy).rawValue)
    }

    /// An event's comment as stored.
    package static func storedComment(_ e: ReferralEvent) -> String { CleanText.clean(e.comment, allowNewlines: true) }

    /// A pause's comment as stored.
    package static func storedComment(_ p: GuaranteePause) -> String { CleanText.line(p.comment) }

    /// The referral `id` with its history and pauses, for a `TaggedRead`; `referral(_:)` assembles it.
    package static func parts(_ id: RecordID) -> [TaggedRead.Part] { ReferralRows.parts(where: "id = \(id)") }

    package static func referral(_ rows: [String: [Row]]) -> Referral? { ReferralRows.assemble(rows).first }
}
