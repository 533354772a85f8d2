import Foundation
import NaraDomain
import TerminalUI

public enum AccessLogTab: Int, CaseIterable, Sendable {
    case extract, review
}

/// One row of the extract with the names already looked up, so a frame costs no queries.
public struct AccessLogExtractRow: Hashable, Sendable {
    public var entry: AccessLogEntry
    public var time: String
    public var staffName: String
    public var unitName: String

    public init(entry: AccessLogEntry, time: String, staffName: String, unitName: String) {
        self.entry = entry
        self.time = time
        self.staffName = staffName
        self.unitName = unitName
    }
}

/// The review form over one log row: the verdict is typed ("ok" / "följ upp") so the
/// form stays a plain text form; the comment is what the law asks to be documented.
public struct AccessLogReviewForm: Hashable, Sendable {
    public var logId: Int64
    public var fields: FormState
    /// A refusal from the store, shown in the form so the comment is kept for a retry.
    public var error: String?
    public var confirmDiscard = false
    public var yesSelected = false

    /// The verdict field starts filled in, so only a comment counts as input.
    public var hasInput: Bool { !fields["comment"].trimmingCharacters(in: .whitespaces).isEmpty }
}

public struct AccessLogState: Sendable {
    public var tab: AccessLogTab = .extract
    /// Who is looking: the review tab is for administrators, and nobody reviews themselves.
    public var user: StaffID?
    public var isAdministrator = false
    /// The patient the extract was read for; nil with no extract read.
    public var extractPatient: PatientID?
    /// What was read; `extract` and `review` are what the filter keeps of it.
    public var extractRead: [AccessLogExtractRow] = []
    public private(set) var extract: [AccessLogExtractRow] = []
    public var extractList = ListState()
    public var reviewLoaded = false
    public var reviewRead: [AccessReviewItem] = []
    public private(set) var review: [AccessReviewItem] = []
    /// `/`: narrows both tabs by who, unit, time or patient.
    public var filter = ListFilter()
    public var reviewList = ListState()
    public var reviewFrom: LocalDate?
    public var reviewTo: LocalDate?
    public var form: AccessLogReviewForm?

    public init(user: StaffID? = nil, isAdministrator: Bool = false) {
        self.user = user
        self.isAdministrator = isAdministrator
    }

    public var selectedReview: AccessReviewItem? {
        reviewList.selected.flatMap { review.indices.contains($0) ? review[$0] : nil }
    }

    public var rowCount: Int { tab == .extract ? extract.count : review.count }
    public var readCount: Int { tab == .extract ? extractRead.count : reviewRead.count }

    /// Sets the rows shown from what was read and the filter.
    public mutating func applyFilter() {
        // What the rows show of who and where; the log's own detail codes are not words a user types.
        extract = filter.filter(extractRead) { "\($0.time) \($0.staffName) \($0.unitName)" }
        review = filter.filter(reviewRead) { "\($0.staffName) \($0.unitName) \($0.patientIdentifier ?? "")" }
    }

    /// Days reviewed and how large the sample is (DOMAIN.md "Log review").
    public static let reviewDays = 7, sampleSize = 20, extractLimit = 2_000
}

public enum AccessLogAction: Sendable {
    /// ↑/↓, PgUp/PgDn, g/G, Home/End: the moves every list shares.
    case move(ListMove)
    case nextTab, previousTab
    /// `m`: opens the review form on the selected row.
    case mark
    /// `/` starts the filter line; every key goes to it until Enter or Esc.
    case beginFilter, filter(Event), clearFilter
    /// `u`: reads the shown tab again.
    case reload
    /// A key or paste while the form is open.
    case form(Event)
    case extractLoaded(PatientID, [AccessLogExtractRow])
    case reviewLoaded(from: LocalDate, to: LocalDate, [AccessReviewItem])
    case saved(AccessReview)
    case saveFailed(String)
}

/// Store work the reducer asks for; the screen runs it.
public enum AccessLogEffect: Sendable, Equatable {
    /// The open patient's extract; the store logs the look (once a session, ten minutes).
    case loadExtract
    case loadReview
    case save(logId: Int64, verdict: AccessReviewVerdict, comment: String)
    case message(String, isError: Bool)
}
