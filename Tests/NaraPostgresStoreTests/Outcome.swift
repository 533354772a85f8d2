import NaraDomain

/// What a call gave a conformance suite: its value, or the refusal, so that both
/// stores' answers compare whole.
enum Outcome<Value: Equatable>: Equatable {
    case value(Value)
    case refused(StoreError)
    case failed(String)

    /// `body`'s value, or what it threw.
    init(_ body: () throws -> Value) {
        do { self = .value(try body()) } catch let error as StoreError {
            self = .refused(error)
        } catch {
            self = .failed("\(error)")
        }
    }

    /// The kind of refusal, for the cases a test must meet.
    var refusal: String? {
        guard case .refused(let error) = self else { return nil }
        switch error {
        case .notFound: return "not_found"
        case .unknownStaff: return "unknown_staff"
        case .emergencyAccessRequired: return "emergency_required"
        case .accessDenied(let denial): return denial.rawValue
        case .refused(let refusal): return "\(refusal)"
        default: return "\(error)"
        }
    }
}

extension Outcome: Sendable where Value: Sendable {}
