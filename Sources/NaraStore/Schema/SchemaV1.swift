import GRDB

/// The first schema. Tables are STRICT so a wrong type is an error, not a silent
/// conversion; `CHECK` constraints bound every text and enumerate every code, so a bug
/// or a hand edit cannot put a value into the file that the program cannot show.
/// Timestamps are INTEGER seconds since 1970 (milliseconds in the access log, where
/// order within a second matters to a reader); calendar days are `YYYY-MM-DD` text,
/// which sorts and compares correctly as text.
enum SchemaV1 {
    static let identifier = "v1"

    static func migrate(_ db: Database) throws {
        for statement in statements { try db.execute(sql: statement) }
        try createSearchTriggers(db)
    }

    static let statements: [String] = [
        """
        CREATE TABLE store_meta (
            key TEXT PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 64),
            value TEXT NOT NULL CHECK (length(value) <= 1000)
        ) STRICT
        """,
        """
        CREATE TABLE care_unit (
            id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64),
            name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
            principal TEXT NOT NULL CHECK (principal IN ('region', 'municipality', 'private')),
            kind TEXT NOT NULL CHECK (kind IN ('primary_care', 'specialist', 'hospital', 'home_care',
                                               'social_services', 'other'))
        ) STRICT
        """,
        """
        CREATE TABLE staff (
            id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64),
            name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
            profession TEXT NOT NULL CHECK (profession IN ('physician', 'nurse', 'district_nurse',
                'assistant_nurse', 'physiotherapist', 'occupational_therapist', 'psychologist',
                'counsellor', 'dietitian', 'coordinator', 'secretary', 'other')),
            unit_id TEXT NOT NULL REFERENCES care_unit(id),
            roles TEXT NOT NULL DEFAULT '' CHECK (length(roles) <= 200),
            hsa_id TEXT CHECK (hsa_id IS NULL OR length(hsa_id) BETWEEN 1 AND 64),
            active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
        ) STRICT
        """,
        "CREATE INDEX staff_by_unit ON staff(unit_id)",
        """
        CREATE TABLE patient (
            id INTEGER PRIMARY KEY,
            ident TEXT NOT NULL UNIQUE CHECK (length(ident) = 12),
            ident_short TEXT NOT NULL CHECK (length(ident_short) = 10),
            ident_kind TEXT NOT NULL CHECK (ident_kind IN ('personnummer', 'samordningsnummer',
                'national_reserve', 'local_reserve_orebro')),
            given_name TEXT NOT NULL CHECK (length(given_name) BETWEEN 1 AND 200),
            family_name TEXT NOT NULL CHECK (length(family_name) BETWEEN 1 AND 200),
            search_name TEXT NOT NULL CHECK (length(search_name) <= 500),
            sex TEXT NOT NULL CHECK (sex IN ('female', 'male', 'unknown')),
            birth_date TEXT CHECK (birth_date IS NULL OR length(birth_date) = 10),
            street TEXT CHECK (street IS NULL OR length(street) <= 200),
            postal_code TEXT CHECK (postal_code IS NULL OR length(postal_code) <= 10),
            city TEXT CHECK (city IS NULL OR length(city) <= 100),
            phone TEXT CHECK (phone IS NULL OR length(phone) <= 40),
            protected INTEGER NOT NULL DEFAULT 0 CHECK (protected IN (0, 1))
        ) STRICT
        """,
        // Typed without century ("121212-1212" → "1212121212"): an index on the last ten.
        "CREATE INDEX patient_by_ident_short ON patient(ident_short)",
        """
        CREATE TABLE listing (
            id INTEGER PRIMARY KEY,
            patient_id INTEGER NOT NULL REFERENCES patient(id),
            unit_id TEXT NOT NULL REFERENCES care_unit(id),
            from_date TEXT NOT NULL CHECK (length(from_date) = 10),
            to_date TEXT CHECK (to_date IS NULL OR (length(to_date) = 10 AND to_date >= from_date))
        ) STRICT
        """,
        "CREATE INDEX listing_by_patient ON listing(patient_id)",
        // One active listing per patient, enforced by the file, not only by the code.
        "CREATE UNIQUE INDEX listing_one_active ON listing(patient_id) WHERE to_date IS NULL",
        "CREATE INDEX listing_active_by_unit ON listing(unit_id, patient_id) WHERE to_date IS NULL",
        """
        CREATE TABLE care_contact (
            id INTEGER PRIMARY KEY,
            patient_id INTEGER NOT NULL REFERENCES patient(id),
            role TEXT NOT NULL CHECK (role IN ('care_contact', 'named_physician')),
            staff_id TEXT NOT NULL REFERENCES staff(id),
            unit_id TEXT NOT NULL REFERENCES care_unit(id),
            reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
            from_date TEXT NOT NULL CHECK (length(from_date) = 10),
            to_date TEXT CHECK (to_date IS NULL OR (length(to_date) = 10 AND to_date >= from_date)),
            end_reason TEXT CHECK (end_reason IS NULL OR length(end_reason) <= 500),
            version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
            updated_at INTEGER NOT NULL DEFAULT 0,
            updated_by TEXT
        ) STRICT
        """,
        "CREATE INDEX care_contact_by_patient ON care_contact(patient_id)",
        "CREATE INDEX care_contact_active_by_staff ON care_contact(staff_id) WHERE to_date IS NULL",
        // One active contact of each role per unit (Patientlagen: one named contact per unit).
        """
        CREATE UNIQUE INDEX care_contact_one_active ON care_contact(patient_id, unit_id, role)
            WHERE to_date IS NULL
        """,
        """
        CREATE TABLE problem (
            id INTEGER PRIMARY KEY,
            patient_id INTEGER NOT NULL REFERENCES patient(id),
            code TEXT NOT NULL CHECK (length(code) BETWEEN 3 AND 8),
            text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 200),
            chronic INTEGER NOT NULL CHECK (chronic IN (0, 1)),
            since TEXT CHECK (since IS NULL OR length(since) = 10)
        ) STRICT
        """,
        "CREATE INDEX problem_by_patient ON problem(patient_id)",
        """
        CREATE TABLE encounter (
            id INTEGER PRIMARY KEY,
            patient_id INTEGER NOT NULL REFERENCES patient(id),
            at INTEGER NOT NULL,
            mode TEXT NOT NULL CHECK (mode IN ('visit', 'phone', 'video', 'chat', 'home_visit')),
            planned INTEGER NOT NULL CHECK (planned IN (0, 1)),
            staff_id TEXT NOT NULL REFERENCES staff(id),
            unit_id TEXT NOT NULL REFERENCES care_unit(id),
            reason TEXT NOT NULL CHECK (length(reason) <= 500)
        ) STRICT
        """,
        "CREATE INDEX encounter_by_patient ON encounter(patient_id, at)",
        """
        CREATE TABLE discharge (
            id INTEGER PRIMARY KEY,
            patient_id INTEGER NOT NULL REFERENCES patient(id),
            unit_id TEXT NOT NULL REFERENCES care_unit(id),
            admitted_on TEXT NOT NULL CHECK (length(admitted_on) = 10),
            discharged_on TEXT NOT NULL CHECK (length(discharged_on) = 10 AND discharged_on >= admitted_on)
        ) STRICT
        """,
        "CREATE INDEX discharge_by_patient ON discharge(patient_id)",
        "CREATE INDEX discharge_by_day ON discharge(discharged_on)",
        """
        CREATE TABLE referral (
            id INTEGER PRIMARY KEY,
            patient_id INTEGER NOT NULL REFERENCES patient(id),
            from_unit_id TEXT NOT NULL REFERENCES care_unit(id),
            to_unit_id TEXT NOT NULL REFERENCES care_unit(id),
            priority TEXT NOT NULL CHECK (length(priority) BETWEEN 1 AND 32),
            question TEXT NOT NULL CHECK (length(question) BETWEEN 1 AND 4000),
            guarantee TEXT NOT NULL CHECK (guarantee IN ('assessment', 'specialist_visit', 'treatment', 'none')),
            self_referral INTEGER NOT NULL DEFAULT 0 CHECK (self_referral IN (0, 1)),
            state TEXT NOT NULL CHECK (state IN ('draft', 'sent', 'received', 'accepted', 'rejected',
                'forwarded', 'booked', 'seen', 'answered', 'acknowledged', 'cancelled')),
            created_at INTEGER NOT NULL,
            created_by TEXT NOT NULL REFERENCES staff(id),
            sent_on TEXT CHECK (sent_on IS NULL OR length(sent_on) = 10),
            booked_on TEXT CHECK (booked_on IS NULL OR length(booked_on) = 10),
            seen_on TEXT CHECK (seen_on IS NULL OR length(seen_on) = 10),
            reply TEXT CHECK (reply IS NULL OR length(reply) <= 8000),
            version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
            updated_at INTEGER NOT NULL,
            updated_by TEXT NOT NULL
        ) STRICT
        """,
        "CREATE INDEX referral_by_patient ON referral(patient_id)",
        "CREATE INDEX referral_inbox ON referral(to_unit_id, state)",
        "CREATE INDEX referral_outbox ON referral(from_unit_id, state)",
        """
        CREATE TABLE referral_event (
            id INTEGER PRIMARY KEY,
            referral_id INTEGER NOT NULL REFERENCES referral(id),
            at INTEGER NOT NULL,
            staff_id TEXT NOT NULL,
            unit_id TEXT NOT NULL,
            action TEXT NOT NULL CHECK (action IN ('create', 'send', 'confirm_receipt', 'accept', 'reject',
                'forward', 'book', 'mark_seen', 'reply', 'acknowledge_reply', 'cancel',
                'pause_clock', 'resume_clock')),
            from_state TEXT NOT NULL CHECK (length(from_state) <= 16),
            to_state TEXT NOT NULL CHECK (length(to_state) <= 16),
            comment TEXT NOT NULL DEFAULT '' CHECK (length(comment) <= 8000),
            forwarded_to TEXT CHECK (forwarded_to IS NULL OR length(forwarded_to) <= 64)
        ) STRICT
        """,
        "CREATE INDEX referral_event_by_referral ON referral_event(referral_id)",
        """
        CREATE TABLE referral_pause (
            id INTEGER PRIMARY KEY,
            referral_id INTEGER NOT NULL REFERENCES referral(id),
            kind TEXT NOT NULL CHECK (kind IN ('patient_chosen', 'medical')),
            from_date TEXT NOT NULL CHECK (length(from_date) = 10),
            to_date TEXT CHECK (to_date IS NULL OR (length(to_date) = 10 AND to_date >= from_date)),
            comment TEXT NOT NULL DEFAULT '' CHECK (length(comment) <= 1000)
        ) STRICT
        """,
        "CREATE INDEX referral_pause_by_referral ON referral_pause(referral_id)",
        """
        CREATE TABLE coordinated_plan (
            id INTEGER PRIMARY KEY,
            patient_id INTEGER NOT NULL REFERENCES patient(id),
            responsible_unit_id TEXT NOT NULL REFERENCES care_unit(id),
            goal TEXT NOT NULL CHECK (length(goal) <= 2000),
            agreed_on TEXT NOT NULL CHECK (length(agreed_on) = 10),
            follow_up_on TEXT CHECK (follow_up_on IS NULL OR length(follow_up_on) = 10),
            closed_on TEXT CHECK (closed_on IS NULL OR length(closed_on) = 10),
            version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
            updated_at INTEGER NOT NULL,
            updated_by TEXT NOT NULL
        ) STRICT
        """,
        "CREATE INDEX coordinated_plan_by_patient ON coordinated_plan(patient_id)",
        "CREATE INDEX coordinated_plan_follow_up ON coordinated_plan(follow_up_on) WHERE closed_on IS NULL",
        """
        CREATE TABLE plan_participant (
            plan_id INTEGER NOT NULL REFERENCES coordinated_plan(id) ON DELETE CASCADE,
            unit_id TEXT NOT NULL REFERENCES care_unit(id),
            role TEXT NOT NULL DEFAULT '' CHECK (length(role) <= 200),
            PRIMARY KEY (plan_id, unit_id)
        ) STRICT
        """,
        "CREATE INDEX plan_participant_by_unit ON plan_participant(unit_id)",
        """
        CREATE TABLE access_log (
            id INTEGER PRIMARY KEY,
            at_ms INTEGER NOT NULL,
            staff_id TEXT NOT NULL CHECK (length(staff_id) BETWEEN 1 AND 64),
            unit_id TEXT NOT NULL CHECK (length(unit_id) BETWEEN 1 AND 64),
            patient_id INTEGER,
            action TEXT NOT NULL CHECK (action IN ('read', 'write', 'export', 'print')),
            detail TEXT NOT NULL CHECK (length(detail) <= 500),
            client_address TEXT CHECK (client_address IS NULL OR length(client_address) <= 100),
            session_id TEXT NOT NULL CHECK (length(session_id) BETWEEN 1 AND 64),
            emergency INTEGER NOT NULL DEFAULT 0 CHECK (emergency IN (0, 1)),
            reason TEXT CHECK (reason IS NULL OR length(reason) <= 1000)
        ) STRICT
        """,
        "CREATE INDEX access_log_by_patient ON access_log(patient_id, at_ms)",
        "CREATE INDEX access_log_by_staff ON access_log(staff_id, at_ms)",
        // The log is append-only: the file itself refuses to change or remove a row.
        """
        CREATE TRIGGER access_log_no_update BEFORE UPDATE ON access_log
        BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END
        """,
        """
        CREATE TRIGGER access_log_no_delete BEFORE DELETE ON access_log
        BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END
        """,
        // Names are searched by word prefix. The tokenizer keeps diacritics so å, ä and ö
        // stay letters of their own; `search_name` is folded by `SearchFolding` in Swift,
        // which also folds case and other accents. External content: the names are
        // stored once, in `patient`.
        """
        CREATE VIRTUAL TABLE patient_name_search USING fts5(
            search_name, content = 'patient', content_rowid = 'id',
            tokenize = "unicode61 remove_diacritics 0", prefix = '2 3'
        )
        """,
    ]

    /// Keeps the name index in step with `patient`. Bulk loads drop these, insert, and
    /// rebuild the index once, which is three times faster than per-row upkeep.
    static func createSearchTriggers(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TRIGGER patient_search_insert AFTER INSERT ON patient BEGIN
                INSERT INTO patient_name_search(rowid, search_name) VALUES (new.id, new.search_name);
            END;
            CREATE TRIGGER patient_search_delete AFTER DELETE ON patient BEGIN
                INSERT INTO patient_name_search(patient_name_search, rowid, search_name)
                    VALUES ('delete', old.id, old.search_name);
            END;
            CREATE TRIGGER patient_search_update AFTER UPDATE OF search_name ON patient BEGIN
                INSERT INTO patient_name_search(patient_name_search, rowid, search_name)
                    VALUES ('delete', old.id, old.search_name);
                INSERT INTO patient_name_search(rowid, search_name) VALUES (new.id, new.search_name);
            END;
            """)
    }

    static func dropSearchTriggers(_ db: Database) throws {
        try db.execute(sql: """
            DROP TRIGGER IF EXISTS patient_search_insert;
            DROP TRIGGER IF EXISTS patient_search_delete;
            DROP TRIGGER IF EXISTS patient_search_update;
            """)
    }

    static func rebuildSearchIndex(_ db: Database) throws {
        try db.execute(sql: "INSERT INTO patient_name_search(patient_name_search) VALUES ('rebuild')")
    }
}
