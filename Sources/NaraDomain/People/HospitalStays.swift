/// Hospital stays as the vårdcentral knows them: from recorded discharges and from the
/// ward's notices under lag (2017:612). A discharged notice and its discharge row are one
/// stay: the same ward and the same day of admission.
public enum HospitalStays {
    public struct Stay: Hashable, Sendable {
        public var ward: UnitID
        public var admittedOn: LocalDate
    }

    public static func all(discharges: [HospitalDischarge], notices: [DischargeNotice]) -> [Stay] {
        let stays = discharges.map { Stay(ward: $0.unitId, admittedOn: $0.admittedOn) }
            + notices.map { Stay(ward: $0.wardUnitId, admittedOn: $0.admittedOn) }
        return Array(Set(stays)).sorted { ($0.admittedOn, $0.ward.rawValue) < ($1.admittedOn, $1.ward.rawValue) }
    }

    /// The stays admitted within the `months` months that end on `today`.
    public static func admitted(within months: Int, endingOn today: LocalDate, discharges: [HospitalDischarge],
                                notices: [DischargeNotice]) -> [Stay] {
        let window = Continuity.window(endingOn: today, months: months)
        return all(discharges: discharges, notices: notices).filter { window.contains($0.admittedOn) }
    }
}
