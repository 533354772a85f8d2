/// Why a theme could not be used, said so that the person editing the file can go
/// straight to the place: `Themes/x.toml:7: roles.warning.fg: unknown colour "purpel" …`.
///
/// A nurse's terminal falls back to the plain theme on any error, so the message is the
/// only help whoever maintains the theme gets; it names the file, the line when it is
/// known and the dotted key.
public struct ThemeError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file as it was given (a path, or `Themes/NAME.toml` for a shipped theme);
    /// nil when no file is involved, as for an unknown theme name.
    public var file: String?
    /// 1-based; nil when the place cannot be found in the text.
    public var line: Int?
    /// The dotted key, such as `roles.warning.fg`; nil for errors about the whole file.
    public var key: String?
    public var message: String

    public init(file: String?, line: Int? = nil, key: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.key = key
        self.message = message
    }

    public var description: String {
        var parts: [String] = []
        if let file { parts.append(line.map { "\(file):\($0)" } ?? file) }
        if let key { parts.append(key) }
        parts.append(message)
        return parts.joined(separator: ": ")
    }
}
