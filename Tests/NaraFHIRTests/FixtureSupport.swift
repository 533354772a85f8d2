import Foundation
import NaraDomain
@testable import NaraFHIR

enum Fixture {
    static let today = LocalDate(year: 2026, month: 11, day: 20)!

    static func data(_ name: String) throws -> Data {
        guard let url = Bundle.module.url(forResource: "Fixtures/" + name, withExtension: nil) else {
            throw CocoaError(.fileNoSuchFile)
        }
        return try Data(contentsOf: url)
    }

    static func read(_ name: String) throws -> ExchangeBatch {
        try FHIRReader(today: today).read(try data(name))
    }

    static func read(text: String) throws -> ExchangeBatch {
        try FHIRReader(today: today).read(Data(text.utf8))
    }

    /// The error a text gives, as the user sees it.
    static func error(_ text: String) -> String? {
        do {
            _ = try read(text: text)
            return nil
        } catch {
            return String(describing: error)
        }
    }
}
