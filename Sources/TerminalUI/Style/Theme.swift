/// A colour as a theme names it. Themes may use 256 colours; a backend with fewer
/// maps them down, and a monochrome one uses only the attributes.
public enum Color: Hashable, Sendable {
    /// The terminal's own foreground or background.
    case `default`
    /// One of the 16 ANSI colours (0–7 normal, 8–15 bright).
    case ansi(Int)
    /// One of the 256 xterm colours.
    case indexed(Int)
}

/// How one role looks in a theme.
public struct RoleLook: Hashable, Sendable {
    public var foreground: Color
    public var background: Color
    public var attributes: TextAttributes

    public init(foreground: Color = .default, background: Color = .default, attributes: TextAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }
}

/// A colour scheme: a look for every role. Roles a theme file leaves out fall back to
/// `text` so a partial theme still renders everything.
public struct Theme: Hashable, Sendable {
    public var name: String
    public var looks: [StyleRole: RoleLook]
    /// Uses attributes only: for terminals without colour and for NO_COLOR.
    public var monochrome: Bool

    public init(name: String, looks: [StyleRole: RoleLook], monochrome: Bool = false) {
        self.name = name
        self.looks = looks
        self.monochrome = monochrome
    }

    public func look(_ role: StyleRole) -> RoleLook { looks[role] ?? looks[.text] ?? RoleLook() }

    /// The built-in fallback when no theme file can be read: the terminal's own
    /// colours, with attributes carrying the meaning.
    public static let plain = Theme(name: "plain", looks: [
        .text: RoleLook(), .muted: RoleLook(attributes: .dim), .accent: RoleLook(attributes: .bold),
        .header: RoleLook(attributes: [.bold, .reverse]), .title: RoleLook(attributes: .bold),
        .border: RoleLook(), .selection: RoleLook(attributes: .reverse),
        .functionBar: RoleLook(attributes: .reverse), .functionKey: RoleLook(attributes: .bold),
        .statusBar: RoleLook(attributes: .reverse), .input: RoleLook(attributes: .underline),
        .inputFocused: RoleLook(attributes: [.underline, .bold]), .warning: RoleLook(attributes: .bold),
        .danger: RoleLook(attributes: [.bold, .reverse]), .success: RoleLook(attributes: .bold),
        .protectedIdentity: RoleLook(attributes: [.bold, .underline]),
        .demoBanner: RoleLook(attributes: [.bold, .reverse]),
    ], monochrome: true)
}
