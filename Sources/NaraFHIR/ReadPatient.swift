import NaraDomain

extension ReadContext {
    mutating func readPatient(_ r: ResourceReader, entry: Int) throws {
        var swedish: [(PersonIdentifier, Int)] = []
        var local: [ExchangeIdentifier] = []
        for (i, item) in try r.array("identifier").enumerated() {
            let path = "identifier[\(i)]"
            let system = try r.string("system", in: item, path: path + ".system") ?? ""
            guard let value = try r.string("value", in: item, path: path + ".value") else {
                throw r.fail(path + ".value", "missing")
            }
            guard let kind = Systems.kind(ofSystem: system) else {
                local.append(ExchangeIdentifier(system: system, value: value))
                continue
            }
            let parsed: PersonIdentifier
            do { parsed = try PersonIdentifier.parse(value, as: kind, today: today) } catch {
                throw r.fail(path + ".value", "\"\(value)\" is not a valid \(Self.name(of: kind)): \(error.description)")
            }
            guard parsed.kind == kind else {
                throw r.fail(path + ".value", "\"\(value)\" is a \(Self.name(of: parsed.kind)), but the system says \(Self.name(of: kind))")
            }
            swedish.append((parsed, i))
        }
        // A person may carry an old reserve number beside the personnummer that replaced it.
        func rank(_ kind: IdentifierKind) -> Int {
            switch kind {
            case .personnummer: 0
            case .samordningsnummer: 1
            case .nationalReserve: 2
            case .localReserve: 3
            }
        }
        guard let chosen = swedish.min(by: { rank($0.0.kind) < rank($1.0.kind) })?.0 else {
            throw r.fail("identifier", "no personnummer, samordningsnummer or reservnummer (systems \(Systems.personnummer), \(Systems.samordningsnummer), \(Systems.nationalReserve), a region's reservnummer system, or their OIDs)")
        }
        for (other, _) in swedish where other != chosen {
            local.append(ExchangeIdentifier(system: Systems.system(for: other.kind), value: other.value))
        }

        let protection = Self.protection(r)
        let protected = protection.protected
        let names = try r.array("name")
        let name = names.first { $0["use"]?.string == "official" } ?? names.first
        var given = (name?["given"]?.array ?? []).compactMap(\.string).joined(separator: " ")
        var family = name?["family"]?.string ?? ""
        if given.isEmpty, family.isEmpty, let text = name?["text"]?.string {
            let words = text.split(separator: " ")
            given = words.dropLast().joined(separator: " ")
            family = words.last.map(String.init) ?? ""
        }
        given = CleanText.line(given)
        family = CleanText.line(family)
        if given.isEmpty && family.isEmpty {
            guard protected else { throw r.fail("name", "missing") }
            given = "Skyddad"
            family = "identitet"
        }
        if given.isEmpty { given = "–" }
        if family.isEmpty { family = "–" }
        try Self.limit(r, "name.given", given, 200)
        try Self.limit(r, "name.family", family, 200)

        let sex: Sex
        switch try r.string("gender") {
        case "female": sex = .female
        case "male": sex = .male
        case nil: sex = chosen.sex
        case "other", "unknown": sex = .unknown
        case let other?: throw r.fail("gender", "\"\(other)\" is not male, female, other or unknown")
        }
        let birth = try r.date("birthDate", path: "birthDate") ?? chosen.birthDate

        var address: Address?
        if let a = try r.array("address").first {
            let line = (a["line"]?.array ?? []).compactMap(\.string).joined(separator: ", ")
            let street = CleanText.line(line)
            if !street.isEmpty {
                address = Address(street: String(street.prefix(200)),
                                  postalCode: String(CleanText.line(a["postalCode"]?.string ?? "").prefix(10)),
                                  city: String(CleanText.line(a["city"]?.string ?? "").prefix(100)))
            }
        }
        let phone = try r.array("telecom").first { $0["system"]?.string == "phone" }?["value"]?.string
            .map { String(CleanText.line($0).prefix(40)) }

        let death = try Self.death(r)
        let patient = Patient(id: PatientID(0), identifier: chosen, givenName: given, familyName: family, sex: sex,
                              birthDate: birth, address: address, phone: phone, protectedIdentity: protected,
                              deceased: death.deceased, deceasedOn: death.on,
                              nextOfKin: try Self.nextOfKin(r), interpreter: try Self.interpreter(r))
        let listings = try readListings(r)
        let lastUpdated = try r.json["meta"].flatMap { try r.dateTime("lastUpdated", in: $0, path: "meta.lastUpdated") }
        patientOf[entry] = batch.patients.count
        batch.patients.append(exchanged(r, patient: nil,
                                        ExchangedPatient(patient: patient, listings: listings, localIdentifiers: local,
                                                         protectionLabel: protection.label, lastUpdated: lastUpdated)))
    }

    /// `contact` entries that name a person: the relation is the entry's text, else its
    /// first coding's display or code; an entry with only an organisation is no next of kin.
    static func nextOfKin(_ r: ResourceReader) throws -> [NextOfKin] {
        var people: [NextOfKin] = []
        for (i, c) in try r.array("contact").enumerated() {
            let name = c["name"]
            let given = (name?["given"]?.array ?? []).compactMap(\.string).joined(separator: " ")
            let text = CleanText.line(name?["text"]?.string ?? [given, name?["family"]?.string ?? ""]
                .filter { !$0.isEmpty }.joined(separator: " "))
            guard !text.isEmpty else { continue }
            let relationship = c["relationship"]?.array?.first
            let coding = relationship?["coding"]?.array?.first
            let relation = CleanText.line(relationship?["text"]?.string ?? coding?["display"]?.string
                                          ?? coding?["code"]?.string ?? "närstående")
            let phone = (c["telecom"]?.array ?? []).first { $0["system"]?.string == "phone" }?["value"]?.string
                .map { String(CleanText.line($0).prefix(40)) }
            try limit(r, "contact[\(i)].name", text, 200)
            people.append(NextOfKin(name: text, relation: String(relation.prefix(60)), phone: phone))
            guard people.count < NextOfKin.limit else { break }
        }
        return people
    }

    /// An interpreter is needed when the core extension `patient-interpreterRequired` says
    /// so; the language is the preferred (else first) `communication` with a BCP 47 code.
    static func interpreter(_ r: ResourceReader) throws -> InterpreterNeed? {
        let required = try r.array("extension").contains {
            $0["url"]?.string == Systems.interpreterRequired && $0["valueBoolean"]?.bool == true
        }
        guard required else { return nil }
        let languages = try r.array("communication")
        let chosen = languages.first { $0["preferred"]?.bool == true } ?? languages.first
        guard let code = chosen?["language"]?["coding"]?.array?.first(where: {
            ($0["system"]?.string ?? Systems.bcp47) == Systems.bcp47
        })?["code"]?.string else { return nil }
        guard let need = InterpreterNeed(language: code) else {
            throw r.fail("communication.language", "\"\(code)\" is not a BCP 47 language tag")
        }
        return need
    }

    /// `deceasedDateTime` (the day in Sweden) or `deceasedBoolean`; `false` is alive.
    static func death(_ r: ResourceReader) throws -> (deceased: Bool, on: LocalDate?) {
        if let value = r.json["deceasedBoolean"] {
            guard let dead = value.bool else { throw r.fail("deceasedBoolean", "expected true or false") }
            return (dead, nil)
        }
        guard r.json["deceasedDateTime"] != nil else { return (false, nil) }
        let day = try r.dateOrDateTime("deceasedDateTime", in: r.json, path: "deceasedDateTime")
        return (true, day)
    }

    /// Listings with their periods from this program's extension; another system's
    /// `generalPractitioner` Organization is the active listing, from the day of import.
    private func readListings(_ r: ResourceReader) throws -> [Listing] {
        var listings: [Listing] = []
        for (i, ext) in try r.array("extension").enumerated() where ext["url"]?.string == Systems.listingExtension {
            let path = "extension[\(i)]"
            let parts = ext["extension"]?.array ?? []
            guard let unitPart = parts.first(where: { $0["url"]?.string == "unit" }),
                  let ref = try r.reference("valueReference", in: unitPart, path: path + ".unit") else {
                throw r.fail(path, "a listing needs its unit")
            }
            let unit = try self.unit(r, ref, path: path + ".unit")
            let period = parts.first { $0["url"]?.string == "period" }
            let days = try period.map { try r.periodDays("valuePeriod", in: $0, path: path + ".period") }
            guard let from = days?.start else { throw r.fail(path + ".period.start", "missing") }
            listings.append(Listing(patientId: PatientID(0), unitId: unit, from: from, to: days?.end))
        }
        if !listings.isEmpty { return listings }
        for (i, gp) in try r.array("generalPractitioner").enumerated() {
            guard let ref = try r.reference("generalPractitioner", in: .object(["generalPractitioner": gp]),
                                            path: "generalPractitioner[\(i)]"),
                  ref.typeAndId?.type == "Organization" || (entryIndex(ref).map { unitOf[$0] != nil } ?? false)
            else { continue }
            let unit = try self.unit(r, ref, path: "generalPractitioner[\(i)]")
            return [Listing(patientId: PatientID(0), unitId: unit, from: today)]
        }
        return []
    }

    /// Skyddad identitet: HL7 Sweden's `sekretessmarkering` or `skyddadFolkbokforing`, a
    /// restricted or very restricted v3 confidentiality label, or a label that says
    /// "skyddad". The label is HL7 Sweden's code when one is there, else the v3 code.
    static func protection(_ r: ResourceReader) -> (protected: Bool, label: String?) {
        var swedish: String?, confidentiality: String?, named = false
        for label in r.json["meta"]?["security"]?.array ?? [] {
            let code = label["code"]?.string ?? ""
            let system = label["system"]?.string ?? ""
            if system == Systems.securityLabelSE, Systems.securityLabelSECodes[code] != nil {
                swedish = swedish ?? code
            } else if (code == "R" || code == "V") && (system.isEmpty || system == Systems.v3Confidentiality) {
                confidentiality = confidentiality ?? code
            } else if (label["display"]?.string ?? "").lowercased().contains("skyddad") {
                named = true
            }
        }
        let label = swedish ?? confidentiality
        return (label != nil || named, label)
    }

    static func name(of kind: IdentifierKind) -> String {
        switch kind {
        case .personnummer: return "personnummer"
        case .samordningsnummer: return "samordningsnummer"
        case .nationalReserve: return "national reservnummer"
        case .localReserve(let region): return ReserveFormat.of(region).name + " reservnummer"
        }
    }

    static func limit(_ r: ResourceReader, _ path: String, _ text: String, _ max: Int) throws {
        if text.count > max { throw r.fail(path, "longer than \(max) characters") }
    }
}
