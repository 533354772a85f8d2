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
    ],
    targets: [
        // Pure rules and value types: no storage, no terminal.
        .target(name: "NaraDomain"),
        // The terminal toolkit: cells, buffers, layout, keys, widgets. Knows nothing of
        // patients and nothing of curses.
        .target(name: "TerminalUI"),
        // libncursesw and a shim for what Swift cannot import. Only NcursesBackend uses it.
        .systemLibrary(name: "CNcursesw"),
        // The one module that talks to curses: a real terminal behind TerminalBackend.
        .target(name: "NcursesBackend", dependencies: ["TerminalUI", "CNcursesw"]),
        // A tiny program the backend's tests drive under tmux.
        .executableTarget(
            name: "nara-terminal-check",
            dependencies: ["NcursesBackend", "TerminalUI"],
            path: "Sources/NaraTerminalCheck"
        ),
        // The SQLite file store behind the domain's store protocols.
        .target(
            name: "NaraStore",
            dependencies: [
                "NaraDomain",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
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
        .testTarget(name: "NcursesBackendTests", dependencies: ["NcursesBackend", "TerminalUI", "nara-terminal-check"]),
        .testTarget(name: "NaraStoreTests", dependencies: ["NaraDomain", "NaraStore"]),
        .testTarget(name: "NaraCLITests", dependencies: ["NaraDomain"]),
    ],
    swiftLanguageModes: [.v6]
)
