import Foundation

/// How the patient reached the unit.
public enum CareRequestChannel: String, CaseIterable, Sendable, Codable {
    case phone, visit, digital
}

/// What the contact is about: only a new or worse problem starts the 3-day clock, and
/// every care request here is one (DOMAIN.md "Care guarantee").
public enum CareRequestProblem: String, CaseIterable, Sendable, Codable {
    case new, worse
}

/// The two primary-care limits of the vårdgaranti (HSLF 2017:80 6 kap 1 §), counted from
/// the day of the patient's contact. Kept as data: shorter limits are being prepared.
public enum PrimaryCareGuarantee: String, CaseIterable, Sendable, Codable {
    /// 0: contact with primary care the same day.
    case contact
    /// 3: a medical assessment by licensed staff within 3 days.
    case assessment

    public var limitDays: Int {
        switch self {
        case .contact: return 0
        case .assessment: return 3
        }
    }
}

/// A 0- or 3-day clock. Nothing pauses it; days are calendar days and the deadline day
/// itself is in time. It stops on the day the contact or assessment is recorded.
public struct PrimaryCareClock: Hashable, Sendable {
    public var guarantee: PrimaryCareGuarantee
    /// The day the patient made contact.
    public var start: LocalDate
    public var stoppedOn: LocalDate?

    public init(guarantee: PrimaryCareGuarantee, start: LocalDate, stoppedOn: LocalDate? = nil) {
        self.guarantee = guarantee
        self.start = start
        self.stoppedOn = stoppedOn
    }

    public var deadline: LocalDate { start.adding(days: guarantee.limitDays) }

    public func status(today: LocalDate) -> GuaranteeStatus {
        if let stoppedOn { return .met(on: stoppedOn, withinLimit: stoppedOn <= deadline) }
        let left = today.days(until: deadline)
        return left < 0 ? .overdue(days: -left) : .running(daysLeft: left)
    }

    /// Kept (true), broken (false), or nil while it may still be kept on `today`.
    public func kept(today: LocalDate) -> Bool? {
        switch status(today: today) {
        case .met(_, let within): return within
        case .overdue: return false
        default: return nil
        }
    }
}

/// A requested callback window, "08:00–10:00"; minutes after midnight, end exclusive.
public struct CallbackSlot: Hashable, Sendable, Comparable {
    public var fromMinute: Int
    public var toMinute: Int

    public init?(fromMinute: Int, toMinute: Int) {
        guard 0 <= fromMinute, fromMinute < toMinute, toMinute <= 24 * 60 else { return nil }
        self.fromMinute = fromMinute
        self.toMinute = toMinute
    }

    /// "08:00-10:00", "08:00–10:00" or "8-10".
    public init?(text: String) {
        let parts = text.replacingOccurrences(of: "–", with: "-").split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let from = Self.minute(parts[0]), let to = Self.minute(parts[1]) else { return nil }
        self.init(fromMinute: from, toMinute: to)
    }

    private static func minute(_ text: Substring) -> Int? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ":", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.count <= 2 && $0.allSatisfy(\.isASCIIDigitCharacter) }),
              let hour = Int(parts[0]), let minute = parts.count == 2 ? Int(parts[1]) : 0,
              (0...24).contains(hour), (0..<60).contains(minute), hour * 60 + minute <= 24 * 60 else { return nil }
        return hour * 60 + minute
    }

    public var text: String {
        func clock(_ m: Int) -> String { LocalDate.pad(m / 60, 2) + ":" + LocalDate.pad(m % 60, 2) }
        return clock(fromMinute) + "–" + clock(toMinute)
    }

    public static func < (a: CallbackSlot, b: CallbackSlot) -> Bool {
        (a.fromMinute, a.toMinute) < (b.fromMinute, b.toMinute)
    }
}

/// Vårdbegäran: the patient contacted the unit about a new or worse problem. It starts
/// the 0 and 3 clocks and is a care relationship for the unit.
public struct CareRequest: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var patientId: PatientID
    public var unitId: UnitID
    public var channel: CareRequestChannel
    public var problem: CareRequestProblem
    public var reason: String
    public var registeredAt: Date
    public var registeredBy: StaffID
    public var callback: CallbackSlot?
    /// Calls back that did not reach the patient ("no answer, try again"); they stop no clock.
    public var unanswered: Int = 0
    public var unansweredAt: Date?
    public var contactedAt: Date?
    public var contactedBy: StaffID?
    public var assessedAt: Date?
    public var assessedBy: StaffID?

    public init(id: Int64, patientId: PatientID, unitId: UnitID, channel: CareRequestChannel,
                problem: CareRequestProblem, reason: String, registeredAt: Date, registeredBy: StaffID,
                callback: CallbackSlot? = nil, contactedAt: Date? = nil, contactedBy: StaffID? = nil,
                assessedAt: Date? = nil, assessedBy: StaffID? = nil) {
        self.id = id
        self.patientId = patientId
        self.unitId = unitId
        self.channel = channel
        self.problem = problem
        self.reason = reason
        self.registeredAt = registeredAt
        self.registeredBy = registeredBy
        self.callback = callback
        self.contactedAt = contactedAt
        self.contactedBy = contactedBy
        self.assessedAt = assessedAt
        self.assessedBy = assessedBy
    }

    /// Open until the medical assessment is recorded.
    public var isOpen: Bool { assessedAt == nil }

    /// The clock of `guarantee`, its days in Swedish time: a call at 23:50 is that day's.
    public func clock(_ guarantee: PrimaryCareGuarantee, zone: ClockZone = .stockholm) -> PrimaryCareClock {
        let stop = guarantee == .contact ? contactedAt : assessedAt
        return PrimaryCareClock(guarantee: guarantee, start: LocalDate(date: registeredAt, in: zone),
                                stoppedOn: stop.map { LocalDate(date: $0, in: zone) })
    }
}

/// One row of the guarantee report: requests registered in a period and how many of
/// each clock were kept. A clock still running on the report day is pending and left
/// out of the share; a clock past its deadline without a stop is broken.
public struct GuaranteeShare: Hashable, Sendable {
    public var period: String
    public var requests: Int
    public var contactKept = 0, contactPending = 0
    public var assessmentKept = 0, assessmentPending = 0

    public init(period: String, requests: Int = 0) {
        self.period = period
        self.requests = requests
    }

    /// Kept / decided, or nil when nothing is decided yet.
    public func share(_ guarantee: PrimaryCareGuarantee) -> Double? {
        let (kept, pending) = guarantee == .contact ? (contactKept, contactPending) : (assessmentKept, assessmentPending)
        let decided = requests - pending
        return decided > 0 ? Double(kept) / Double(decided) : nil
    }

    public enum Grouping: String, CaseIterable, Sendable { case day, month }

    /// Requests grouped by the day (YYYY-MM-DD) or month (YYYY-MM) they were registered,
    /// in order.
    public static func report(_ requests: [CareRequest], by grouping: Grouping, today: LocalDate,
                              zone: ClockZone = .stockholm) -> [GuaranteeShare] {
        var rows: [String: GuaranteeShare] = [:]
        for r in requests {
            let day = LocalDate(date: r.registeredAt, in: zone)
            let key = grouping == .day ? day.iso : String(day.iso.prefix(7))
            var row = rows[key] ?? GuaranteeShare(period: key)
            row.requests += 1
            switch r.clock(.contact, zone: zone).kept(today: today) {
            case true?: row.contactKept += 1
            case nil: row.contactPending += 1
            case false?: break
            }
            switch r.clock(.assessment, zone: zone).kept(today: today) {
            case true?: row.assessmentKept += 1
            case nil: row.assessmentPending += 1
            case false?: break
            }
            rows[key] = row
        }
        return rows.values.sorted { $0.period < $1.period }
    }
}
