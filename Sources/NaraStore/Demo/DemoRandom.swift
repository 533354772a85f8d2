import Foundation
import NaraDomain

/// The demo generator's randomness: SplitMix64, so a seed gives the same store on every
/// platform and Swift version, with one independent stream per patient.
struct DemoRandom: RandomNumberGenerator {
    private var core: SplitMix64

    init(seed: UInt64) { core = SplitMix64(seed: seed) }

    /// An independent stream per patient, so a patient's data depends only on the seed
    /// and its number, never on how much randomness earlier patients consumed.
    init(seed: UInt64, stream: UInt64) {
        var mixer = DemoRandom(seed: seed ^ 0x6A09_E667_F3BC_C909)
        let base = mixer.next()
        core = SplitMix64(seed: base &+ stream &* 0xD1B5_4A32_D192_ED03)
        _ = next()
    }

    mutating func next() -> UInt64 { core.next() }

    /// Uniform in 0..<n (n > 0). Multiply-shift: the bias is below 2^-32 for our sizes.
    mutating func below(_ n: Int) -> Int {
        Int((UInt64(UInt32(truncatingIfNeeded: next() >> 32)) &* UInt64(n)) >> 32)
    }

    /// Uniform in the closed range.
    mutating func int(_ low: Int, _ high: Int) -> Int { low + below(high - low + 1) }

    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    mutating func chance(_ p: Double) -> Bool { unit() < p }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// Index chosen by weights (they need not sum to one).
    mutating func weighted(_ weights: [Double]) -> Int {
        var total = 0.0
        for w in weights { total += w }
        var x = unit() * total
        for (i, w) in weights.enumerated() {
            x -= w
            if x < 0 { return i }
        }
        return weights.count - 1
    }

    /// Poisson counts: Knuth's product method for small means, a rounded normal for
    /// large ones, where the product method would need many draws per sample.
    mutating func poisson(_ mean: Double) -> Int {
        if mean <= 0 { return 0 }
        if mean > 30 {
            let u1 = max(unit(), 1e-12), u2 = unit()
            let normal = (-2 * Foundation.log(u1)).squareRoot() * Foundation.cos(2 * Double.pi * u2)
            return max(0, Int((mean + normal * mean.squareRoot()).rounded()))
        }
        let limit = Foundation.exp(-mean)
        var k = 0
        var p = unit()
        while p > limit {
            k += 1
            p *= unit()
        }
        return k
    }
}
