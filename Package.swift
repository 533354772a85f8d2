// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Nara",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "nara", targets: ["nara"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
    ],
    targets: [
        // Pure rules and value types: no storage, no terminal.
        .target(name: "NaraDomain"),
        // The terminal toolkit: cells, buffers, layout, keys, widgets. Knows nothing of
        // patients and nothing of curses.
        .target(name: "TerminalUI"),
        // The SQLite file store behind the domain's store protocols.
        .target(
            name: "NaraStore",
            dependencies: [
                "NaraDomain",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        // Colour themes: the TOML theme format, the shipped themes (embedded at build
        // time, so an installed binary needs no files beside it) and the user's own.
        .target(
            name: "NaraThemes",
            dependencies: [
                "TerminalUI",
                .product(name: "TOMLKit", package: "TOMLKit"),
            ],
            plugins: ["EmbedThemes"]
        ),
        // Turns Themes/*.toml into Swift source for NaraThemes.
        .executableTarget(name: "embed-themes", path: "Sources/EmbedThemesTool"),
        .plugin(name: "EmbedThemes", capability: .buildTool(), dependencies: ["embed-themes"]),
        .executableTarget(
            name: "nara",
            dependencies: [
                "NaraDomain",
                "NaraStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "NaraDomainTests", dependencies: ["NaraDomain"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI"]),
        .testTarget(name: "NaraStoreTests", dependencies: ["NaraDomain", "NaraStore"]),
        .testTarget(name: "NaraCLITests", dependencies: ["NaraDomain"]),
        .testTarget(name: "NaraThemesTests", dependencies: ["NaraThemes", "TerminalUI"]),
    ],
    swiftLanguageModes: [.v6]
)
