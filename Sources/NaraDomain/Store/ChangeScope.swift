import Foundation

/// What one session shows that others' commits can change: the record it has open, if
/// any, and the unit it works for, whose lists, queues and Min dag it reads. A commit about
/// anything else concerns the session not at all, so asking about these two keeps a
/// region's sessions from re-reading their screens at every commit anywhere.
public struct ChangeScope: Hashable, Sendable {
    public var patient: PatientID?
    public var unit: UnitID

    public init(patient: PatientID? = nil, unit: UnitID) {
        self.patient = patient
        self.unit = unit
    }
}

/// Where the change counters of a scope stood at one reading. A counter grows with every
/// commit that touches its patient or unit and never goes back, so two readings of the
/// same scope say what moved in between. Zero is a counter nothing has moved yet.
public struct ChangeStamp: Hashable, Sendable {
    /// The open patient's counter; zero when no patient is open.
    public var patient: Int64
    public var unit: Int64

    public init(patient: Int64 = 0, unit: Int64 = 0) {
        self.patient = patient
        self.unit = unit
    }
}

/// Telling a session that others changed what it shows, whichever database holds the
/// store: the one question a session polls every tick.
public protocol ChangeWatching: Sendable {
    /// Where the change counters of the open patient and the user's unit stand now: one
    /// cheap read, polled every tick, which names no patient and so needs no log row. The
    /// patient's counter moves with every change to the record (consent and blocks
    /// included); the unit's with every change to what the unit's lists, queues and Min
    /// dag show. A session compares two readings and reads again only what moved.
    func changeStamp(_ scope: ChangeScope) throws -> ChangeStamp
}
