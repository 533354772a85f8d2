import Foundation
import GRDB
import NaraDomain

/// Log review (logguppföljning, DOMAIN.md): every emergency access in a period, plus a
/// sample of the other accesses drawn so that the same seed gives the same sample, so a
/// review can be shown later to have covered what it says it covered.
extension SQLiteStore {
    public func reviewSample(from: LocalDate, to: LocalDate, sample: Int, seed: UInt64,
                             as context: AccessContext) throws -> [AccessReviewItem] {
        guard from <= to else { throw StoreError.refused(.periodEndsBeforeStart) }
        guard sample >= 0 else { throw StoreError.refused(.negativeSample) }
        let start = Self.startOfDayMs(from), end = Self.startOfDayMs(to.adding(days: 1))
        return try write { db in
            let subject = try AccessFacts.subject(db, context)
            guard subject.active else { throw StoreError.accessDenied(.inactiveUser) }
            guard subject.rights.contains(.logReview) else { throw StoreError.accessDenied(.notForRole) }
            var reasons: [Int64: [AccessReviewReason]] = [:]
            func choose(_ ids: [Int64], _ reason: AccessReviewReason, limit: Int = .max) {
                let drawn = ids.map { (key: Self.mix($0 ^ Int64(bitPattern: seed)), id: $0) }
                    .sorted { $0.key < $1.key }.prefix(limit).map(\.id)
                for id in drawn { reasons[id, default: []].append(reason) }
            }
            let period: StatementArguments = [start, end]
            // Each criterion brings up to this many rows, however small the random sample.
            let criterion = max(sample, Self.rowsPerCriterion)
            // Every emergency access, always; then up to `sample` rows for each criterion.
            choose(try Int64.fetchAll(db, sql: """
                SELECT id FROM access_log WHERE at_ms >= ? AND at_ms < ? AND emergency = 1
                """, arguments: period), .emergency)
            choose(try Int64.fetchAll(db, sql: """
                SELECT l.id FROM access_log l JOIN patient p ON p.id = l.patient_id
                WHERE l.at_ms >= ? AND l.at_ms < ? AND p.protected = 1
                """, arguments: period), .protectedIdentity, limit: criterion)
            choose(try Int64.fetchAll(db, sql: """
                SELECT l.id FROM access_log l JOIN patient p ON p.id = l.patient_id JOIN staff s ON s.id = l.staff_id
                WHERE l.at_ms >= ? AND l.at_ms < ? AND s.name LIKE '% ' || p.family_name
                """, arguments: period), .sameSurname, limit: criterion)
            choose(try Int64.fetchAll(db, sql: """
                SELECT l.id FROM access_log l JOIN patient p ON p.id = l.patient_id
                WHERE l.at_ms >= ? AND l.at_ms < ?
                  AND EXISTS (SELECT 1 FROM staff c WHERE c.unit_id = l.unit_id
                              AND c.name = p.given_name || ' ' || p.family_name)
                """, arguments: period), .colleague, limit: criterion)
            let all = try Row.fetchAll(db, sql: "SELECT id, at_ms FROM access_log WHERE at_ms >= ? AND at_ms < ?",
                                       arguments: period)
            choose(all.filter { AccessReviewReason.isOutOfHours(
                Date(timeIntervalSince1970: TimeInterval($0["at_ms"] as Int64) / 1000)) }.map { $0["id"] },
                   .outOfHours, limit: criterion)
            choose(try Int64.fetchAll(db, sql: """
                SELECT l.id FROM access_log l WHERE l.at_ms >= ? AND l.at_ms < ? AND l.emergency = 1
                  AND l.patient_id IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM encounter e WHERE e.patient_id = l.patient_id AND e.author_id = l.staff_id
                                  AND e.at * 1000 >= l.at_ms - 86400000)
                """, arguments: period), .emergencyWithoutCare)
            choose(all.map { $0["id"] as Int64 }.filter { reasons[$0] == nil }, .random, limit: sample)
            let items = try reasons.keys.sorted().map { id -> AccessReviewItem in
                var item = try Self.item(db, logId: id)
                item.reasons = reasons[id]!.sorted { a, b in
                    AccessReviewReason.allCases.firstIndex(of: a)! < AccessReviewReason.allCases.firstIndex(of: b)!
                }
                return item
            }.sorted { ($0.entry.emergency ? 0 : 1, $0.entry.id) < ($1.entry.emergency ? 0 : 1, $1.entry.id) }
            // The review shows whose records were read: each patient named is logged.
            var named = Set<PatientID>()
            try appendLog(db, context: context, entries: items.compactMap(\.entry.patientId)
                .filter { named.insert($0).inserted }.map { ($0, ("log review [log review]", false)) }, action: .read)
            return items
        }
    }

    /// Rows each criterion brings at least: enough to see a pattern in a week's log.
    static let rowsPerCriterion = 20

    /// Administrators review, and not their own accesses: a review is a second pair of
    /// eyes. The mark and its log row go in one transaction, so a review is never
    /// recorded without the trace of who made it.
    @discardableResult
    public func markReviewed(logId: Int64, verdict: AccessReviewVerdict, comment: String,
                             as context: AccessContext) throws -> AccessReview {
        let comment = CleanText.line(comment)
        guard !comment.isEmpty else { throw StoreError.refused(.reviewNeedsComment) }
        guard comment.count <= 1000 else { throw StoreError.refused(.reviewCommentTooLong(maximum: 1000)) }
        let ms = Int64((clock.now.timeIntervalSince1970 * 1000).rounded())
        return try write { db in
            guard let reviewer = try Row.fetchOne(db, sql: "SELECT * FROM staff WHERE id = ?",
                                                  arguments: [context.staffId.rawValue]).map(Decode.staff) else {
                throw StoreError.unknownStaff(context.staffId)
            }
            guard reviewer.active else { throw StoreError.inactiveStaff(reviewer.id) }
            guard reviewer.rights.contains(.logReview) else {
                throw StoreError.refused(.onlyAdministratorsReview)
            }
            guard let logged = try Row.fetchOne(db, sql: "SELECT staff_id, patient_id FROM access_log WHERE id = ?",
                                                arguments: [logId]) else {
                throw StoreError.notFound("access-log row \(logId)")
            }
            guard (logged["staff_id"] as String) != reviewer.id.rawValue else {
                throw StoreError.refused(.noSelfReview)
            }
            guard try !exists(db, "SELECT 1 FROM access_review WHERE log_id = ?", [logId]) else {
                throw StoreError.duplicate("a review of access-log row \(logId)")
            }
            try db.execute(sql: """
                INSERT INTO access_review(log_id, reviewed_at_ms, reviewer, comment, verdict) VALUES (?, ?, ?, ?, ?)
                """, arguments: [logId, ms, reviewer.id.rawValue, comment, verdict.rawValue])
            try appendLog(db, context: context, patient: (logged["patient_id"] as Int64?).map { PatientID(rawValue: $0) },
                          action: .read, detail: "log review of row \(logId): \(verdict.rawValue)")
            return AccessReview(logId: logId, reviewedAtMilliseconds: ms, reviewer: reviewer.id, comment: comment,
                                verdict: verdict)
        }
    }

    private static func item(_ db: Database, logId: Int64) throws -> AccessReviewItem {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT l.*, s.name AS staff_name, u.name AS unit_name, p.ident, p.ident_kind, p.birth_date, p.sex,
                   r.reviewed_at_ms, r.reviewer, r.comment, r.verdict
            FROM access_log l
            LEFT JOIN staff s ON s.id = l.staff_id
            LEFT JOIN care_unit u ON u.id = l.unit_id
            LEFT JOIN patient p ON p.id = l.patient_id
            LEFT JOIN access_review r ON r.log_id = l.id
            WHERE l.id = ?
            """, arguments: [logId]) else { throw StoreError.notFound("access-log row \(logId)") }
        let entry = Decode.logEntry(row)
        let review = (row["reviewer"] as String?).map { reviewer in
            AccessReview(logId: logId, reviewedAtMilliseconds: row["reviewed_at_ms"], reviewer: StaffID(rawValue: reviewer),
                         comment: row["comment"], verdict: AccessReviewVerdict(rawValue: row["verdict"]) ?? .followUp)
        }
        let identifier = (row["ident"] as String?) == nil ? nil : Decode.identifier(row).display
        return AccessReviewItem(entry: entry, staffName: row["staff_name"] ?? "", unitName: row["unit_name"] ?? "",
                                patientIdentifier: identifier, review: review)
    }

    /// Midnight in Stockholm, where the period's days are counted.
    static func startOfDayMs(_ day: LocalDate) -> Int64 {
        let utcMidnight = Date(timeIntervalSince1970: TimeInterval(day.dayNumber) * 86_400)
        return (Int64(day.dayNumber) * 86_400 - Int64(ClockZone.stockholm.secondsFromGMT(for: utcMidnight))) * 1000
    }

    /// SplitMix64's finaliser: spreads neighbouring ids evenly, so the sample is not
    /// clustered in time.
    static func mix(_ value: Int64) -> UInt64 {
        var z = UInt64(bitPattern: value) &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
