import TOMLKit
import TerminalUI

/// Turns a parsed theme file into a `Theme`, refusing anything it does not understand.
///
/// Strict on purpose: a misspelt role or key would otherwise be ignored silently and
/// the nurse would see the fallback look without anyone knowing why.
struct ThemeReader {
    let file: String
    let source: SourceLines

    static let topLevelKeys = ["name", "description", "monochrome", "roles"]
    static let roleKeys = ["fg", "bg", "attributes"]
    static let attributeNames: [(name: String, attribute: TextAttributes)] = [
        ("bold", .bold), ("underline", .underline), ("reverse", .reverse), ("dim", .dim), ("italic", .italic),
    ]

    func theme(from table: TOMLTable, fallbackName: String) throws(ThemeError) -> Theme {
        var name = fallbackName
        var monochrome = false
        var looks: [StyleRole: RoleLook] = [:]
        for (key, value) in table {
            switch key {
            case "name":
                guard let text = value.string, !text.isEmpty else { throw error(["name"], "must be a non-empty string") }
                name = text
            case "description":
                guard value.string != nil else { throw error(["description"], "must be a string") }
            case "monochrome":
                guard let flag = value.bool else { throw error(["monochrome"], "must be true or false") }
                monochrome = flag
            case "roles":
                guard let roles = value.table else { throw error(["roles"], "must be a table of roles, as in [roles.text]") }
                for (roleName, roleValue) in roles {
                    guard let role = StyleRole(rawValue: roleName) else {
                        let known = StyleRole.allCases.map(\.rawValue).joined(separator: ", ")
                        throw error(["roles", roleName], "unknown role; roles are \(known)")
                    }
                    looks[role] = try look(roleValue, at: ["roles", roleName])
                }
            default:
                throw error([key], "unknown key; a theme has \(Self.topLevelKeys.joined(separator: ", "))")
            }
        }
        return Theme(name: name, looks: looks, monochrome: monochrome)
    }

    private func look(_ value: TOMLValueConvertible, at path: [String]) throws(ThemeError) -> RoleLook {
        guard let table = value.table else { throw error(path, "must be a table with fg, bg and attributes") }
        var look = RoleLook()
        for (key, value) in table {
            let keyPath = path + [key]
            switch key {
            case "fg": look.foreground = try colour(value, at: keyPath)
            case "bg": look.background = try colour(value, at: keyPath)
            case "attributes": look.attributes = try attributes(value, at: keyPath)
            default: throw error(keyPath, "unknown key; a role has \(Self.roleKeys.joined(separator: ", "))")
            }
        }
        return look
    }

    private func colour(_ value: TOMLValueConvertible, at path: [String]) throws(ThemeError) -> Color {
        if let number = value.int {
            guard (0...255).contains(number) else { throw error(path, "colour \(number) is out of range (use 0–255)") }
            return .indexed(number)
        }
        guard let text = value.string else {
            throw error(path, "a colour must be a string or an integer (\(ColourName.usage))")
        }
        guard let colour = ColourName.colour(named: text) else {
            throw error(path, "unknown colour \"\(text)\" (\(ColourName.usage))")
        }
        return colour
    }

    private func attributes(_ value: TOMLValueConvertible, at path: [String]) throws(ThemeError) -> TextAttributes {
        let usage = Self.attributeNames.map(\.name).joined(separator: ", ")
        guard let list = value.array else { throw error(path, "attributes must be a list of strings, such as [\"bold\"]") }
        var attributes: TextAttributes = []
        for element in list {
            guard let name = element.string else { throw error(path, "attributes must be a list of strings, such as [\"bold\"]") }
            guard let known = Self.attributeNames.first(where: { $0.name == name.lowercased() }) else {
                throw error(path, "unknown attribute \"\(name)\" (use \(usage))")
            }
            attributes.insert(known.attribute)
        }
        return attributes
    }

    private func error(_ path: [String], _ message: String) -> ThemeError {
        ThemeError(file: file, line: source.line(of: path), key: path.joined(separator: "."), message: message)
    }
}
