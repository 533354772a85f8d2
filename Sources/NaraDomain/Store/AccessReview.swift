/// What the reviewer concluded about one access: fine, or to be taken further
/// (asked about, reported to the chief physician or the IT security officer).
public enum AccessReviewVerdict: String, CaseIterable, Sendable, Codable {
    case ok
    case followUp = "follow_up"
}

/// A documented review of one access-log row (logguppföljning).
public struct AccessReview: Hashable, Sendable, Codable {
    public var logId: Int64
    public var reviewedAtMilliseconds: Int64
    public var reviewer: StaffID
    public var comment: String
    public var verdict: AccessReviewVerdict

    public init(logId: Int64, reviewedAtMilliseconds: Int64, reviewer: StaffID, comment: String,
                verdict: AccessReviewVerdict) {
        self.logId = logId
        self.reviewedAtMilliseconds = reviewedAtMilliseconds
        self.reviewer = reviewer
        self.comment = comment
        self.verdict = verdict
    }
}

/// One row put before the reviewer, with the names needed to judge it without looking
/// anything else up. The patient is shown by identifier only: the reviewer judges who
/// looked, not what was in the record.
public struct AccessReviewItem: Hashable, Sendable, Codable {
    public var entry: AccessLogEntry
    public var staffName: String
    public var unitName: String
    public var patientIdentifier: String?
    public var review: AccessReview?

    public init(entry: AccessLogEntry, staffName: String, unitName: String, patientIdentifier: String?,
                review: AccessReview?) {
        self.entry = entry
        self.staffName = staffName
        self.unitName = unitName
        self.patientIdentifier = patientIdentifier
        self.review = review
    }
}
