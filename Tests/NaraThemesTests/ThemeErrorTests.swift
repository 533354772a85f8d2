import NaraThemes
import Testing

/// Each message must let whoever edits the file go straight to the mistake: file,
/// line and key, and what would have been right.
@Suite struct ThemeErrorTests {
    func error(_ text: String) throws -> ThemeError {
        try #require(throws: ThemeError.self) { try ThemeCatalog.parse(text, file: "Themes/x.toml") }
    }

    @Test func syntaxErrorGivesTheLine() throws {
        let error = try error("""
        name = "x"

        [roles.text]
        fg =
        bg = "default"
        """)
        #expect(error.file == "Themes/x.toml")
        #expect(error.line == 4)
        #expect(error.description.hasPrefix("Themes/x.toml:4: "))
        #expect(!error.description.contains("Error while parsing"))
    }

    @Test func unknownColour() throws {
        let error = try error("""
        name = "x"

        [roles.text]
        fg = "default"

        [roles.warning]
        fg = "purpel"
        """)
        #expect(error.description
            == "Themes/x.toml:7: roles.warning.fg: unknown colour \"purpel\" (use default, an ANSI name, 0–255 or #rrggbb)")
    }

    @Test func malformedHexIsAnUnknownColour() throws {
        let error = try error("[roles.text]\nbg = \"#12345\"\n")
        #expect(error.line == 2)
        #expect(error.key == "roles.text.bg")
        #expect(error.message.hasPrefix("unknown colour \"#12345\""))
    }

    @Test func colourOutOfRange() throws {
        let error = try error("[roles.text]\nfg = 1\nbg = 256\n")
        #expect(error.description == "Themes/x.toml:3: roles.text.bg: colour 256 is out of range (use 0–255)")
        #expect(try self.error("[roles.text]\nfg = -1\n").message.contains("out of range"))
    }

    @Test func unknownRole() throws {
        let error = try error("""
        [roles.text]
        fg = "red"

        [roles.warnign]
        fg = "yellow"
        """)
        #expect(error.line == 4)
        #expect(error.key == "roles.warnign")
        #expect(error.description.hasPrefix("Themes/x.toml:4: roles.warnign: unknown role; roles are text, muted, accent,"))
        #expect(error.description.hasSuffix("protected_identity, demo_banner"))
    }

    @Test func unknownAttribute() throws {
        let error = try error("""
        [roles.danger]
        fg = "red"
        attributes = ["bold", "blink"]
        """)
        #expect(error.description
            == "Themes/x.toml:3: roles.danger.attributes: unknown attribute \"blink\" (use bold, underline, reverse, dim, italic)")
    }

    @Test func attributesOfTheWrongType() throws {
        let single = try error("[roles.title]\n\nattributes = \"bold\"\n")
        #expect(single.line == 3)
        #expect(single.key == "roles.title.attributes")
        #expect(single.message.hasPrefix("attributes must be a list of strings"))

        let numbers = try error("[roles.title]\nattributes = [1]\n")
        #expect(numbers.line == 2)
        #expect(numbers.message.hasPrefix("attributes must be a list of strings"))
    }

    @Test func otherWrongTypes() throws {
        let colour = try error("[roles.text]\nfg = true\n")
        #expect(colour.description.hasPrefix("Themes/x.toml:2: roles.text.fg: a colour must be a string or an integer"))

        let monochrome = try error("name = \"x\"\nmonochrome = \"yes\"\n")
        #expect(monochrome.description == "Themes/x.toml:2: monochrome: must be true or false")

        let role = try error("[roles]\ntext = \"red\"\n")
        #expect(role.line == 2)
        #expect(role.key == "roles.text")
    }

    @Test func unknownKeys() throws {
        let inRole = try error("[roles.text]\nforeground = \"red\"\n")
        #expect(inRole.description == "Themes/x.toml:2: roles.text.foreground: unknown key; a role has fg, bg, attributes")

        let topLevel = try error("name = \"x\"\ncolour = \"red\"\n")
        #expect(topLevel.line == 2)
        #expect(topLevel.key == "colour")
    }

    @Test func linesAreFoundForDottedAndInlineKeys() throws {
        let dotted = try error("name = \"x\"\nroles.text.fg = \"nope\"\n")
        #expect(dotted.line == 2)
        let inline = try error("[roles]\ntext = { fg = \"red\" }\nmuted = { fg = \"nope\" }\n")
        #expect(inline.line == 3)
        #expect(inline.key == "roles.muted.fg")
    }
}
