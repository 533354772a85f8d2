extension Strings {
    public static let swedish = Strings(
        language: .sv,
        product: "Nära",
        demoBanner: " DEMO ",
        searchTitle: "Patienter",
        overviewTitle: "Översikt",
        continuityTitle: "Kontinuitet",
        referralsTitle: "Remisser",
        workListsTitle: "Arbetslistor",
        accessLogTitle: "Åtkomstlogg",
        myDayTitle: "Min dag",
        helpTitle: "Hjälp",
        barHelp: "Hjälp", helpHelp: "Visa hjälp med alla tangenter",
        barSearch: "Sök", helpSearch: "Sök patient",
        barOverview: "Översikt", helpOverview: "Patientöversikt",
        barContinuity: "Kontinuitet", helpContinuity: "Fasta kontakter och kontinuitet",
        barReferrals: "Remisser", helpReferrals: "Remisser: inkorg och utkorg",
        barWorkLists: "Listor", helpWorkLists: "Arbetslistor",
        barAccessLog: "Logg", helpAccessLog: "Åtkomstlogg: loggutdrag och logguppföljning",
        helpMyDay: "Min dag (Tab: Mina patienter)",
        barQuit: "Avsluta", helpQuit: "Avsluta Nära",
        helpBack: "Tillbaka",
        helpRedraw: "Rita om skärmen",
        helpFindAnywhere: "Sök patient (i en lista: filtrera listan)",
        helpMove: "Flytta markeringen", helpFirstLast: "Första / sista", helpPage: "En sida upp / ned",
        helpOpen: "Öppna",
        helpFilter: "Filtrera listan (Enter behåller, Esc tar bort)",
        filterCount: { shown, all in "\(shown) av \(all)" },
        searchPrompt: "Sök:",
        searchPlaceholder: "namn eller personnummer",
        searchHint: "Skriv början av ett namn (t.ex. \"öb an\") eller ett personnummer. Enter öppnar.",
        searchNoResults: "Inga patienter matchar.",
        columnIdentifier: "Personnummer", columnName: "Namn", columnAge: "Ålder",
        columnListing: "Listad",
        protectedIdentity: "Skyddad identitet",
        deceased: { day in "Avliden" + (day.map { " " + $0.iso } ?? "") },
        observationName: { kind in
            switch kind {
            case .hba1c: return "HbA1c"
            case .bloodPressure: return "Blodtryck"
            case .bodyWeight: return "Vikt"
            case .bmi: return "BMI"
            case .egfr: return "eGFR"
            case .smoking: return "Rökning"
            }
        },
        smokingStatus: { status in
            switch status {
            case .current: return "röker"
            case .former: return "före detta rökare"
            case .never: return "aldrig rökt"
            }
        },
        resultsCount: { n in n == 1 ? "1 patient" : "\(n) patienter" },
        moreResults: { n in "Visar de första \(n). Skriv mer för att begränsa." },
        confirmQuitTitle: "Avsluta",
        leaveFormTitle: "Lämna formuläret",
        confirmQuitUnsaved: "Du har text som inte är sparad. Vad ska hända med den?",
        confirmQuitCtrlC: "Vill du avsluta Nära?",
        keepDraftAndQuit: "Utkast (u)", discardAndQuit: "Släng (j)", stay: "Stanna (n)",
        yes: "Ja", no: "Nej",
        tooSmall: { w, h in "Gör fönstret minst 80×24 (nu \(w)×\(h))." },
        helpFooter: "Esc stänger hjälpen.",
        errorPrefix: "Fel:",
        emergencyTitle: "Nödåtkomst",
        emergencyExists: { who in "Det finns en journal för \(who)." },
        emergencyNoRelationship: "Din enhet har ingen vårdrelation med patienten.",
        emergencyAsk: "Öppna journalen med nödåtkomst? (j/n)",
        emergencyReasonPrompt: "Skäl till nödåtkomst (krävs):",
        emergencyLogged: "Åtkomsten loggas med skälet och granskas. Enter öppnar, Esc avbryter.",
        emergencyReasonTooShort: "Skriv ett skäl på minst fem tecken.",
        emergencyOpened: "Öppnad med nödåtkomst. Åtkomsten granskas.",
        accessDenied: "Du har inte behörighet att öppna journalen.",
        blockedNotice: "Patienten har spärrat uppgifter från en annan enhet eller vårdgivare: de finns men visas inte.",
        consentNeededNotice: "Uppgifter från en annan vårdgivare visas bara med patientens samtycke eller vid nödåtkomst.",
        consentTitle: "Samtycke",
        consentRecorded: "Samtycket är registrerat.",
        consentRevoked: "Samtycket är återkallat.",
        everyOtherProvider: "alla andra vårdgivare",
        revokeQuestion: { names in
            "Återkallar patienten sitt samtycke till uppgifter från " + names.joined(separator: " och ") + "?"
        },
        noConsentNeeded: "Inga uppgifter från andra vårdgivare väntar på samtycke.",
        consentQuestion: { names in
            "Samtycker patienten till att du tar del av uppgifter från " + names.joined(separator: " och ") + "?"
        },
        draftTitle: "Utkast",
        draftOffer: { when, patient, screen in
            "Utkast sparat \(when) när sessionen bröts: \(patient), \(screen). Återställ? j/n"
        },
        draftKept: "Utkastet är sparat och erbjuds när du kommer tillbaka till formuläret.",
        draftRestored: "Utkastet är återställt. Spara med Enter i sista fältet.",
        draftNotRestored: "Utkastet kunde inte återställas: journalen eller formuläret går inte att öppna nu.",
        fieldCut: { n in "Texten kortades till \(n) tecken." }
    )
}
