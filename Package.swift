// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Nara",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "nara", targets: ["nara"]),
        // The measurements behind `nara bench`, for the benchmark package in Benchmarks/.
        .library(name: "NaraBench", targets: ["NaraBench"]),
        // The FHIR reader, for the fuzz target in Fuzz/.
        .library(name: "NaraFHIR", targets: ["NaraFHIR"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
        // Already under postgres-nio; named here for its no-op log handler (nothing may
        // reach the terminal the curses screen is drawn on).
        .package(url: "https://github.com/apple/swift-log.git", exact: "1.16.2"),
    ],
    targets: [
        // Pure rules and value types: no storage, no terminal.
        .target(name: "NaraDomain"),
        // The terminal toolkit: cells, buffers, layout, keys, widgets. Knows nothing of
        // patients and nothing of curses.
        .target(name: "TerminalUI"),
        // Test support for anything drawn with TerminalUI: buffers as text, snapshot
        // files with line diffs. Kept out of TerminalUI so the toolkit stays free of
        // Foundation and Testing.
        .target(name: "TerminalUITesting", dependencies: ["TerminalUI"], path: "Sources/TerminalUITesting"),
        // libncursesw and a shim for what Swift cannot import. Only NcursesBackend uses it.
        .systemLibrary(name: "CNcursesw"),
        // The one module that talks to curses: a real terminal behind TerminalBackend.
        .target(name: "NcursesBackend", dependencies: ["TerminalUI", "CNcursesw"]),
        // Drives a real binary of this package in a private tmux server, for tests.
        .target(name: "TmuxTesting", path: "Sources/TmuxTesting"),
        // A tiny program the backend's tests drive under tmux.
        .executableTarget(
            name: "nara-terminal-check",
            dependencies: ["NcursesBackend", "TerminalUI"],
            path: "Sources/NaraTerminalCheck"
        ),
        // The access log's hash chain: the canonical form of a row and its SHA-256 link.
        // One owner for every store, so that a log verifies the same whichever holds it.
        .target(name: "NaraLogChain", dependencies: ["NaraDomain", .product(name: "Crypto", package: "swift-crypto")]),
        // The SQLite file store behind the domain's store protocols.
        .target(
            name: "NaraStore",
            dependencies: [
                "NaraDomain",
                "NaraLogChain",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The PostgreSQL store behind the same protocols, for a region's one database.
        // Opens no SQLite file: it shares NaraStore's statements' parts and its decoders
        // of rows (GRDB rows made from the JSON the server returns), so a record is read
        // and built by one owner for both stores.
        .target(
            name: "NaraPostgresStore",
            dependencies: [
                "NaraDomain",
                "NaraLogChain",
                "NaraStore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // A throwaway PostgreSQL cluster for tests: NARA_TEST_POSTGRES_URL, or one started
        // from the installed server binaries in a temporary folder.
        .target(name: "NaraPostgresTesting",
                dependencies: ["NaraPostgresStore", .product(name: "PostgresNIO", package: "postgres-nio")],
                path: "Sources/NaraPostgresTesting"),
        // FHIR R4 JSON to and from exchange batches: Swedish identifier systems, the
        // resources of the overview. Knows no store and no terminal.
        .target(name: "NaraFHIR", dependencies: ["NaraDomain"]),
        // The application: screens, keymaps, strings, the loop. Talks to the store only
        // through the domain's protocols and to the terminal only through TerminalUI.
        .target(name: "NaraApp", dependencies: ["NaraDomain", "TerminalUI"], exclude: ["Screens/README.md"]),
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
        // What `nara bench` and Benchmarks/ measure: the app on a headless terminal, the
        // real binary on a pseudo-terminal, and the store beside a raw SQLite baseline.
        .target(name: "NaraBench", dependencies: ["NaraDomain", "NaraStore", "NaraApp", "TerminalUI"]),
        .executableTarget(
            name: "nara",
            dependencies: [
                "NaraBench",
                "NaraDomain",
                "NaraStore",
                // `nara copy` moves a store to and from PostgreSQL.
                "NaraPostgresStore",
                "NaraFHIR",
                "NaraApp",
                "NaraThemes",
                "NcursesBackend",
                "TerminalUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // A release binary carries the Swift runtime and Foundation inside it: the
            // clinic server needs no Swift toolchain, and a session maps one file instead
            // of a dozen shared libraries whose symbol tables the dynamic linker reads at
            // every start (about 5 MB of resident memory per session, docs/BENCHMARKS.md).
            // The modules were compiled against the shared runtime, whose autolink entries
            // leave out the static Foundation's own archives: they are named here, and
            // lld, which the toolchain ships, finds them in any order. Debug builds,
            // which the tests run, stay dynamic.
            // The static runtime's link exports every symbol of the program, so the dynamic
            // linker would read 3.7 MB of symbol tables at every start that nothing looks
            // up: --no-export-dynamic keeps them out. Packed relative relocations (DT_RELR,
            // glibc 2.36, Debian 12) shrink the 3.1 MB of relocations applied at start to
            // 73 KB. Both are pages every session would otherwise hold (docs/BENCHMARKS.md).
            linkerSettings: [
                .unsafeFlags(["-static-stdlib", "-use-ld=lld", "-l_FoundationICU", "-l_FoundationCollections",
                              "-l_FoundationCShims", "-lCoreFoundation", "-Xlinker", "--no-export-dynamic",
                              "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs"],
                             .when(platforms: [.linux], configuration: .release)),
            ]
        ),
        // Drives the store from several processes in the reliability tests. Not part of
        // the shipped `nara`: it writes encounters in a staff member's name.
        .executableTarget(
            name: "nara-store-harness",
            dependencies: ["NaraDomain", "NaraStore", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Sources/NaraStoreHarness"
        ),
        .testTarget(name: "NaraDomainTests", dependencies: ["NaraDomain"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "TerminalUITesting"],
                    exclude: ["__Snapshots__"]),
        .testTarget(name: "NcursesBackendTests",
                    dependencies: ["NcursesBackend", "TerminalUI", "TmuxTesting", "nara-terminal-check"]),
        .testTarget(name: "NaraStoreTests", dependencies: ["NaraDomain", "NaraStore", "NaraLogChain",
                                                          .product(name: "GRDBSQLite", package: "GRDB.swift")]),
        .testTarget(name: "NaraPostgresStoreTests",
                    dependencies: ["NaraDomain", "NaraLogChain", "NaraStore", "NaraPostgresStore", "NaraPostgresTesting",
                                   .product(name: "PostgresNIO", package: "postgres-nio"),
                                   .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "NaraFHIRTests", dependencies: ["NaraDomain", "NaraFHIR"], resources: [.copy("Fixtures")]),
        .testTarget(name: "NaraAppTests", dependencies: ["NaraApp", "NaraDomain", "NaraStore", "TerminalUI",
                                                        "TerminalUITesting"],
                    exclude: ["__Snapshots__"]),
        .testTarget(name: "NaraCLITests", dependencies: ["NaraApp", "NaraDomain", "NaraPostgresTesting", "TmuxTesting", "nara",
                                                        "nara-store-harness"]),
        .testTarget(name: "NaraThemesTests", dependencies: ["NaraThemes", "TerminalUI"]),
    ],
    swiftLanguageModes: [.v6]
)
