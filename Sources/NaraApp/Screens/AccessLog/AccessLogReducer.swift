import Foundation
import NaraDomain
import TerminalUI

enum AccessLogReducer {
    /// `visibleRows` is how many rows the table shows: page moves go that far.
    static func reduce(_ state: inout AccessLogState, _ action: AccessLogAction, words: AccessLogStrings,
                       visibleRows: Int = 15) -> [AccessLogEffect] {
        let page = max(1, visibleRows)
        switch action {
        case .moveUp, .moveDown, .pageUp, .pageDown, .first, .last:
            if state.tab == .extract {
                move(&state.extractList, action, count: state.extract.count, page: page)
            } else {
                move(&state.reviewList, action, count: state.review.count, page: page)
            }
        case .nextTab, .previousTab:
            state.tab = state.tab == .extract ? .review : .extract
            if state.tab == .review, state.isAdministrator, !state.reviewLoaded { return [.loadReview] }
        case .reload:
            if state.tab == .extract { return [.loadExtract] }
            return state.isAdministrator ? [.loadReview] : []
        case .mark:
            guard state.tab == .review, state.isAdministrator, let item = state.selectedReview else { return [] }
            if item.review != nil { return [.message(words.alreadyReviewed, isError: true)] }
            if item.entry.staffId == state.user { return [.message(words.ownAccess, isError: true)] }
            state.form = AccessLogReviewForm(logId: item.entry.id, fields: FormState(fields: [
                FormField(id: "verdict", label: words.fieldVerdict, state: TextFieldState(words.verdictOk, maxLength: 20),
                          required: true, hint: words.verdictHint),
                FormField(id: "comment", label: words.fieldComment, state: TextFieldState(maxLength: 1000),
                          required: true),
            ]))
            state.form?.fields.focus = 1
        case .form(let event):
            return formEvent(&state, event, words)
        case .extractLoaded(let patient, let rows):
            let kept = state.extractPatient == patient ? state.extractList.selected : nil
            state.extractPatient = patient
            state.extract = rows
            state.extractList.select(kept ?? 0, count: rows.count)
            state.extractList.scrollToSelection(visibleRows: page, count: rows.count)
        case .reviewLoaded(let from, let to, let items):
            let kept = state.selectedReview.flatMap { old in items.firstIndex { $0.entry.id == old.entry.id } }
            state.reviewLoaded = true
            state.reviewFrom = from
            state.reviewTo = to
            state.review = items
            state.reviewList.select(kept ?? (state.reviewList.selected ?? 0), count: items.count)
            state.reviewList.scrollToSelection(visibleRows: page, count: items.count)
        case .saved(let review):
            state.form = nil
            if let i = state.review.firstIndex(where: { $0.entry.id == review.logId }) {
                state.review[i].review = review
            }
            return [.message(words.marked, isError: false)]
        case .saveFailed(let text):
            state.form?.error = text
        }
        return []
    }

    private static func formEvent(_ state: inout AccessLogState, _ event: Event,
                                  _ words: AccessLogStrings) -> [AccessLogEffect] {
        guard var form = state.form else { return [] }
        if form.confirmDiscard {
            guard case .key(let key) = event else { return [] }
            var discard = false
            switch key {
            case .left, .right, .tab, .backTab: form.yesSelected.toggle()
            case .char("j"), .char("J"), .char("y"), .char("Y"): discard = true
            case .char("n"), .char("N"), .escape: form.confirmDiscard = false
            case .enter:
                discard = form.yesSelected
                form.confirmDiscard = false
            default: break
            }
            state.form = discard ? nil : form
            return []
        }
        var effects: [AccessLogEffect] = []
        switch form.fields.handle(event) {
        case .consumed, .ignored:
            break
        case .cancel:
            guard form.hasInput else {
                state.form = nil
                return []
            }
            form.confirmDiscard = true
            form.yesSelected = false
        case .submit:
            var errors: [String: String] = [:]
            let verdict = AccessLogStrings.verdict(form.fields["verdict"])
            if verdict == nil { errors["verdict"] = words.errorVerdict }
            let comment = form.fields["comment"].trimmingCharacters(in: .whitespaces)
            if comment.isEmpty { errors["comment"] = words.errorComment }
            form.fields.setErrors(errors)
            if let verdict, errors.isEmpty {
                form.error = nil
                effects = [.save(logId: form.logId, verdict: verdict, comment: comment)]
            }
        }
        state.form = form
        return effects
    }

    private static func move(_ list: inout ListState, _ action: AccessLogAction, count: Int, page: Int) {
        switch action {
        case .moveUp: list.moveUp(count: count)
        case .moveDown: list.moveDown(count: count)
        case .pageUp: list.pageUp(count: count, page: page)
        case .pageDown: list.pageDown(count: count, page: page)
        case .first: list.first(count: count)
        case .last: list.last(count: count)
        default: break
        }
        list.scrollToSelection(visibleRows: page, count: count)
    }
}
