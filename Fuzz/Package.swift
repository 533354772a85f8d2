// swift-tools-version: 6.1
import Foundation
import PackageDescription

/// A package found by path is known by its folder's name: whatever the checkout is called.
let nara = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

// The coverage-guided fuzz target for the FHIR reader, in a package of its own: it is
// built with libFuzzer and AddressSanitizer (`-sanitize=fuzzer,address`), which the
// main build must not carry. Built and run by `scripts/fuzz-fhir` (docs/RELIABILITY.md).
let package = Package(
    name: "NaraFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(path: ".."),
    ],
    targets: [
        // The declaration of libFuzzer's driver, which comes with the toolchain.
        .target(name: "CLibFuzzer"),
        .executableTarget(
            name: "nara-fuzz-fhir",
            dependencies: [
                "CLibFuzzer",
                .product(name: "NaraFHIR", package: nara),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
