import NaraDomain
import NaraStore

/// A unit's referral queue as one server-side function, `nara.referral_queue`, whose
/// body is the SQLite store's queue (`ReferralQueueQuery`: the WITH clause and every
/// part) translated by `PostgresRecordSQL`, as `nara.record_read` is the record's read.
///
/// The box and whether closed referrals are in decide the WITH clause's condition. Each
/// of the four is its own branch of the function, written with SQLite's condition, so
/// each keeps a plan of its own that uses the inbox or outbox index; one query with the
/// box as a parameter in an OR would keep one generic plan for all four.
///
/// The body is the queue as this version makes it. When the parts change, the function
/// must be replaced by a migration of its own; `ReferralQueueFunctionTests` fails until it is.
enum RegionSchemaReferralQueue {
    static let identifier = "region-v4-referral-queue"
    /// The function again, with each patient's latest encounter at the unit found by one
    /// seek (`AccessFacts.manyPatients`).
    static let encounterSeekIdentifier = "region-v7-referral-queue-encounter-seek"

    static var statements: [String] { [function] }

    /// The named arguments, bound as `$1`…`$5`; `$6` is the box, `$7` whether closed
    /// referrals are in.
    static let argumentNames = ["unit", "staff", "today", "now_ms", "limit"]

    /// The parts whose SQLite SQL does not carry over: PostgreSQL has no max of booleans.
    static let own: [String: TaggedRead.Part] = [
        "f_request": TaggedRead.Part("f_request", """
            SELECT patient_id, max(registered_on) AS last, bool_or(assessed_at IS NULL) AS open
              FROM nara.care_request WHERE patient_id IN (SELECT patient_id FROM queued) AND unit_id = $1
             GROUP BY patient_id
            """),
    ]

    /// The queue of one box, with or without closed referrals: one statement.
    static func read(_ box: ReferralBox, includeClosed: Bool) -> String {
        let with = ReferralQueueQuery.with(ReferralQueueQuery.condition(box, includeClosed: includeClosed))
        return PostgresRecordSQL.translated(with, arguments: argumentNames) + "\n"
            + PostgresRecordSQL.union(ReferralQueueQuery.parts.map {
                own[$0.name] ?? PostgresRecordSQL.translated($0, arguments: argumentNames, local: ["queued"])
            })
    }

    static var function: String {
        let variants: [(ReferralBox, Bool)] = [(.inbox, false), (.inbox, true), (.outbox, false), (.outbox, true)]
        let branches = variants.enumerated().map { i, variant in
            """
            \(i == 0 ? "IF" : "ELSIF") $6 = '\(variant.0.rawValue)' AND $7 = \(variant.1) THEN
            RETURN QUERY
            \(read(variant.0, includeClosed: variant.1));
            """
        }
        return """
            CREATE OR REPLACE FUNCTION nara.referral_queue(text, text, text, bigint, bigint, text, boolean)
                RETURNS TABLE (part text, rows text) LANGUAGE plpgsql STABLE
                SET search_path = nara, pg_catalog, pg_temp AS $body$
            #variable_conflict use_column
            BEGIN
            \(branches.joined(separator: "\n"))
            END IF;
            END $body$
            """
    }

    /// What a caller sends: one statement, with the arguments in the same order.
    static let call = "SELECT part, rows FROM nara.referral_queue($1, $2, $3, $4, $5, $6, $7)"
}
