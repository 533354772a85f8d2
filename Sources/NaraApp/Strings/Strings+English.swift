extension Strings {
    public static let english = Strings(
        language: .en,
        product: "Nära",
        demoBanner: " DEMO ",
        searchTitle: "Patients",
        overviewTitle: "Overview",
        continuityTitle: "Continuity",
        referralsTitle: "Referrals",
        workListsTitle: "Work lists",
        accessLogTitle: "Access log",
        myDayTitle: "My day",
        helpTitle: "Help",
        barHelp: "Help", helpHelp: "Show help with every key",
        barSearch: "Patients", helpSearch: "Find a patient",
        barOverview: "Overview", helpOverview: "Patient overview",
        barContinuity: "Continuity", helpContinuity: "Named contacts and continuity",
        barReferrals: "Referrals", helpReferrals: "Referrals: inbox and outbox",
        barWorkLists: "Lists", helpWorkLists: "Work lists",
        barAccessLog: "Log", helpAccessLog: "Access log: extract and review",
        helpMyDay: "My day (Tab: My patients)",
        barQuit: "Quit", helpQuit: "Quit Nära",
        helpBack: "Back",
        helpRedraw: "Redraw the screen",
        helpFindAnywhere: "Find a patient (in a list: filter it)",
        helpMove: "Move the selection", helpFirstLast: "First / last", helpPage: "Page up / down",
        helpOpen: "Open",
        helpFilter: "Filter the list (Enter keeps, Esc clears)",
        filterCount: { shown, all in "\(shown) of \(all)" },
        searchPrompt: "Find:",
        searchPlaceholder: "name or personnummer",
        searchHint: "Type the start of a name (e.g. \"öb an\") or a personnummer. Enter opens.",
        searchNoResults: "No patients match.",
        columnIdentifier: "Personnummer", columnName: "Name", columnAge: "Age",
        columnListing: "Listed at",
        protectedIdentity: "Protected identity",
        deceased: { day in "Deceased" + (day.map { " " + $0.iso } ?? "") },
        observationName: { kind in
            switch kind {
            case .hba1c: return "HbA1c"
            case .bloodPressure: return "Blood pressure"
            case .bodyWeight: return "Weight"
            case .bmi: return "BMI"
            case .egfr: return "eGFR"
            case .smoking: return "Smoking"
            }
        },
        smokingStatus: { status in
            switch status {
            case .current: return "smoker"
            case .former: return "ex-smoker"
            case .never: return "never smoked"
            }
        },
        resultsCount: { n in n == 1 ? "1 patient" : "\(n) patients" },
        moreResults: { n in "Showing the first \(n). Type more to narrow." },
        confirmQuitTitle: "Quit",
        leaveFormTitle: "Leave the form",
        confirmQuitUnsaved: "You have text that is not saved. What should happen to it?",
        confirmQuitCtrlC: "Do you want to quit Nära?",
        keepDraftAndQuit: "Draft (d)", discardAndQuit: "Discard (y)", stay: "Stay (n)",
        yes: "Yes", no: "No",
        tooSmall: { w, h in "Make the window at least 80×24 (now \(w)×\(h))." },
        helpFooter: "Esc closes help.",
        errorPrefix: "Error:",
        emergencyTitle: "Emergency access",
        emergencyExists: { who in "A record exists for \(who)." },
        emergencyNoRelationship: "Your unit has no care relationship with the patient.",
        emergencyAsk: "Open the record with emergency access? (y/n)",
        emergencyReasonPrompt: "Reason for emergency access (required):",
        emergencyLogged: "The access is logged with the reason and reviewed. Enter opens, Esc cancels.",
        emergencyReasonTooShort: "Give a reason of at least five characters.",
        emergencyOpened: "Opened with emergency access. The access will be reviewed.",
        accessDenied: "You are not allowed to open this record.",
        blockedNotice: "The patient has blocked information from another unit or provider: it exists but is not shown.",
        consentNeededNotice: "Another provider's information is shown only with the patient's consent or in an emergency.",
        consentTitle: "Consent",
        consentRecorded: "The consent is recorded.",
        consentRevoked: "The consent is revoked.",
        everyOtherProvider: "every other provider",
        revokeQuestion: { names in
            "Does the patient revoke the consent to what " + names.joined(separator: " and ") + " documented?"
        },
        noConsentNeeded: "No other provider's information is waiting for consent.",
        consentQuestion: { names in
            "Does the patient consent to you reading what " + names.joined(separator: " and ") + " documented?"
        },
        draftTitle: "Draft",
        draftOffer: { when, patient, screen in
            "Draft saved \(when) when the session ended: \(patient), \(screen). Restore it? y/n"
        },
        draftKept: "The draft is kept and offered when you come back to the form.",
        draftRestored: "The draft is restored. Save with Enter in the last field.",
        draftNotRestored: "The draft could not be restored: the record or the form cannot be opened now.",
        fieldCut: { n in "The text was cut to \(n) characters." }
    )
}
