import Foundation
import NaraDomain
import TerminalUI

enum AccessLogReducer {
    /// `visibleRows` is how many rows the table shows: page moves go that far.
    static func reduce(_ state: inout AccessLogState, _ action: AccessLogAction, words: AccessLogStrings,
                       visibleRows: Int = 15) -> [AccessLogEffect] {
        let page = max(1, visibleRows)
        switch action {
        case .move(let move):
            if state.tab == .extract {
                state.extractList.apply(move, count: state.extract.count, page: page)
            } else {
                state.reviewList.apply(move, count: state.review.count, page: page)
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
        case .beginFilter:
            state.filter.begin()
        case .filter(let event):
            if state.filter.handle(event) != .ignored { refilter(&state, page: page) }
        case .clearFilter:
            state.filter.clear()
            refilter(&state, page: page)
        case .extractLoaded(let patient, let rows):
            let kept = state.extractPatient == patient ? state.extractList.selected : nil
            state.extractPatient = patient
            state.extractRead = rows
            state.applyFilter()
            state.extractList.select(kept ?? 0, count: state.extract.count)
            state.extractList.scrollToSelection(visibleRows: page, count: state.extract.count)
        case .reviewLoaded(let from, let to, let items):
            state.reviewLoaded = true
            state.reviewFrom = from
            state.reviewTo = to
            state.reviewRead = items
            refilter(&state, page: page)
        case .saved(let review):
            state.form = nil
            if let i = state.reviewRead.firstIndex(where: { $0.entry.id == review.logId }) {
                state.reviewRead[i].review = review
                state.applyFilter()
            }
            return [.message(words.marked, isError: false)]
        case .saveFailed(let text):
            state.form?.error = text
        }
        return []
    }

    /// The rows again after a filter change or a new read; each tab's selection stays on
    /// the row it was on while that row is still shown.
    private static func refilter(_ state: inout AccessLogState, page: Int) {
        let review = state.selectedReview?.entry.id
        let extract = state.extractList.selected.flatMap {
            state.extract.indices.contains($0) ? state.extract[$0].entry.id : nil
        }
        state.applyFilter()
        let r = review.flatMap { id in state.review.firstIndex { $0.entry.id == id } }
        state.reviewList.select(r ?? (state.reviewList.selected ?? 0), count: state.review.count)
        state.reviewList.scrollToSelection(visibleRows: page, count: state.review.count)
        let e = extract.flatMap { id in state.extract.firstIndex { $0.entry.id == id } }
        state.extractList.select(e ?? (state.extractList.selected ?? 0), count: state.extract.count)
        state.extractList.scrollToSelection(visibleRows: page, count: state.extract.count)
    }

    private static func formEvent(_ state: inout AccessLogState, _ event: Event,
                                  _ words: AccessLogStrings) -> [AccessLogEffect] {
        guard var form = state.form else { return [] }
        if form.confirmDiscard {
            guard case .key(let key) = event else { return [] }
            switch YesNo.answer(key, yesSelected: form.yesSelected) {
            case .toggle: form.yesSelected.toggle()
            case .yes: state.form = nil; return []
            case .no: form.confirmDiscard = false
            case .ignored: break
            }
            state.form = form
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

}
