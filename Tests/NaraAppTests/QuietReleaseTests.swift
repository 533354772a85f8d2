import Foundation
import NaraApp
import NaraDomain
import Testing
import TerminalUI

/// A session left alone gives back its caches once per quiet spell, and goes on as
/// before at the next key.
@Suite struct QuietReleaseTests {
    final class Counter: @unchecked Sendable { var count = 0 }

    @Test func aQuietSpellReleasesOnceAndTheNextKeyWorksAsBefore() throws {
        let f = try AppFixture()
        defer { f.remove() }
        let quiet = [Event](repeating: .tick, count: AppRunner.quietTicksBeforeRelease + 2)
        let backend = MemoryBackend()
        backend.send(.key(.char("a")))
        backend.send(quiet + [.key(.char("n"))] + quiet + [.key(.char("n"))])
        backend.hangUp()
        let released = Counter()
        AppRunner.run(f.app, backend: backend, view: f.view, releaseMemory: { released.count += 1 })
        #expect(released.count == 2)
        // The search typed across both spells still reads the store.
        let text = f.text
        #expect(text.contains("ann"), "\(text)")
        #expect(text.contains("Anna Oberg"), "\(text)")
        #expect(!text.contains("Åsa Öberg"), "\(text)")
    }

    @Test func ticksShorterThanTheQuietSpellReleaseNothing() throws {
        let f = try AppFixture()
        defer { f.remove() }
        let backend = MemoryBackend()
        for _ in 0..<4 {
            backend.send([Event](repeating: .tick, count: AppRunner.quietTicksBeforeRelease - 1))
            backend.send(.key(.down))
        }
        backend.hangUp()
        let released = Counter()
        AppRunner.run(f.app, backend: backend, view: f.view, releaseMemory: { released.count += 1 })
        #expect(released.count == 0)
    }
}
