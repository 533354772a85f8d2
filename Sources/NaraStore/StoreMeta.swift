import GRDB
import NaraDomain

/// Facts about the store file itself: its kind, who the demo user is, how it was made.
public enum StoreMeta {
    public enum Key: String, Sendable {
        case kind
        case createdAt = "created_at"
        case demoUser = "demo_user"
        case demoSeed = "demo_seed"
        case demoPatients = "demo_patients"
        case demoYears = "demo_years"
        case demoToday = "demo_today"
        /// A random name for this store, so the ids it gives exported records never
        /// collide with another store's.
        case instance
        /// "N YYYY-MM-DD": blocks of the earlier kind ended by the upgrade to the national model.
        case legacyBlocksEnded = "legacy_blocks_ended"
    }

    struct Values {
        var kind: StoreKind?
        var demoUser: StaffID?
    }

    static func read(_ db: Database) throws -> Values {
        guard try db.tableExists("store_meta") else { return Values() }
        return Values(kind: try value(db, .kind).flatMap(StoreKind.init(rawValue:)),
                      demoUser: try value(db, .demoUser).map(StaffID.init(rawValue:)))
    }

    static func value(_ db: Database, _ key: Key) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM store_meta WHERE key = ?", arguments: [key.rawValue])
    }

    static func write(_ db: Database, key: Key, value: String) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO store_meta(key, value) VALUES (?, ?)",
                       arguments: [key.rawValue, value])
    }
}
