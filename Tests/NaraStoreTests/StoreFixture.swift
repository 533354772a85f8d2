import Foundation
import GRDB
import NaraDomain
import Testing
@testable import NaraStore

/// A small clinic in a temporary folder: a vårdcentral, a specialist clinic, the
/// municipality's home care, staff at each, and helpers to make patients.
struct StoreFixture {
    let folder: URL
    let path: String
    let store: SQLiteStore
    let today = LocalDate(year: 2026, month: 11, day: 23)!

    static let vc: UnitID = "SE2321000164-vc01"
    static let cardiology: UnitID = "SE2321000164-kard"
    static let homeCare: UnitID = "SE2120000000-hsv1"
    static let ward: UnitID = "SE2321000164-avd7"

    let nurse = AccessContext(staffId: "karin.berg", unitId: vc, clientAddress: "192.0.2.10", sessionId: "s-nurse")
    let cardiologist = AccessContext(staffId: "erik.sjoberg", unitId: cardiology, sessionId: "s-kard")

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("nara-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.appendingPathComponent("clinic.sqlite").path
        store = try SQLiteStore.open(at: path, mode: .createIfMissing(.production),
                                     clock: FixedClock(day: LocalDate(year: 2026, month: 11, day: 23)!))
        try store.addUnit(CareUnit(id: Self.vc, name: "Vårdcentralen Ekbacken", principal: .region, kind: .primaryCare))
        try store.addUnit(CareUnit(id: Self.cardiology, name: "Kardiologmottagningen", principal: .region, kind: .specialist))
        try store.addUnit(CareUnit(id: Self.homeCare, name: "Hemsjukvården Nora", principal: .municipality, kind: .homeCare))
        try store.addUnit(CareUnit(id: Self.ward, name: "Medicinavdelning 7", principal: .region, kind: .hospital))
        try store.addStaff(Staff(id: "karin.berg", name: "Karin Berg", profession: .districtNurse, unitId: Self.vc, roles: [.nurse]))
        try store.addStaff(Staff(id: "olof.hagg", name: "Olof Hägg", profession: .physician, unitId: Self.vc, roles: [.physician]))
        try store.addStaff(Staff(id: "maria.lind", name: "Maria Lind", profession: .physician, unitId: Self.vc, roles: [.physician]))
        try store.addStaff(Staff(id: "erik.sjoberg", name: "Erik Sjöberg", profession: .physician, unitId: Self.cardiology, roles: [.physician]))
        try store.addStaff(Staff(id: "lena.ek", name: "Lena Ek", profession: .nurse, unitId: Self.homeCare, roles: [.municipalNurse]))
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }

    @discardableResult
    func patient(_ pnr: String, _ given: String, _ family: String, protected: Bool = false,
                 listed: Bool = true) throws -> Patient {
        let id = try PersonIdentifier.parse(pnr, today: today)
        return try store.registerPatient(NewPatient(identifier: id, givenName: given, familyName: family,
                                                    address: Address(street: "Storgatan 1", postalCode: "702 10", city: "Örebro"),
                                                    protectedIdentity: protected),
                                         listedAt: listed ? Self.vc : nil, on: LocalDate(year: 2020, month: 1, day: 1)!,
                                         as: nurse)
    }

    func at(_ y: Int, _ m: Int, _ d: Int, hour: Int = 10) -> Date {
        LocalDate(year: y, month: m, day: d)!.noon(in: .stockholm).addingTimeInterval(TimeInterval((hour - 12) * 3600))
    }

    /// The newest log rows, read past the door (reading through it would log the read).
    func log(_ patient: PatientID? = nil, limit: Int = 1) throws -> [AccessLogEntry] {
        try store.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM access_log WHERE ?1 IS NULL OR patient_id = ?1 ORDER BY id DESC LIMIT ?2",
                             arguments: [patient?.rawValue, limit]).map(Decode.logEntry)
        }
    }

    /// Appends a log row as the door does, for tests of the log itself.
    func appendRow(_ patient: PatientID?, _ detail: String, action: AccessAction = .read, as context: AccessContext) throws {
        try store.write { db in try store.appendLog(db, context: context, patient: patient, action: action, detail: detail) }
    }

    /// A staff member acting at their own unit. Where they have no care relationship, a
    /// fixture's write goes through as emergency access (flagged in the log).
    func acting(_ staff: StaffID) throws -> AccessContext {
        let unit = try #require(try store.staff(staff)).unitId
        return AccessContext(staffId: staff, unitId: unit, sessionId: "s-" + staff.rawValue,
                             emergencyReason: "Testdata för vårdtillfället")
    }

    func logCount() throws -> Int {
        try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM access_log") ?? 0 }
    }
}

/// Valid personnummer for fixtures (Skatteverket's test numbers have correct check digits).
enum TestPnr {
    static let tolvan = "19121212-1212"
    static let a = "19450303-4565"
    static let b = "19380524-9244"
    static let c = "19520101-7372"
}
