/// A calendar day with no time zone.
///
/// Care-guarantee clocks, listing periods and birth dates are counted in calendar days
/// (DOMAIN.md), so they must not drift with time zones or daylight saving the way a
/// `Date` at midnight would. Days are counted from 1970-01-01 with Howard Hinnant's
/// civil-calendar algorithms, which are exact for the proleptic Gregorian calendar.
public struct LocalDate: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    /// Days since 1970-01-01.
    public let dayNumber: Int

    public init(dayNumber: Int) { self.dayNumber = dayNumber }

    /// Nil when the triple is not a real date (2023-02-29, month 13, day 0).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1,
              day <= LocalDate.daysIn(month: month, year: year) else { return nil }
        self.dayNumber = LocalDate.days(fromYear: year, month: month, day: day)
    }

    /// Parses `YYYY-MM-DD` strictly. Reads the ten bytes directly: every date column of
    /// every row read goes through here, and splitting strings cost 5% of a key's work.
    public init?(iso text: String) {
        var text = text
        guard let (y, m, d) = text.withUTF8({ Self.parse($0) }) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    private static func parse(_ b: UnsafeBufferPointer<UInt8>) -> (Int, Int, Int)? {
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for i in range {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b[i]) else { return nil }
                value = value * 10 + Int(b[i] - UInt8(ascii: "0"))
            }
            return value
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        return (y, m, d)
    }

    public var year: Int { components.year }
    public var month: Int { components.month }
    public var day: Int { components.day }

    public var components: (year: Int, month: Int, day: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return (y, m, d)
    }

    /// `YYYY-MM-DD`, the only date format the program shows (DOMAIN.md).
    public var iso: String {
        let c = components
        return LocalDate.pad(c.year, 4) + "-" + LocalDate.pad(c.month, 2) + "-" + LocalDate.pad(c.day, 2)
    }

    public var description: String { iso }

    public func adding(days: Int) -> LocalDate { LocalDate(dayNumber: dayNumber + days) }

    /// Monday 0 … Sunday 6 (day 0, 1970-01-01, was a Thursday).
    public var weekday: Int { ((dayNumber + 3) % 7 + 7) % 7 }
    public var isWeekend: Bool { weekday >= 5 }

    /// Same day `months` later, clamped to the month's last day (2024-01-31 + 1 = 2024-02-29).
    public func adding(months: Int) -> LocalDate {
        let c = components
        let total = c.year * 12 + (c.month - 1) + months
        let y = Self.floorDiv(total, 12), m = total - y * 12 + 1
        let d = min(c.day, LocalDate.daysIn(month: m, year: y))
        return LocalDate(dayNumber: LocalDate.days(fromYear: y, month: m, day: d))
    }

    /// Calendar days from `self` to `other` (positive when `other` is later).
    public func days(until other: LocalDate) -> Int { other.dayNumber - dayNumber }

    /// Whole years of age on `date` for someone born on `self`.
    public func age(on date: LocalDate) -> Int {
        let b = components, t = date.components
        var years = t.year - b.year
        if (t.month, t.day) < (b.month, b.day) { years -= 1 }
        return years
    }

    public static func < (a: LocalDate, b: LocalDate) -> Bool { a.dayNumber < b.dayNumber }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func days(fromYear year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    private static func floorDiv(_ a: Int, _ b: Int) -> Int {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }

    public static func pad(_ value: Int, _ width: Int) -> String {
        let s = String(value)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    // Codable as the ISO string, so JSON output and fixtures read naturally.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = LocalDate(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "not a YYYY-MM-DD date: \(text)"))
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(iso)
    }
}

extension Character {
    /// Only 0–9: `Character.isNumber` also accepts other scripts' digits and fractions.
    public var isASCIIDigitCharacter: Bool { isASCII && ("0"..."9").contains(self) }
}
