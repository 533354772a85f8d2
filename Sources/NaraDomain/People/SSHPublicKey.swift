import Foundation

/// One OpenSSH public key, as a staff member hands it in. The administrator's keys
/// file is generated from these, so anything that could smuggle `sshd` options or a
/// second line into that file is refused here, at the door.
public struct SSHPublicKey: Hashable, Sendable {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case empty
        case tooLarge
        case severalLines
        case optionsNotAllowed
        case unknownType(String)
        case badKeyData
        case typeMismatch

        public var description: String {
            switch self {
            case .empty: return "the key file holds no key"
            case .tooLarge: return "the key file is too large for a public key"
            case .severalLines: return "the key file must hold exactly one key on one line"
            case .optionsNotAllowed:
                return "the key line starts with options; give the plain public key (TYPE BASE64 [comment])"
            case .unknownType(let type):
                return "unknown key type '\(type)'; one of: " + SSHPublicKey.knownTypes.joined(separator: ", ")
            case .badKeyData: return "the key data is not valid base64 of an OpenSSH public key"
            case .typeMismatch: return "the key data does not match the key type named before it"
            }
        }
    }

    /// Types OpenSSH accepts for user keys today; DSA is gone from OpenSSH and is not taken.
    public static let knownTypes = [
        "ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521",
        "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com",
    ]

    public let type: String
    /// The base64 text exactly as given. Two keys are the same key when their
    /// `identity` is, not their text.
    public let data: String
    public let comment: String?

    /// Builds a key from values already checked (read back from the store).
    public init(trustedType type: String, data: String, comment: String?) {
        self.type = type
        self.data = data
        self.comment = comment
    }

    /// Parses the contents of a `.pub` file.
    public static func parse(_ text: String) throws -> SSHPublicKey {
        guard text.utf8.count <= 16_384 else { throw Failure.tooLarge }
        let lines = text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            .filter { !$0.allSatisfy(\.isWhitespace) }
        guard let line = lines.first else { throw Failure.empty }
        guard lines.count == 1 else { throw Failure.severalLines }
        let fields = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true).map(String.init)
        let type = fields[0]
        guard knownTypes.contains(type) else {
            if fields.dropFirst().contains(where: knownTypes.contains) || type.contains("=") || type.contains(",") {
                throw Failure.optionsNotAllowed
            }
            throw Failure.unknownType(String(CleanText.line(type).prefix(40)))
        }
        guard fields.count >= 2 else { throw Failure.badKeyData }
        let data = fields[1]
        guard (16...8192).contains(data.count),
              data.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "/" || $0 == "=") }),
              let blob = Data(base64Encoded: data) else { throw Failure.badKeyData }
        guard blobType(blob) == type else { throw Failure.typeMismatch }
        guard canonicalBlob(blob, type: type) != nil else { throw Failure.badKeyData }
        let comment = fields.count > 2 ? cleanComment(fields[2]) : nil
        return SSHPublicKey(trustedType: type, data: data, comment: comment)
    }

    /// The blob opens with the type name as an SSH string (a 4-byte length, then bytes).
    static func blobType(_ blob: Data) -> String? {
        let bytes = [UInt8](blob)
        guard bytes.count >= 4 else { return nil }
        let length = bytes[0..<4].reduce(0) { $0 << 8 | Int($1) }
        guard length > 0, length <= 64, bytes.count >= 4 + length else { return nil }
        return String(bytes: bytes[4..<(4 + length)], encoding: .ascii)
    }

    /// The SSH strings a key blob of each type is made of (RFC 4253, 5656; OpenSSH's
    /// PROTOCOL.u2f), the type name included.
    static func fieldCount(_ type: String) -> Int? {
        switch type {
        case "ssh-ed25519": return 2
        case "ssh-rsa", "sk-ssh-ed25519@openssh.com": return 3
        case "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521": return 3
        case "sk-ecdsa-sha2-nistp256@openssh.com": return 4
        default: return nil
        }
    }

    /// The blob in one encoding per key: read as its SSH strings, with nothing after
    /// them; an RSA key's exponent and modulus (mpints) lose the leading zero bytes a
    /// re-encoding can add, so that every encoding `sshd` takes as this key gives the
    /// same bytes. Nil when the blob is not a well-formed key of `type`.
    public static func canonicalBlob(_ blob: Data, type: String) -> Data? {
        guard let count = fieldCount(type) else { return nil }
        let bytes = [UInt8](blob)
        var fields: [[UInt8]] = []
        var at = 0
        while at < bytes.count {
            guard bytes.count - at >= 4 else { return nil }
            let length = bytes[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) }
            at += 4
            guard length <= bytes.count - at else { return nil }
            fields.append(Array(bytes[at..<(at + length)]))
            at += length
        }
        guard fields.count == count, String(bytes: fields[0], encoding: .ascii) == type else { return nil }
        if type.hasPrefix("ecdsa-") || type.hasPrefix("sk-ecdsa-") {
            guard fields[2].first == 0x04 else { return nil } // sshd takes uncompressed points only
        }
        if type == "ssh-rsa" {
            for i in 1...2 {
                guard fields[i].first.map({ $0 < 0x80 }) ?? false else { return nil } // positive, not zero-length
                var magnitude = fields[i].drop { $0 == 0 }
                guard !magnitude.isEmpty else { return nil }
                if magnitude.first! >= 0x80 { magnitude.insert(0, at: magnitude.startIndex) }
                fields[i] = Array(magnitude)
            }
        }
        var out = Data()
        for field in fields {
            withUnsafeBytes(of: UInt32(field.count).bigEndian) { out.append(contentsOf: $0) }
            out.append(contentsOf: field)
        }
        return out
    }

    /// What makes two keys the same key: the canonical blob, whatever the base64 text,
    /// comment or encoding of the numbers. Falls back to the text for a key that does
    /// not decode (only ever one read back from an older store).
    public var identity: String {
        guard let blob = Data(base64Encoded: data), let canonical = Self.canonicalBlob(blob, type: type) else {
            return data
        }
        return canonical.base64EncodedString()
    }

    /// The comment ends up at the end of a line in the keys file: printable ASCII only.
    static func cleanComment(_ raw: String) -> String? {
        let kept = String(raw.unicodeScalars.filter { $0.value >= 0x20 && $0.value < 0x7F }.map(Character.init))
        let trimmed = kept.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : String(trimmed.prefix(200))
    }

    /// The key as it stands in an authorized_keys line, without options.
    public var line: String { [type, data, comment].compactMap { $0 }.joined(separator: " ") }
}

/// A key on file for a staff member.
public struct StaffKey: Hashable, Sendable {
    public var staffId: StaffID
    public var key: SSHPublicKey
    public var addedAt: Date

    public init(staffId: StaffID, key: SSHPublicKey, addedAt: Date) {
        self.staffId = staffId
        self.key = key
        self.addedAt = addedAt
    }
}
