import GRDB

/// Review marks for access-log rows (logguppföljning). They live beside the log, not in
/// it, because log rows can never change; and a mark, once written, stands too: a
/// review that could be edited afterwards would document nothing.
enum SchemaAccessReview {
    static let identifier = "access-review"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE access_review (
                log_id INTEGER PRIMARY KEY REFERENCES access_log(id),
                reviewed_at_ms INTEGER NOT NULL,
                reviewer TEXT NOT NULL REFERENCES staff(id),
                comment TEXT NOT NULL CHECK (length(comment) BETWEEN 1 AND 1000),
                verdict TEXT NOT NULL CHECK (verdict IN ('ok', 'follow_up'))
            ) STRICT;
            CREATE TRIGGER access_review_no_update BEFORE UPDATE ON access_review
            BEGIN SELECT RAISE(ABORT, 'a log review, once written, stands'); END;
            CREATE TRIGGER access_review_no_delete BEFORE DELETE ON access_review
            BEGIN SELECT RAISE(ABORT, 'a log review, once written, stands'); END;
            """)
    }
}
