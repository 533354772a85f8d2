/// A demo store holds synthetic people and says so on every screen; a production store
/// holds real ones and demands a known user.
public enum StoreKind: String, Sendable, Codable {
    case demo, production
}
