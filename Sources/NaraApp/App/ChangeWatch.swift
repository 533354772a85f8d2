import NaraDomain

/// What a session last read of the change counters of what it shows (`ChangeScope`),
/// to tell on each tick what others' commits moved: the open record, the unit's screens,
/// or nothing, in which case the session reads nothing again.
struct ChangeWatch {
    private var scope: ChangeScope?
    private var stamp = ChangeStamp()

    struct Moved: Equatable {
        /// The open patient's counter moved: the record is read again.
        var record = false
        /// The unit's counter moved: the screens on the stack read again.
        var unit = false
    }

    /// Takes a tick's reading and says what moved since the last one. A counter is only
    /// compared with one read for the same patient or unit; the first reading learns.
    mutating func take(_ scope: ChangeScope, _ reading: ChangeStamp) -> Moved {
        defer {
            self.scope = scope
            stamp = reading
        }
        guard let last = self.scope else { return Moved() }
        return Moved(record: scope.patient != nil && scope.patient == last.patient && reading.patient != stamp.patient,
                     unit: scope.unit == last.unit && reading.unit != stamp.unit)
    }

    /// A record was opened, its counter read just before: later ticks compare with that.
    /// The unit's counter stays as the last tick read it, so a move since is still seen.
    mutating func opened(_ patient: PatientID, unit: UnitID, at reading: ChangeStamp) {
        guard var scope else {
            self.scope = ChangeScope(patient: patient, unit: unit)
            stamp = reading
            return
        }
        scope.patient = patient
        self.scope = scope
        stamp.patient = reading.patient
    }
}
