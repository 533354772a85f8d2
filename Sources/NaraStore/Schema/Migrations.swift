import GRDB

/// Every schema change is a named migration, applied once, in order, by GRDB's migrator.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration(SchemaV1.identifier) { db in try SchemaV1.migrate(db) }
        migrator.registerMigration(SchemaV2.identifier) { db in try SchemaV2.migrate(db) }
        migrator.registerMigration(SchemaStaffKeys.identifier) { db in try SchemaStaffKeys.migrate(db) }
        migrator.registerMigration(SchemaBlocks.identifier) { db in try SchemaBlocks.migrate(db) }
        migrator.registerMigration(SchemaAccessReview.identifier) { db in try SchemaAccessReview.migrate(db) }
        migrator.registerMigration(SchemaExchange.identifier) { db in try SchemaExchange.migrate(db) }
        migrator.registerMigration(SchemaFormDrafts.identifier) { db in try SchemaFormDrafts.migrate(db) }
        migrator.registerMigration(SchemaNameSearchPrefixes.identifier) { db in
            try SchemaNameSearchPrefixes.migrate(db)
        }
        migrator.registerMigration(SchemaAccess.identifier) { db in try SchemaAccess.migrate(db) }
        migrator.registerMigration(SchemaReserveKinds.identifier) { db in try SchemaReserveKinds.migrate(db) }
        migrator.registerMigration(SchemaProtectionLabel.identifier) { db in try SchemaProtectionLabel.migrate(db) }
        migrator.registerMigration(SchemaAnnulment.identifier) { db in try SchemaAnnulment.migrate(db) }
        migrator.registerMigration(SchemaContactReplacement.identifier) { db in
            try SchemaContactReplacement.migrate(db)
        }
        migrator.registerMigration(SchemaPatientUpdates.identifier) { db in try SchemaPatientUpdates.migrate(db) }
        migrator.registerMigration(SchemaObservations.identifier) { db in try SchemaObservations.migrate(db) }
        migrator.registerMigration(SchemaDischargeNotices.identifier) { db in try SchemaDischargeNotices.migrate(db) }
        migrator.registerMigration(SchemaPatientInformed.identifier) { db in try SchemaPatientInformed.migrate(db) }
        migrator.registerMigration(SchemaCareRequests.identifier) { db in try SchemaCareRequests.migrate(db) }
        migrator.registerMigration(SchemaTasks.identifier) { db in try SchemaTasks.migrate(db) }
        migrator.registerMigration(SchemaNextOfKin.identifier) { db in try SchemaNextOfKin.migrate(db) }
        migrator.registerMigration(SchemaWorkListClaims.identifier) { db in try SchemaWorkListClaims.migrate(db) }
        migrator.registerMigration(SchemaPlannedContacts.identifier) { db in try SchemaPlannedContacts.migrate(db) }
        migrator.registerMigration(SchemaContactEndedByListing.identifier) { db in
            try SchemaContactEndedByListing.migrate(db)
        }
        migrator.registerMigration(SchemaResidentialCare.identifier) { db in try SchemaResidentialCare.migrate(db) }
        migrator.registerMigration(SchemaAdviceReply.identifier) { db in try SchemaAdviceReply.migrate(db) }
        migrator.registerMigration(SchemaPauseOffer.identifier) { db in try SchemaPauseOffer.migrate(db) }
        migrator.registerMigration(SchemaYearlyChecks.identifier) { db in try SchemaYearlyChecks.migrate(db) }
        migrator.registerMigration(SchemaPlanContent.identifier) { db in try SchemaPlanContent.migrate(db) }
        migrator.registerMigration(SchemaNoticeLinks.identifier) { db in try SchemaNoticeLinks.migrate(db) }
        migrator.registerMigration(SchemaChangeCounters.identifier) { db in try SchemaChangeCounters.migrate(db) }
        migrator.registerMigration(SchemaChangeTouch.identifier) { db in try SchemaChangeTouch.migrate(db) }
        migrator.registerMigration(SchemaContactsByStaff.identifier) { db in try SchemaContactsByStaff.migrate(db) }
        migrator.registerMigration(SchemaLogHashUnindexed.identifier) { db in try SchemaLogHashUnindexed.migrate(db) }
        return migrator
    }

    static var knownIdentifiers: Set<String> { Set(migrator.migrations) }
}
