import Foundation
import NaraThemes
import TerminalUI
import Testing

/// A fresh `XDG_CONFIG_HOME` with `nara/themes/` in it, removed afterwards.
struct TemporaryConfig: ~Copyable {
    let root: URL
    var themes: URL { root.appending(path: "nara/themes") }
    var environment: [String: String] { ["XDG_CONFIG_HOME": root.path(percentEncoded: false), "HOME": "/nonexistent"] }

    init() throws {
        root = FileManager.default.temporaryDirectory.appending(path: "nara-themes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appending(path: "nara/themes"), withIntermediateDirectories: true)
    }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: themes.appending(path: name))
    }

    deinit { try? FileManager.default.removeItem(at: root) }
}

@Suite struct ThemeLoadingTests {
    @Test func userThemeIsFoundByName() throws {
        let config = try TemporaryConfig()
        try config.write("night.toml", """
        [roles.text]
        fg = "bright-white"
        """)
        let theme = try ThemeCatalog.load("night", environment: config.environment)
        #expect(theme.name == "night")
        #expect(theme.look(.text).foreground == .ansi(15))
        #expect(ThemeCatalog.available(environment: config.environment) == ThemeCatalog.shippedNames + ["night"])
    }

    @Test func userThemeOverridesAShippedName() throws {
        let config = try TemporaryConfig()
        try config.write("default.toml", """
        name = "our default"
        [roles.text]
        fg = "red"
        """)
        let theme = try ThemeCatalog.load("default", environment: config.environment)
        #expect(theme.name == "our default")
        #expect(theme.look(.text).foreground == .ansi(1))
        #expect(ThemeCatalog.available(environment: config.environment) == ThemeCatalog.shippedNames)
    }

    @Test func homeConfigIsTheFallbackAndRelativeXDGIsIgnored() throws {
        let config = try TemporaryConfig()
        let home = config.root.appending(path: "home")
        try FileManager.default.createDirectory(at: home.appending(path: ".config/nara/themes"), withIntermediateDirectories: true)
        try Data("[roles.text]\nfg = 3\n".utf8).write(to: home.appending(path: ".config/nara/themes/mine.toml"))
        let environment = ["XDG_CONFIG_HOME": "relative/config", "HOME": home.path(percentEncoded: false)]
        #expect(try ThemeCatalog.load("mine", environment: environment).look(.text).foreground == .indexed(3))
    }

    @Test func pathsAreReadAsFiles() throws {
        let config = try TemporaryConfig()
        try config.write("trial.toml", "[roles.text]\nfg = \"#ff0000\"\n")
        let path = config.themes.appending(path: "trial.toml").path(percentEncoded: false)
        let theme = try ThemeCatalog.load(path, environment: [:])
        #expect(theme.name == "trial")
        #expect(theme.look(.text).foreground == .indexed(196))

        #expect(throws: ThemeError(file: "missing.toml", message: "cannot read the theme file")) {
            try ThemeCatalog.load("missing.toml", environment: [:])
        }
    }

    @Test func partialThemeFallsBackToText() throws {
        let theme = try ThemeCatalog.parse("""
        [roles.text]
        fg = "cyan"
        attributes = ["italic"]

        [roles.danger]
        fg = "red"
        """, file: "partial.toml")
        #expect(theme.look(.warning) == RoleLook(foreground: .ansi(6), attributes: .italic))
        #expect(theme.look(.danger) == RoleLook(foreground: .ansi(1)))
        #expect(theme.looks[.warning] == nil)
    }

    @Test func unknownNameListsTheAvailableThemes() throws {
        let config = try TemporaryConfig()
        try config.write("night.toml", "")
        let error = try #require(throws: ThemeError.self) {
            try ThemeCatalog.load("purpel", environment: config.environment)
        }
        #expect(error.description.hasPrefix(
            "unknown theme \"purpel\"; available themes: default, light, high-contrast, monochrome, colorblind, night"))
        #expect(error.description.contains(config.themes.path(percentEncoded: false)))
    }
}

@Suite struct ColourTests {
    func foreground(_ value: String) throws -> Color {
        try ThemeCatalog.parse("[roles.text]\nfg = \(value)\n", file: "t.toml").look(.text).foreground
    }

    @Test(arguments: [
        ("\"#ff0000\"", 196), ("\"#000000\"", 16), ("\"#FFFFFF\"", 231), ("\"#808080\"", 244),
        ("\"#121212\"", 233), ("\"#eeeeee\"", 255), ("\"#005f87\"", 24), ("\"#d55e00\"", 166),
    ])
    func hexMapsToTheNearestXtermColour(value: String, index: Int) throws {
        #expect(try foreground(value) == .indexed(index))
    }

    @Test func greysLandOnTheRamp() {
        for grey in stride(from: 20, through: 230, by: 7) {
            let index = XtermPalette.nearest(red: grey, green: grey, blue: grey)
            let rgb = XtermPalette.rgb(index)
            #expect(rgb.red == rgb.green && rgb.green == rgb.blue, "#\(grey) → \(index)")
            #expect(abs(rgb.red - grey) <= 5)
        }
        #expect((232...255).contains(XtermPalette.nearest(red: 0x80, green: 0x80, blue: 0x80)))
    }

    @Test(arguments: [
        ("\"default\"", Color.default), ("\"black\"", .ansi(0)), ("\"red\"", .ansi(1)), ("\"Green\"", .ansi(2)),
        ("\"white\"", .ansi(7)), ("\"bright-black\"", .ansi(8)), ("\"bright-cyan\"", .ansi(14)),
        ("\"bright-white\"", .ansi(15)), ("0", .indexed(0)), ("255", .indexed(255)),
    ])
    func namesAndNumbers(value: String, colour: Color) throws {
        #expect(try foreground(value) == colour)
    }
}
