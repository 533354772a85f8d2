import NaraDomain

/// Names and places that look like Örebro län. Every person in a demo store is made up;
/// the lists only make the screens read like a real clinic's.
enum DemoNames {
    static let female: [String] = [
        "Anna", "Eva", "Maria", "Karin", "Sara", "Kristina", "Lena", "Kerstin", "Emma", "Ingrid",
        "Marie", "Malin", "Birgitta", "Jenny", "Inger", "Annika", "Linnéa", "Susanne", "Monica", "Hanna",
        "Elin", "Johanna", "Ulla", "Margareta", "Elisabeth", "Camilla", "Sofia", "Åsa", "Märta", "Gunilla",
        "Ida", "Helena", "Anneli", "Linda", "Elsa", "Astrid", "Alice", "Maja", "Ebba", "Wilma",
        "Agnes", "Alma", "Ella", "Saga", "Julia", "Klara", "Frida", "Stina", "Gun", "Britt",
        "Siv", "Barbro", "Gunnel", "Yvonne", "Ulrika", "Therese", "Cecilia", "Louise", "Matilda", "Ingegerd",
        "Märit", "Solveig", "Kajsa", "Tove", "Vera", "Signe", "Greta", "Ester", "Majken", "Ylva",
        "Åse", "Mona", "Agneta", "Lisbeth", "Katarina", "Pia", "Carina", "Lotta", "Ronja", "Nora",
        "Tilda", "Ellen", "Lovisa", "Moa", "Hedvig", "Svea", "Selma", "Amira", "Fatima", "Leyla",
        "Mariam", "Noor", "Zahra", "Aisha", "Elvira", "Irma", "Dagny", "Lilian", "Viola", "Sigrid",
    ]
    static let male: [String] = [
        "Lars", "Anders", "Johan", "Karl", "Per", "Erik", "Mikael", "Lennart", "Jan", "Peter",
        "Thomas", "Hans", "Bengt", "Göran", "Jörgen", "Björn", "Stefan", "Magnus", "Mats", "Ulf",
        "Bo", "Sven", "Nils", "Åke", "Gunnar", "Olof", "Leif", "Kjell", "Rolf", "Sören",
        "Håkan", "Stig", "Torbjörn", "Örjan", "Gösta", "Ingvar", "Bertil", "Rune", "Tommy", "Roger",
        "Fredrik", "Daniel", "Henrik", "Andreas", "Jonas", "Martin", "Niklas", "Patrik", "Mattias", "Tobias",
        "Oskar", "Axel", "Elias", "Hugo", "Lucas", "Liam", "William", "Noah", "Alexander", "Viktor",
        "Filip", "Emil", "Isak", "Albin", "Melvin", "Ludvig", "Gustav", "Arvid", "Vilgot", "Sixten",
        "Tage", "Måns", "Sune", "Östen", "Holger", "Gunder", "Ragnar", "Evert", "Allan", "Folke",
        "Kent", "Conny", "Jimmy", "Robin", "Sebastian", "Joakim", "Marcus", "Rasmus", "Anton", "Linus",
        "Ali", "Mohammed", "Omar", "Hassan", "Yusuf", "Ahmad", "Dragan", "Mirza", "Pekka", "Matti",
    ]
    static let family: [String] = [
        "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Svensson", "Gustafsson",
        "Pettersson", "Jonsson", "Jansson", "Hansson", "Bengtsson", "Jönsson", "Lindberg", "Jakobsson", "Magnusson", "Olofsson",
        "Lindström", "Lindqvist", "Lindgren", "Berg", "Axelsson", "Bergström", "Lundberg", "Lind", "Lundgren", "Lundqvist",
        "Mattsson", "Berglund", "Fredriksson", "Sandberg", "Henriksson", "Forsberg", "Sjöberg", "Wallin", "Engström", "Eklund",
        "Danielsson", "Lundin", "Håkansson", "Björk", "Bergman", "Gunnarsson", "Holm", "Wikström", "Samuelsson", "Isaksson",
        "Fransson", "Bergqvist", "Nyström", "Holmberg", "Arvidsson", "Löfgren", "Söderberg", "Nyberg", "Blomqvist", "Claesson",
        "Nordström", "Mårtensson", "Lundström", "Viklund", "Björklund", "Eliasson", "Pålsson", "Berggren", "Sandström", "Lund",
        "Nordin", "Ström", "Åberg", "Hermansson", "Ekström", "Holmgren", "Sundberg", "Hedlund", "Dahlberg", "Hellström",
        "Sjögren", "Abrahamsson", "Falk", "Öberg", "Andreasson", "Åström", "Bäckström", "Ek", "Hägg", "Sundström",
        "Strand", "Åkesson", "Dahl", "Hedberg", "Nordqvist", "Sjöström", "Östlund", "Öhman", "Ågren", "Törnqvist",
        "Ekberg", "Ekman", "Hallberg", "Lindholm", "Nordlund", "Rosén", "Sköld", "Söderström", "Vesterlund", "Wahlström",
        "Grahn", "Gran", "Hagström", "Kvist", "Lilja", "Löf", "Mörk", "Norén", "Rask", "Sjödin",
        "Thörn", "Vikström", "Älmqvist", "Öst", "Östberg", "Brännström", "Kronberg", "Malmberg", "Nygren", "Borg",
        "Hammar", "Hagberg", "Kumlin", "Bergsten", "Fors", "Gräns", "Hjort", "Ljung", "Modig", "Stål",
        "Yilmaz", "Hussein", "Ali", "Mohammadi", "Nguyen", "Kovačević", "Novak", "Korhonen", "Virtanen", "Sørensen",
    ]

    static let streets: [String] = [
        "Storgatan", "Drottninggatan", "Kungsgatan", "Köpmangatan", "Vasagatan", "Fabriksgatan", "Järnvägsgatan",
        "Skolgatan", "Kyrkogatan", "Ringvägen", "Björkvägen", "Lärkvägen", "Ekbacksvägen", "Tallvägen",
        "Granvägen", "Rönnvägen", "Sjögatan", "Bruksgatan", "Hagagatan", "Ängsvägen", "Östra vägen",
        "Västra vägen", "Norra Allén", "Södra Allén", "Mosåsvägen", "Svartåstrand", "Åbyvägen", "Hällbyvägen",
        "Bergslagsvägen", "Prästgatan", "Nygatan", "Slottsgatan", "Gamla vägen", "Mjölnarvägen", "Smedjegatan",
        "Kvarnvägen", "Stationsgatan", "Lillåvägen", "Tullgatan", "Åkervägen",
    ]

    /// Municipalities of the county with the postal-code prefix of their main town.
    static let cities: [(name: String, postal: Int)] = [
        ("Örebro", 702), ("Kumla", 692), ("Hallsberg", 694), ("Lindesberg", 711), ("Karlskoga", 691),
        ("Askersund", 696), ("Nora", 713), ("Laxå", 695), ("Degerfors", 693), ("Hällefors", 712),
        ("Kopparberg", 714), ("Fjugesta", 716),
    ]
    /// The municipality each city belongs to, for home care and social services.
    static let municipalities: [String] = [
        "Örebro", "Kumla", "Hallsberg", "Lindesberg", "Karlskoga", "Askersund", "Nora", "Laxå",
        "Degerfors", "Hällefors", "Ljusnarsberg", "Lekeberg",
    ]

    /// Place-name parts; combined they give clinic names that sound local and exist nowhere.
    static let placeHeads = ["Ek", "Lill", "Björk", "Tall", "Rönn", "Lind", "Gran", "Hassel", "Kvarn", "Bruks",
                             "Sjö", "Äng", "Mos", "Berg", "Alm", "Sten", "Hag", "Ås"]
    static let placeTails = ["backen", "ån", "ängen", "hagen", "åsen", "dalen", "lunden", "viken", "torp", "berga",
                             "udden"]

    static let foldedFemale = female.map(SearchFolding.fold)
    static let foldedMale = male.map(SearchFolding.fold)
    static let foldedFamily = family.map(SearchFolding.fold)

    /// ASCII login name part: Swedish letters lose their dots and rings, anything else
    /// that is not a letter goes.
    static func login(_ name: String) -> String {
        var out = ""
        for ch in name.lowercased() {
            switch ch {
            case "å", "ä", "á", "à": out.append("a")
            case "ö", "ø", "ó": out.append("o")
            case "é", "è", "ë": out.append("e")
            case "ü": out.append("u")
            case "č", "ć": out.append("c")
            default: if ch.isASCII && ch.isLetter { out.append(ch) }
            }
        }
        return out
    }
}
