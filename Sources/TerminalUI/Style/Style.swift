/// What a piece of text is, not what colour it has: themes decide colours per role, so
/// the monochrome theme, the colour-blind-safe theme and the default all render the
/// same screens (htop's colour roles crossed with schemes).
public enum StyleRole: String, CaseIterable, Hashable, Sendable, Codable {
    case text
    case muted
    case accent
    case header
    case title
    case border
    case selection
    case functionBar = "function_bar"
    case functionKey = "function_key"
    case statusBar = "status_bar"
    case input
    case inputFocused = "input_focused"
    case warning
    case danger
    case success
    case protectedIdentity = "protected_identity"
    case demoBanner = "demo_banner"
}

/// Attributes that add to a role's look: a bold word inside muted text, say.
public struct TextAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = TextAttributes(rawValue: 1)
    public static let underline = TextAttributes(rawValue: 2)
    public static let reverse = TextAttributes(rawValue: 4)
    public static let dim = TextAttributes(rawValue: 8)
    public static let italic = TextAttributes(rawValue: 16)
}

public struct Style: Hashable, Sendable, CustomStringConvertible {
    public var role: StyleRole
    public var attributes: TextAttributes

    public init(_ role: StyleRole = .text, _ attributes: TextAttributes = []) {
        self.role = role
        self.attributes = attributes
    }

    public static let text = Style(.text)
    public static func role(_ role: StyleRole) -> Style { Style(role) }

    public func adding(_ extra: TextAttributes) -> Style { Style(role, attributes.union(extra)) }

    /// `role` or `role+bold+underline`, as snapshots write it.
    public var description: String {
        var parts = [role.rawValue]
        if attributes.contains(.bold) { parts.append("bold") }
        if attributes.contains(.underline) { parts.append("underline") }
        if attributes.contains(.reverse) { parts.append("reverse") }
        if attributes.contains(.dim) { parts.append("dim") }
        if attributes.contains(.italic) { parts.append("italic") }
        return parts.joined(separator: "+")
    }
}
