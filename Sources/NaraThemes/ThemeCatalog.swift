import Foundation
import TOMLKit
import TerminalUI

/// Where themes come from: the shipped ones, built into the binary, and the user's own
/// in `$XDG_CONFIG_HOME/nara/themes/`.
///
/// A user file of the same name as a shipped theme wins, so a site can adjust `default`
/// without a new release; a value that looks like a path is read as one, so a theme can
/// be tried out before it is installed.
public enum ThemeCatalog {
    /// In the order a settings screen should offer them.
    public static let shippedNames = ["default", "light", "high-contrast", "monochrome", "colorblind"]

    /// The text of a shipped theme file, for a user who wants to start from it.
    public static func shippedSource(_ name: String) -> String? {
        EmbeddedThemes.files["\(name).toml"]
    }

    /// Reads theme text; `file` is only for messages.
    ///
    /// The theme's name is its `name` key, or else the file name without `.toml`.
    public static func parse(_ text: String, file: String) throws(ThemeError) -> Theme {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ThemeError(file: file, line: error.source.begin.line, message: syntaxMessage(error.description))
        } catch {
            throw ThemeError(file: file, message: "not a TOML file: \(error)")
        }
        let reader = ThemeReader(file: file, source: SourceLines(text))
        return try reader.theme(from: table, fallbackName: baseName(file))
    }

    /// Loads a theme by name or path.
    ///
    /// A value containing `/` or ending in `.toml` is a path (relative to the current
    /// directory). Anything else is a name: first the user's folder, then the shipped
    /// themes.
    public static func load(
        _ nameOrPath: String,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(ThemeError) -> Theme {
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".toml") {
            return try parse(read(nameOrPath), file: nameOrPath)
        }
        if let folder = userFolder(environment) {
            let path = folder.appending(path: "\(nameOrPath).toml").path(percentEncoded: false)
            if FileManager.default.fileExists(atPath: path) {
                return try parse(read(path), file: path)
            }
        }
        if let text = shippedSource(nameOrPath) {
            return try parse(text, file: "Themes/\(nameOrPath).toml")
        }
        var message = "unknown theme \"\(nameOrPath)\"; available themes: \(available(environment: environment).joined(separator: ", "))"
        if let folder = userFolder(environment) {
            message += " (your own go in \(folder.path(percentEncoded: false)))"
        }
        throw ThemeError(file: nil, message: message)
    }

    /// The shipped names in their order, then the user's own that add to them, sorted.
    public static func available(environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
        var names = shippedNames
        if let folder = userFolder(environment),
           let files = try? FileManager.default.contentsOfDirectory(atPath: folder.path(percentEncoded: false)) {
            let own = files.filter { $0.hasSuffix(".toml") && !$0.hasPrefix(".") }.map { String($0.dropLast(5)) }
            names += own.filter { !names.contains($0) }.sorted()
        }
        return names
    }

    /// `$XDG_CONFIG_HOME/nara/themes`, or `~/.config/nara/themes`.
    ///
    /// The XDG base-directory rules say a relative `XDG_CONFIG_HOME` is invalid and must
    /// be ignored, so it is.
    public static func userFolder(_ environment: [String: String]) -> URL? {
        let base: URL
        if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") {
            base = URL(fileURLWithPath: config, isDirectory: true)
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            base = URL(fileURLWithPath: home, isDirectory: true).appending(path: ".config", directoryHint: .isDirectory)
        } else {
            return nil
        }
        return base.appending(path: "nara", directoryHint: .isDirectory).appending(path: "themes", directoryHint: .isDirectory)
    }

    private static func read(_ path: String) throws(ThemeError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ThemeError(file: path, message: "cannot read the theme file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ThemeError(file: path, message: "the theme file is not UTF-8 text")
        }
        return text
    }

    private static func baseName(_ file: String) -> String {
        let last = file.split(separator: "/").last.map(String.init) ?? file
        return last.hasSuffix(".toml") ? String(last.dropLast(5)) : last
    }

    /// toml++ prefixes its messages with what it was doing ("Error while parsing
    /// key-value pair: "), which says nothing to someone editing a theme.
    static func syntaxMessage(_ description: String) -> String {
        guard description.hasPrefix("Error while parsing"), let colon = description.firstIndex(of: ":") else {
            return description
        }
        return String(description[description.index(after: colon)...].trimmingWhitespace())
    }
}
