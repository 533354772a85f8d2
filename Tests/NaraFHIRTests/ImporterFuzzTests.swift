import Foundation
import NaraDomain
import Testing
@testable import NaraFHIR

/// Random and mutated files: the reader never crashes, and every file it refuses comes
/// with a reason that names something.
@Suite struct ImporterFuzzTests {
    /// SplitMix64: the same seed gives the same files, so a failure can be replayed.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let pieces: [String] = ["{", "}", "[", "]", ",", ":", "\"", "\\", "null", "true", "-1e999", "0",
                                   "\"resourceType\"", "\"Patient\"", "\"Bundle\"", "\"reference\"", "\"urn:uuid:x\"",
                                   "\u{1B}]0;x\u{07}", "\u{202E}", "\u{9B}", "\u{0}", "ö", "😀", "\n"]

    func check(_ data: Data, _ seed: UInt64, _ n: Int) {
        do {
            _ = try FHIRReader(today: Fixture.today).read(data)
        } catch {
            let text = String(describing: error)
            #expect(!text.isEmpty && text.count > 8, "seed \(seed) case \(n): \(text)")
        }
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func mutatedFixture(seed: UInt64) throws {
        var rng = Seeded(state: seed)
        let original = Array(try Fixture.data("clinic-transaction.json"))
        for n in 0..<60 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                let at = Int.random(in: 0..<bytes.count, using: &rng)
                switch Int.random(in: 0..<4, using: &rng) {
                case 0: bytes[at] = UInt8.random(in: 0...255, using: &rng)
                case 1: bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...40, using: &rng)))
                case 2: bytes.insert(contentsOf: Array(Self.pieces.randomElement(using: &rng)!.utf8), at: at)
                default: bytes = Array(bytes.prefix(at))
                }
                if bytes.isEmpty { break }
            }
            check(Data(bytes), seed, n)
        }
    }

    @Test(arguments: [7, 8] as [UInt64])
    func mutatedValues(seed: UInt64) throws {
        // Valid JSON with wrong values in the right places: strings where lists go,
        // references to nothing, identifiers that are almost right.
        var rng = Seeded(state: seed)
        let text = String(decoding: try Fixture.data("clinic-transaction.json"), as: UTF8.self)
        let swaps: [(String, [String])] = [
            ("\"194203142387\"", ["\"194203142388\"", "\"19420314238\"", "\"1942031423877\"", "\"\"", "null", "[]"]),
            ("\"finished\"", ["\"planned\"", "7", "{}", "\"\u{202E}\""]),
            ("\"urn:uuid:00000000-0000-4000-8000-000000000030\"", ["\"urn:uuid:nope\"", "\"Patient/\"", "\"/\"", "12"]),
            ("\"2026-01-12T09:00:00+01:00\"", ["\"2026-13-12T09:00:00+01:00\"", "\"yesterday\"", "\"2026\"", "false"]),
            ("\"I50.9\"", ["\"I5\"", "\"Ö50.9\"", "\"\""]),
            ("\"Organization\"", ["\"Organisation\"", "\"Bundle\"", "\"Observation\""]),
            ("\"requested\"", ["\"requestd\"", "\"entered-in-error\"", "[1]"]),
        ]
        for n in 0..<50 {
            var mutated = text
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                let (from, tos) = swaps.randomElement(using: &rng)!
                if let range = mutated.range(of: from) {
                    mutated.replaceSubrange(range, with: tos.randomElement(using: &rng)!)
                }
            }
            check(Data(mutated.utf8), seed, n)
        }
    }

    @Test func randomJSON() {
        var rng = Seeded(state: 42)
        for n in 0..<300 {
            let text = (0..<Int.random(in: 1...30, using: &rng)).map { _ in Self.pieces.randomElement(using: &rng)! }.joined()
            check(Data(("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[" + text).utf8), 42, n)
            check(Data(text.utf8), 42, n)
        }
    }
}
