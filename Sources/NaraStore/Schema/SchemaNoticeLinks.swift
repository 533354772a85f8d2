import GRDB

/// Lets an exchange link be of kind 'discharge_notice': an admission notice imported
/// from a ward's Encounter is found again on the next import.
enum SchemaNoticeLinks {
    static let identifier = "exchange-link-discharge-notice"

    static func migrate(_ db: Database) throws {
        try TableRebuild.replacing(db, table: "exchange_link", "'plan', 'observation')",
                                   with: "'plan', 'observation', 'discharge_notice')",
                                   indexes: ["CREATE INDEX exchange_link_by_local ON exchange_link(kind, local_id)",
                                             "CREATE INDEX exchange_link_by_resource ON exchange_link(kind, resource_id)"])
    }
}
