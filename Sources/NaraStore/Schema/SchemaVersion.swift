/// The schema this program writes: the identifier of its last migration. A store with
/// a migration this program does not know was written by a newer version.
public enum SchemaVersion {
    public static var current: String { Migrations.migrator.migrations.last ?? "none" }
}
