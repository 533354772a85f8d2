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
    /// The base64 text exactly as given; also what makes a key unique.
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
