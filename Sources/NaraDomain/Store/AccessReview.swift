import Foundation

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

/// Why a row was put before the reviewer. A review looks at every emergency access and
/// at a sample chosen by several criteria, not only at random (HSLF-FS 2016:40 4 kap 9 §;
/// IMY: selection by several parameters combined with randomness).
public enum AccessReviewReason: String, CaseIterable, Sendable, Codable, Hashable {
    case emergency
    /// The patient has a protected identity.
    case protectedIdentity = "protected_identity"
    /// The patient shares the user's surname: a relative, perhaps.
    case sameSurname = "same_surname"
    /// The patient is a colleague at the user's unit.
    case colleague
    /// Before 07:00, from 18:00, or at a weekend, Swedish time.
    case outOfHours = "out_of_hours"
    /// An emergency access after which the user recorded no care for the patient.
    case emergencyWithoutCare = "emergency_without_care"
    case random

    /// The first hour of the working day and the first hour after it, Swedish time.
    public static let workingHours = 7..<18

    public static func isOutOfHours(_ date: Date) -> Bool {
        let zone = ClockZone.stockholm
        let day = LocalDate(date: date, in: zone)
        let hour = WallClock.minuteOfDay(date, in: zone) / 60
        return day.isWeekend || !workingHours.contains(hour)
    }
}

/// One row put before the reviewer, with the names needed to judge it without looking
/// anything else up, and why it was chosen. The patient is shown by identifier only: the
/// reviewer judges who looked, not what was in the record.
public struct AccessReviewItem: Hashable, Sendable, Codable {
    public var entry: AccessLogEntry
    public var staffName: String
    public var unitName: String
    public var patientIdentifier: String?
    public var review: AccessReview?
    public var reasons: [AccessReviewReason]

    public init(entry: AccessLogEntry, staffName: String, unitName: String, patientIdentifier: String?,
                review: AccessReview?, reasons: [AccessReviewReason] = []) {
        self.entry = entry
        self.staffName = staffName
        self.unitName = unitName
        self.patientIdentifier = patientIdentifier
        self.review = review
        self.reasons = reasons
    }
}
