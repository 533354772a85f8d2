import Foundation
import Testing

/// The commands work on the store protocols, so that a region's database serves them as
/// a clinic's file does. Only `StoreOptions` (which opens the store `--store` names) and
/// the file store's own backup and restore may name the file store's type.
@Suite struct StoreSeamTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Sources").standardized

    @Test func noCommandOrBenchmarkNamesTheFileStore() throws {
        let allowed: Set<String> = ["StoreOptions.swift", "BackupCommand.swift"]
        var offenders: [String] = []
        for folder in ["nara", "NaraBench", "NaraApp"] {
            let root = Self.sources.appendingPathComponent(folder)
            let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?
                .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
            #expect(!files.isEmpty, "no sources under \(root.path)")
            for file in files where !allowed.contains(file.lastPathComponent) {
                let text = try String(contentsOf: file, encoding: .utf8)
                if text.contains("SQLiteStore") || text.contains("import GRDB") {
                    offenders.append("\(folder)/\(file.lastPathComponent)")
                }
            }
        }
        #expect(offenders.isEmpty, "these name the file store instead of the store protocols: \(offenders)")
    }
}
