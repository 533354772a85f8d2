import Foundation
import NaraThemes
import TerminalUI
import Testing

/// The package's `Themes/` folder in the source tree, found from this file's path.
let themesFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appending(path: "Themes")

@Suite struct ShippedThemeTests {
    @Test(arguments: ThemeCatalog.shippedNames)
    func parsesAndDefinesEveryRole(name: String) throws {
        let theme = try ThemeCatalog.load(name, environment: [:])
        #expect(theme.name == name)
        let missing = StyleRole.allCases.filter { theme.looks[$0] == nil }
        #expect(missing.isEmpty, "\(name) leaves out \(missing.map(\.rawValue))")
    }

    @Test(arguments: ThemeCatalog.shippedNames)
    func embeddedCopyEqualsTheFile(name: String) throws {
        let file = try String(contentsOf: themesFolder.appending(path: "\(name).toml"), encoding: .utf8)
        #expect(ThemeCatalog.shippedSource(name) == file)
    }

    @Test func everyFileInThemesIsShipped() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: themesFolder.path(percentEncoded: false))
            .filter { $0.hasSuffix(".toml") }.map { String($0.dropLast(5)) }
        #expect(Set(files) == Set(ThemeCatalog.shippedNames))
    }

    @Test func monochromeUsesNoColours() throws {
        let theme = try ThemeCatalog.load("monochrome", environment: [:])
        #expect(theme.monochrome)
        for (role, look) in theme.looks {
            #expect(look.foreground == .default && look.background == .default, "\(role) has a colour")
        }
    }

    @Test func defaultKeepsTheTerminalBackgroundOutsideBars() throws {
        let theme = try ThemeCatalog.load("default", environment: [:])
        let bars: Set<StyleRole> = [.header, .selection, .functionBar, .functionKey, .statusBar, .demoBanner]
        for role in StyleRole.allCases where !bars.contains(role) {
            #expect(theme.look(role).background == .default, "\(role) sets a background")
        }
    }

    /// Red–green colour blindness cannot rely on hue: the three status roles must also
    /// differ by their attributes, and danger must not be a red or a green.
    @Test func colorblindStatusesDifferByAttributes() throws {
        let theme = try ThemeCatalog.load("colorblind", environment: [:])
        let statuses = [theme.look(.danger), theme.look(.warning), theme.look(.success)]
        #expect(Set(statuses.map(\.attributes.rawValue)).count == 3)
        #expect(Set(statuses.map(\.foreground)).count == 3)
        #expect(theme.look(.danger).attributes.isSuperset(of: [.bold, .reverse]))
        // Okabe–Ito vermillion, orange and sky blue at their nearest xterm indices.
        #expect(theme.look(.danger).foreground == .indexed(XtermPalette.nearest(red: 0xD5, green: 0x5E, blue: 0x00)))
        #expect(theme.look(.warning).foreground == .indexed(XtermPalette.nearest(red: 0xE6, green: 0x9F, blue: 0x00)))
        #expect(theme.look(.success).foreground == .indexed(XtermPalette.nearest(red: 0x56, green: 0xB4, blue: 0xE9)))
    }

    @Test func monochromeStatusesDifferFromEachOther() throws {
        let theme = try ThemeCatalog.load("monochrome", environment: [:])
        let statuses: [StyleRole] = [.danger, .warning, .success, .protectedIdentity]
        #expect(Set(statuses.map { theme.look($0).attributes.rawValue }).count == statuses.count)
    }
}
