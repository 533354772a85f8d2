import Foundation
import NaraDomain
import Testing

/// Security review L1: one key, written two ways, is still one key.
@Suite struct SSHPublicKeyIdentityTests {
    static func sshString(_ bytes: [UInt8]) -> [UInt8] {
        withUnsafeBytes(of: UInt32(bytes.count).bigEndian) { Array($0) } + bytes
    }

    /// An RSA public key line; `exponentZeros` leading zero bytes on the exponent give
    /// the same key to sshd and `ssh-keygen -l`, in other text.
    static func rsaLine(exponentZeros: Int = 0, modulusZeros: Int = 0, trailing: [UInt8] = [],
                        comment: String = "rolf@ws1") -> String {
        var modulus: [UInt8] = [0x00, 0xC3]
        for i in 0..<127 { modulus.append(UInt8((i * 37 + 11) & 0xFF)) }
        let blob = sshString(Array("ssh-rsa".utf8))
            + sshString(Array(repeating: 0, count: exponentZeros) + [0x01, 0x00, 0x01])
            + sshString(Array(repeating: 0, count: modulusZeros) + modulus)
            + trailing
        return "ssh-rsa " + Data(blob).base64EncodedString() + " " + comment
    }

    @Test func aReEncodedRSAKeyIsTheSameKey() throws {
        let plain = try SSHPublicKey.parse(Self.rsaLine())
        let variant = try SSHPublicKey.parse(Self.rsaLine(exponentZeros: 1, comment: "gun@ws2"))
        let another = try SSHPublicKey.parse(Self.rsaLine(exponentZeros: 3, modulusZeros: 2))
        #expect(plain.data != variant.data)
        #expect(plain.identity == variant.identity)
        #expect(plain.identity == another.identity)
        #expect(plain.identity == plain.data)
    }

    @Test func aKeyWithDataAfterItIsRefused() {
        #expect(throws: SSHPublicKey.Failure.badKeyData) {
            try SSHPublicKey.parse(Self.rsaLine(trailing: [0, 0, 0, 1, 0x41]))
        }
        #expect(throws: SSHPublicKey.Failure.badKeyData) { try SSHPublicKey.parse(Self.rsaLine(trailing: [0, 0])) }
        let ed = Data(base64Encoded: "AAAAC3NzaC1lZDI1NTE5AAAAIP1y8S6h1MzPtNjL8zzZyLdyG6BjWiN1znLlhkSVf05p")!
        let longer = (ed + Data([0, 0, 0, 0])).base64EncodedString()
        #expect(throws: SSHPublicKey.Failure.badKeyData) { try SSHPublicKey.parse("ssh-ed25519 \(longer)") }
    }

    @Test func theCommentIsNotPartOfTheKey() throws {
        let a = try SSHPublicKey.parse("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIP1y8S6h1MzPtNjL8zzZyLdyG6BjWiN1znLlhkSVf05p a@x")
        let b = try SSHPublicKey.parse("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIP1y8S6h1MzPtNjL8zzZyLdyG6BjWiN1znLlhkSVf05p")
        #expect(a.identity == b.identity)
    }
}
