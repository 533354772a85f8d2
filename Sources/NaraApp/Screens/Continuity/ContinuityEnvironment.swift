import Foundation
import NaraDomain
import TerminalUI

/// What the reducer needs from outside its state: the words, the day, who works, the
/// open record, and look-ups in the directory. Closures, so reducer tests answer them
/// from arrays and the screen from the store.
public struct ContinuityEnvironment {
    public var strings: ContinuityStrings
    public var today: LocalDate
    public var now: Date
    public var user: Staff
    public var unit: CareUnit
    public var record: PatientRecord?
    /// Rows a tab's list shows at once: page moves go that far.
    public var visibleRows: (ContinuityTab) -> Int
    /// The active staff of the user's unit, for the staff pickers.
    public var unitStaff: () -> [Staff]
    public var staff: (StaffID) -> Staff?
    public var units: () -> [CareUnit]

    public init(strings: ContinuityStrings, today: LocalDate, now: Date, user: Staff, unit: CareUnit,
                record: PatientRecord?, visibleRows: @escaping (ContinuityTab) -> Int = { _ in 10 },
                unitStaff: @escaping () -> [Staff], staff: @escaping (StaffID) -> Staff?,
                units: @escaping () -> [CareUnit]) {
        self.strings = strings
        self.today = today
        self.now = now
        self.user = user
        self.unit = unit
        self.record = record
        self.visibleRows = visibleRows
        self.unitStaff = unitStaff
        self.staff = staff
        self.units = units
    }

    /// The record as the screen shows it, narrowed by the list filter.
    func facts(_ filter: ListFilter) -> ContinuityFacts? {
        record.map { ContinuityFacts(record: $0, today: today, filter: filter, words: strings) }
    }
}
