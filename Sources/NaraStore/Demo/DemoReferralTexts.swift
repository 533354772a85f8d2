/// Swedish texts for referrals, by receiving speciality.
enum DemoReferralTexts {
    static func questions(_ s: DemoRegion.Specialty) -> [String] {
        switch s {
        case .cardiology: return [
            "Förmaksflimmer med fortsatt hjärtklappning trots behandling. Ställningstagande till elkonvertering?",
            "Hjärtsvikt med tilltagande andfåddhet och stigande NT-proBNP. Optimering av behandling önskas.",
            "Ansträngningsutlöst bröstsmärta sedan två månader. Arbetsprov och bedömning?"]
        case .geriatrics: return [
            "Tilltagande minnessvikt, MMT 21 p. Utredning av kognitiv svikt önskas.",
            "Upprepade fall senaste halvåret. Geriatrisk bedömning och läkemedelsgenomgång?",
            "Parkinsons sjukdom med ökande stelhet och fall. Justering av läkemedel?"]
        case .orthopaedics: return [
            "Knäartros med svår värk trots fysioterapi och artrosskola. Ställningstagande till protes?",
            "Höftsmärta sedan ett år, röntgen visar artros. Bedömning?",
            "Kotkompression vid känd osteoporos. Bedömning av behandling?"]
        case .psychiatry: return [
            "Långvarig depression utan effekt av två SSRI-preparat. Bedömning?",
            "Svår ångest med uttalad funktionsnedsättning. Bedömning för specialiserad behandling."]
        case .dermatology: return [
            "Pigmenterad hudförändring på ryggen som vuxit. Misstänkt malignt melanom?",
            "Svårbehandlat handeksem. Lapptest och bedömning?"]
        case .ent: return [
            "Ensidig hörselnedsättning sedan tre månader. Utredning?",
            "Återkommande halsfluss, fem gånger senaste året. Ställningstagande till tonsillektomi?"]
        case .eye: return [
            "Gradvis synnedsättning, misstänkt katarakt. Bedömning?",
            "Diabetes, förändringar vid ögonbottenfotografering. Bedömning?"]
        case .medicine: return [
            "Anemi utan känd orsak, Hb 98. Utredning?",
            "Svårinställd typ 2-diabetes, HbA1c 78. Bedömning?",
            "Försämrad njurfunktion, eGFR 28. Bedömning och fortsatt plan?"]
        }
    }

    static let homeCare = [
        "Begäran om insats från kommunal hemsjukvård: stöd med läkemedelshantering i hemmet.",
        "Begäran om insats från kommunal hemsjukvård: såromläggning i hemmet två gånger i veckan.",
        "Begäran om insats från kommunal hemsjukvård: uppföljning av vikt och ödem vid hjärtsvikt.",
    ]
    static let replies = [
        "Bedömd på mottagningen. Behandling justerad enligt journalanteckning. Fortsatt uppföljning i primärvården.",
        "Undersökt utan tecken på allvarlig sjukdom. Åter till remittenten.",
        "Åtgärd planerad, kallelse skickas. Återbesök hos oss om sex månader.",
        "Utredning klar, se epikris. Ny remiss vid försämring.",
    ]
    static let homeCareReplies = [
        "Hemsjukvården har påbörjat insatser enligt begäran. Kontaktperson: ansvarig sjuksköterska i området.",
    ]
    static let rejections = [
        "Kan handläggas i primärvården. Förslag på behandling i journalanteckning.",
        "Ofullständig remiss: komplettera med aktuella provsvar och skicka på nytt.",
    ]
    static let cancellations = [
        "Patienten har avböjt fortsatt utredning.", "Besvären har gått över enligt patienten.",
        "Patienten har flyttat från länet.",
    ]
    static let pauses: [(kind: String, comment: String)] = [
        ("patient_chosen", "Patienten har avböjt erbjuden tid."),
        ("medical", "Avvaktar annan behandling innan besök är meningsfullt."),
    ]
}
