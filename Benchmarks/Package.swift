// swift-tools-version: 6.1
import Foundation
import PackageDescription

/// A package found by path is known by its folder's name: whatever the checkout is called.
let nara = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

// The benchmark suite lives in a package of its own, so that `swift build` and
// `swift test` of Nära never fetch or build package-benchmark (CI builds a fresh clone).
// Run from this folder: `swift package benchmark` (see docs/BENCHMARKS.md).
let package = Package(
    name: "NaraBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(path: ".."),
        // ordo-one's package-benchmark, under the name its repository has now (the old
        // identifier `package-benchmark` draws a deprecation warning). MallocInterposer
        // only: malloc counters without jemalloc, and without the runtime interposer
        // that would need one more package.
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1",
                 traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "NaraBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "NaraBench", package: nara),
            ],
            path: "Benchmarks/NaraBenchmarks",
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark"),
            ]
        ),
    ]
)
