import NaraDomain

extension Strings {
    /// A BCP 47 tag in the user's language, for the languages Swedish primary care books
    /// interpreters for most often; any other tag is shown as it is ("ln"), which a
    /// booking office reads as well as a name.
    func languageName(_ tag: String) -> String {
        guard let names = Self.languages[tag] else { return tag }
        return language == .sv ? names.sv : names.en
    }

    private static let languages: [String: (sv: String, en: String)] = [
        "ar": ("arabiska", "Arabic"), "so": ("somaliska", "Somali"), "ti": ("tigrinja", "Tigrinya"),
        "fa": ("persiska", "Persian"), "prs": ("dari", "Dari"), "ps": ("pashto", "Pashto"),
        "ku": ("kurdiska", "Kurdish"), "ckb": ("sorani", "Sorani"), "kmr": ("kurmanji", "Kurmanji"),
        "tr": ("turkiska", "Turkish"), "uk": ("ukrainska", "Ukrainian"), "ru": ("ryska", "Russian"),
        "pl": ("polska", "Polish"), "bs": ("bosniska", "Bosnian"), "sr": ("serbiska", "Serbian"),
        "hr": ("kroatiska", "Croatian"), "fi": ("finska", "Finnish"), "se": ("nordsamiska", "Northern Sami"),
        "es": ("spanska", "Spanish"), "en": ("engelska", "English"), "th": ("thailändska", "Thai"),
        "zh": ("kinesiska", "Chinese"), "vi": ("vietnamesiska", "Vietnamese"), "am": ("amhariska", "Amharic"),
        "ro": ("rumänska", "Romanian"), "sq": ("albanska", "Albanian"), "de": ("tyska", "German"),
        "sgn-SE": ("svenskt teckenspråk", "Swedish Sign Language"),
    ]
}
