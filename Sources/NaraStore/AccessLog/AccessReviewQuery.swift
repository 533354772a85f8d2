import Foundation
import GRDB
import NaraDomain

/// Log review's sample (logguppföljning, DOMAIN.md), shared by both stores: the rows each
/// criterion finds in a period, in one read; the choice among them, in Swift, so that the
/// same seed draws the same rows whichever database holds the log; then the chosen rows
/// with the names a reviewer needs, in a second read.
package enum AccessReviewQuery {
    /// Rows each criterion brings at least: enough to see a pattern in a week's log.
    static let rowsPerCriterion = 20

    /// The arguments' refusals, before anything is read.
    package static func check(from: LocalDate, to: LocalDate, sample: Int) throws {
        guard from <= to else { throw StoreError.refused(.periodEndsBeforeStart) }
        guard sample >= 0 else { throw StoreError.refused(.negativeSample) }
    }

    /// The named arguments of `criteria`, in the order a server binds them.
    package static let argumentNames = ["unit", "staff", "from_ms", "to_ms"]

    /// The values of `argumentNames`: who asks, and the period's first and last
    /// millisecond (exclusive), whole days in Stockholm.
    package static func values(from: LocalDate, to: LocalDate,
                               context: AccessContext) -> [String: (any DatabaseValueConvertible)?] {
        ["unit": context.unitId.rawValue, "staff": context.staffId.rawValue,
         "from_ms": startOfDayMs(from), "to_ms": startOfDayMs(to.adding(days: 1))]
    }

    /// Who asks, and the ids each criterion finds in the period. Flags are tested as
    /// truth values and names compared in lower case (ASCII only, as both databases'
    /// `lower` of bytewise text does), so the SQL means the same in both.
    package static let criteria: [TaggedRead.Part] = {
        let period = "l.at_ms >= :from_ms AND l.at_ms < :to_ms"
        return [
            AccessFacts.subjectPart,
            TaggedRead.Part("emergency", "SELECT l.id FROM access_log l WHERE \(period) AND l.emergency"),
            TaggedRead.Part("protected", """
                SELECT l.id FROM access_log l JOIN patient p ON p.id = l.patient_id WHERE \(period) AND p.protected
                """),
            TaggedRead.Part("same_surname", """
                SELECT l.id FROM access_log l JOIN patient p ON p.id = l.patient_id JOIN staff s ON s.id = l.staff_id
                WHERE \(period) AND lower(s.name) LIKE '% ' || lower(p.family_name)
                """),
            TaggedRead.Part("colleague", """
                SELECT l.id FROM access_log l JOIN patient p ON p.id = l.patient_id
                WHERE \(period) AND EXISTS (SELECT 1 FROM staff c WHERE c.unit_id = l.unit_id
                                            AND c.name = p.given_name || ' ' || p.family_name)
                """),
            TaggedRead.Part("emergency_without_care", """
                SELECT l.id FROM access_log l WHERE \(period) AND l.emergency AND l.patient_id IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM encounter e WHERE e.patient_id = l.patient_id AND e.author_id = l.staff_id
                                  AND e.at * 1000 >= l.at_ms - 86400000)
                """),
            TaggedRead.Part("period", "SELECT l.id, l.at_ms FROM access_log l WHERE \(period)"),
        ]
    }()

    /// The rows chosen on `criteria`' rows, each with the reasons it was chosen; the
    /// refusal thrown for a user who may not review. Every emergency access, always;
    /// then up to `max(sample, rowsPerCriterion)` rows for each other criterion, and
    /// `sample` of the rows no criterion chose.
    package static func chosen(_ rows: [String: [Row]], sample: Int, seed: UInt64,
                               context: AccessContext) throws -> [Int64: [AccessReviewReason]] {
        let subject = try AccessFacts.subject(rows, context: context)
        guard subject.active else { throw StoreError.accessDenied(.inactiveUser) }
        guard subject.rights.contains(.logReview) else { throw StoreError.accessDenied(.notForRole) }
        var reasons: [Int64: [AccessReviewReason]] = [:]
        func ids(_ part: String) -> [Int64] { (rows[part] ?? []).map { $0["id"] } }
        func choose(_ ids: [Int64], _ reason: AccessReviewReason, limit: Int = .max) {
            let drawn = ids.map { (key: mix($0 ^ Int64(bitPattern: seed)), id: $0) }
                .sorted { $0.key < $1.key }.prefix(limit).map(\.id)
            for id in drawn { reasons[id, default: []].append(reason) }
        }
        let criterion = max(sample, rowsPerCriterion)
        choose(ids("emergency"), .emergency)
        choose(ids("protected"), .protectedIdentity, limit: criterion)
        choose(ids("same_surname"), .sameSurname, limit: criterion)
        choose(ids("colleague"), .colleague, limit: criterion)
        let all = rows["period"] ?? []
        choose(all.filter { AccessReviewReason.isOutOfHours(
            Date(timeIntervalSince1970: TimeInterval($0["at_ms"] as Int64) / 1000)) }.map { $0["id"] },
               .outOfHours, limit: criterion)
        choose(ids("emergency_without_care"), .emergencyWithoutCare)
        choose(all.map { $0["id"] as Int64 }.filter { reasons[$0] == nil }, .random, limit: sample)
        return reasons.mapValues { chosen in
            chosen.sorted { AccessReviewReason.allCases.firstIndex(of: $0)! < AccessReviewReason.allCases.firstIndex(of: $1)! }
        }
    }

    /// The chosen rows with the names of who read, where, and whose record (by
    /// identifier), and their review if any; no arguments, the ids are numbers written in.
    package static func itemsPart(_ ids: some Collection<Int64>) -> TaggedRead.Part {
        TaggedRead.Part("item", """
            SELECT l.*, s.name AS staff_name, u.name AS unit_name, p.ident, p.ident_kind, p.birth_date, p.sex,
                   r.reviewed_at_ms, r.reviewer, r.comment, r.verdict
            FROM access_log l
            LEFT JOIN staff s ON s.id = l.staff_id
            LEFT JOIN care_unit u ON u.id = l.unit_id
            LEFT JOIN patient p ON p.id = l.patient_id
            LEFT JOIN access_review r ON r.log_id = l.id
            WHERE l.id IN (\(ids.sorted().map(String.init).joined(separator: ",")))
            """, order: "id")
    }

    /// The items of `itemsPart`'s rows, emergency accesses first, then by id.
    package static func items(_ rows: [String: [Row]], reasons: [Int64: [AccessReviewReason]]) -> [AccessReviewItem] {
        (rows["item"] ?? []).map { row in
            var item = item(row)
            item.reasons = reasons[item.entry.id] ?? []
            return item
        }.sorted { ($0.entry.emergency ? 0 : 1, $0.entry.id) < ($1.entry.emergency ? 0 : 1, $1.entry.id) }
    }

    static func item(_ row: Row) -> AccessReviewItem {
        let entry = Decode.logEntry(row)
        let review = (row["reviewer"] as String?).map { reviewer in
            AccessReview(logId: entry.id, reviewedAtMilliseconds: row["reviewed_at_ms"],
                         reviewer: StaffID(rawValue: reviewer), comment: row["comment"],
                         verdict: AccessReviewVerdict(rawValue: row["verdict"]) ?? .followUp)
        }
        let identifier = (row["ident"] as String?) == nil ? nil : Decode.identifier(row).display
        return AccessReviewItem(entry: entry, staffName: row["staff_name"] ?? "", unitName: row["unit_name"] ?? "",
                                patientIdentifier: identifier, review: review)
    }

    /// The review shows whose records were read: each patient named is logged, once.
    package static func logEntries(_ items: [AccessReviewItem]) -> [(PatientID?, (String, Bool))] {
        var named = Set<PatientID>()
        return items.compactMap(\.entry.patientId).filter { named.insert($0).inserted }
            .map { ($0, ("log review [log review]", false)) }
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
