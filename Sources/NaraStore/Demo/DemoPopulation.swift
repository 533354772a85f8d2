import Foundation
import NaraDomain

/// What the generator knows about one patient while writing that patient's rows.
struct DemoPerson {
    var id: Int64 = 0
    var male = false
    var birthDay = 0
    var age = 0
    /// 0: 0–19, 1: 20–44, 2: 45–64, 3: 65–79, 4: 80+.
    var band = 0
    var clinic = 0
    var listedFrom = 0
    var priorClinic: Int?
    /// First day the patient can have history here (history start, birth).
    var firstDay = 0
    /// Indices into `DemoHistory.conditions`.
    var chronic: [Int] = []
    var frailty = 1.0
    var usualPhysician = 0
    var usualNurse = 0
    /// Chance that an encounter is with the usual doctor or nurse.
    var continuity = 0.5

    var isFrailElderly: Bool { band == 4 && chronic.count >= 2 }
}

/// Ages, sexes and identifiers of the population.
struct DemoPopulation {
    /// Share of each age band in a Swedish municipality (SCB, rounded).
    static let bandShares = [0.22, 0.31, 0.25, 0.15, 0.07]
    static let bandAges = [(0, 19), (20, 44), (45, 64), (65, 79)]
    /// Letters a national reserve id may use (A–Z without I, O, Q, V, W).
    static let reserveLetters = Array("ABCDEFGHJKLMNPRSTUXYZ")

    let days: DemoDays
    private var taken: Set<Int64> = []
    private var takenReserve: Set<String> = []

    init(days: DemoDays, expected: Int) {
        self.days = days
        taken.reserveCapacity(expected)
    }

    /// Draws age and sex; the oldest band is mostly women, as in the population.
    func drawAge(_ p: inout DemoPerson, rng: inout DemoRandom) {
        p.band = rng.weighted(Self.bandShares)
        let age: Int
        if p.band < 4 {
            let (low, high) = Self.bandAges[p.band]
            age = rng.int(low, high)
        } else {
            // Few live past 100: an exponential tail would give ten times too many.
            let tail = Int(-6.5 * Foundation.log(max(rng.unit(), 1e-9)))
            age = rng.chance(0.004) ? rng.int(100, 104) : 80 + (tail < 20 ? tail : rng.below(20))
        }
        p.male = rng.chance(p.band == 4 ? 0.4 : 0.5)
        p.birthDay = max(days.earliest, days.today - age * 365 - age / 4 - rng.below(365))
        p.age = LocalDate(dayNumber: p.birthDay).age(on: LocalDate(dayNumber: days.today))
        if p.age >= 80 { p.band = 4 } else if p.age >= 65 { p.band = 3 }
        else if p.age >= 45 { p.band = 2 } else if p.age >= 20 { p.band = 1 } else { p.band = 0 }
    }

    /// A unique identifier of the requested kind; the birth number walks on (keeping its
    /// sex digit) until the value is free.
    mutating func identifier(for p: DemoPerson, kind: IdentifierKind, rng: inout DemoRandom) -> String {
        let (y, m, d) = LocalDate(dayNumber: p.birthDay).components
        if kind == .nationalReserve {
            while true {
                let series = y >= 2000 ? 23 : 22
                var s = Self.pad2(series) + Self.pad2(y % 100) + Self.pad2(m) + Self.pad2(d)
                s.append(rng.pick(Self.reserveLetters))
                s.append(rng.pick(Self.reserveLetters))
                s += String(rng.below(5) * 2 + (p.male ? 1 : 0))
                _ = rng.below(10)  // drew the check digit before it was computed; kept so the sequence stays
                s += String(Luhn.checkDigit(values: s.map { $0.isNumber ? Int(String($0))! : Int($0.asciiValue!) }))
                if takenReserve.insert(s).inserted { return s }
            }
        }
        let day = kind == .samordningsnummer ? d + 60 : d
        var serial = rng.below(500) * 2 + (p.male ? 1 : 0)
        let keyBase = (Int64(kind == .samordningsnummer ? 1 : 0) << 50) | (Int64(p.birthDay + 100_000) << 12)
        // Birth number 000 is never given out (Skatteverket: 001–999).
        while serial == 0 || !taken.insert(keyBase | Int64(serial)).inserted { serial = (serial + 2) % 1000 }
        let digits = [y / 1000, y / 100 % 10, y / 10 % 10, y % 10, m / 10, m % 10, day / 10, day % 10,
                      serial / 100, serial / 10 % 10, serial % 10]
        var text = ""
        text.reserveCapacity(12)
        for digit in digits { text.append(Character(Unicode.Scalar(UInt8(48 + digit)))) }
        text.append(Character(Unicode.Scalar(UInt8(48 + Self.luhn(digits[2...])))))
        return text
    }

    /// The personnummer check digit over YYMMDDNNN (DOMAIN.md).
    static func luhn(_ digits: ArraySlice<Int>) -> Int {
        var sum = 0
        for (i, digit) in digits.enumerated() {
            let product = digit * (i % 2 == 0 ? 2 : 1)
            sum += product / 10 + product % 10
        }
        return (10 - sum % 10) % 10
    }

    static func pad2(_ v: Int) -> String { v < 10 ? "0" + String(v) : String(v) }
}
