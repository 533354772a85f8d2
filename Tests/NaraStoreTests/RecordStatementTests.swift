import Foundation
import GRDB
import NaraDomain
import Testing
@testable import NaraStore

/// The statements one opening of a record runs (docs/BENCHMARKS.md): the policy's facts,
/// one statement per kind of record, the log row. Measurements came in as one statement
/// of their own, not one per kind.
@Suite struct RecordStatementTests {
    static func statements(_ f: StoreFixture, _ body: () throws -> Void) throws -> [String] {
        try f.store.recordingStatements(body).statements
    }

    @Test func openingARecordReadsEachKindOfRecordOnceWhateverItHolds() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let p = try f.patient(TestPnr.a, "Åsa", "Öberg")
        _ = try f.store.openRecord(p.id, as: f.nurse)
        let empty = try Self.statements(f) { _ = try f.store.openRecord(p.id, as: f.nurse) }
        for (i, kind) in ObservationKind.allCases.enumerated() {
            _ = try ObservationStoreTests.measure(f, p, kind, kind == .smoking ? nil : 50, day: 1 + i,
                                                  diastolic: kind == .bloodPressure ? 80 : nil,
                                                  smoking: kind == .smoking ? .never : nil)
        }
        let full = try Self.statements(f) { _ = try f.store.openRecord(p.id, as: f.nurse) }
        // BEGIN; the policy's facts, the record and the log's head in one; the staff and
        // units it names (none here); the log row; COMMIT. On a server each is a round trip.
        let work = try f.store.countingWork { _ = try f.store.openRecord(p.id, as: f.nurse) }.statements
        #expect(work.count <= 3, "\(work)")
        #expect(empty.count - work.count == 2, "\(empty)")
        #expect(full.count == empty.count, "\(full)")
        #expect(full.filter { $0.contains("FROM observation") }.count == 1)
    }
}
