import NaraStore

/// What `nara --version` prints: the program's version and the schema of the stores it
/// writes, so an administrator can tell whether a store and a binary go together.
enum NaraVersion {
    static let program = "0.1.0"
    static let text = "nara \(program) (store schema \(SchemaVersion.current))"
}
