import Foundation
import NaraDomain
import Testing

extension BackendStore {
    /// The same store through the operator's protocols, which both stores conform to.
    var operatorStore: any DirectoryStore & StaffKeyStore & DraftStore & AuditStore {
        store as! any DirectoryStore & StaffKeyStore & DraftStore & AuditStore
    }

    /// One unit with a nurse, a physician and an inactive nurse.
    static func withStaff(_ backend: StoreBackend) throws -> BackendStore {
        let s = try BackendStore(backend)
        try s.store.addUnit(CareUnit(id: "vc01", name: "Vårdcentralen Ekbacken", principal: .region, kind: .primaryCare))
        for (id, name, active) in [("karin.berg", "Karin Berg", true), ("olof.hagg", "Olof Hägg", true),
                                   ("ada.ek", "Ada Ek", false)] {
            try s.store.addStaff(Staff(id: StaffID(id), name: name, profession: .districtNurse, unitId: "vc01",
                                       roles: [.nurse], active: active))
        }
        return s
    }
}

/// `StaffKeyStore` as every store must keep it: the same refusals, the same owner
/// found for one key in another encoding, the same lists in the same order.
@Suite struct StaffKeyConformanceTests {
    static func sshString(_ bytes: [UInt8]) -> [UInt8] {
        withUnsafeBytes(of: UInt32(bytes.count).bigEndian) { Array($0) } + bytes
    }

    /// An RSA key; leading zero bytes on the exponent are the same key in other text.
    static func rsa(_ seed: Int, exponentZeros: Int = 0, comment: String? = "ws") throws -> SSHPublicKey {
        var modulus: [UInt8] = [0x00, 0xC3]
        for i in 0..<127 { modulus.append(UInt8((i * 37 + seed) & 0xFF)) }
        let blob = sshString(Array("ssh-rsa".utf8))
            + sshString(Array(repeating: 0, count: exponentZeros) + [0x01, 0x00, 0x01]) + sshString(modulus)
        return try SSHPublicKey.parse("ssh-rsa " + Data(blob).base64EncodedString() + (comment.map { " " + $0 } ?? ""))
    }

    @Test(arguments: StoreBackend.available)
    func keysAreListedPerStaffMemberAndCounted(_ backend: StoreBackend) throws {
        let s = try BackendStore.withStaff(backend)
        defer { s.remove() }
        let store = s.operatorStore
        #expect(try store.allStaffKeys().isEmpty && store.staffKeyCounts().isEmpty)
        let (a, d) = (try Self.rsa(1), try Self.rsa(4))
        // Added in the order of their text: by time, then by text, the order is the same
        // whether or not a second passes between them.
        let pair = [try Self.rsa(2, comment: nil), try Self.rsa(3)].sorted { $0.data < $1.data }
        let (b, c) = (pair[0], pair[1])
        try store.addStaffKey(a, for: "olof.hagg")
        try store.addStaffKey(b, for: "karin.berg")
        try store.addStaffKey(c, for: "karin.berg")
        try store.addStaffKey(d, for: "ada.ek")
        #expect(try store.staffKeyCounts() == ["olof.hagg": 1, "karin.berg": 2, "ada.ek": 1])
        let karin = try store.staffKeys(staff: "karin.berg")
        #expect(Set(karin.map(\.key)) == [b, c])
        #expect(karin.map(\.key.data) == [b.data, c.data])
        #expect(karin.map(\.key.comment) == [b.comment, c.comment] && pair.contains { $0.comment == nil })
        #expect(karin.allSatisfy { abs($0.addedAt.timeIntervalSinceNow) < 120 })
        // The inactive member's key is not in the keys file; the rest by staff id.
        let all = try store.allStaffKeys()
        #expect(all.map(\.staffId) == ["karin.berg", "karin.berg", "olof.hagg"])
        #expect(all.map(\.key.data) == [b.data, c.data, a.data])
        #expect(try store.staffKeys(staff: "nobody").isEmpty)
    }

    @Test(arguments: StoreBackend.available)
    func aKeyHasOneOwnerInAnyEncoding(_ backend: StoreBackend) throws {
        let s = try BackendStore.withStaff(backend)
        defer { s.remove() }
        let store = s.operatorStore
        let key = try Self.rsa(9)
        let variant = try Self.rsa(9, exponentZeros: 1, comment: "other@ws2")
        #expect(key.data != variant.data)
        #expect(try store.staffKeyOwner(key) == nil)
        try store.addStaffKey(key, for: "karin.berg")
        #expect(try store.staffKeyOwner(key) == "karin.berg")
        #expect(try store.staffKeyOwner(variant) == "karin.berg")
        #expect(throws: StoreError.refused(.keyBelongsToOther("karin.berg"))) {
            try store.addStaffKey(variant, for: "olof.hagg")
        }
        #expect(throws: StoreError.refused(.keyBelongsToOther("karin.berg"))) {
            try store.addStaffKey(key, for: "karin.berg")
        }
        #expect(throws: StoreError.notFound("staff member nobody")) { try store.addStaffKey(try Self.rsa(10), for: "nobody") }
        #expect(try store.staffKeyCounts() == ["karin.berg": 1])
    }
}
