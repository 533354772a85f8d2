import NaraDomain

struct DemoUnit {
    let id: String
    let name: String
    let principal: Principal
    let kind: UnitKind
}

struct DemoStaff {
    let id: String
    let name: String
    let profession: Profession
    let unit: Int
    let roles: String
    var active: Bool
}

/// The staff of one unit, split the way encounters and referrals pick people.
struct DemoTeam {
    var physicians: [Int] = []
    var nurses: [Int] = []
    var others: [Int] = []
    /// Staff who have left; still named in old encounters and some stale contacts.
    var departed: [Int] = []
}

/// The fictional region: its units, their staff, and which units work together.
struct DemoRegion {
    var units: [DemoUnit] = []
    var staff: [DemoStaff] = []
    var teams: [DemoTeam] = []
    /// Unit index of each vårdcentral, in listing order.
    var clinics: [Int] = []
    /// Per vårdcentral: the municipality's home care, social services, and home city.
    var homeCareOf: [Int] = []
    var socialOf: [Int] = []
    var cityOf: [Int] = []
    /// Specialist units by speciality, and hospital wards.
    var specialists: [Specialty: Int] = [:]
    var wards: [Int] = []
    var demoUser = 0
    private var logins: Set<String> = []

    enum Specialty: Int, CaseIterable {
        case cardiology, geriatrics, orthopaedics, psychiatry, dermatology, ent, eye, medicine
        var unitName: String {
            switch self {
            case .cardiology: return "Kardiologiska kliniken, USÖ"
            case .geriatrics: return "Geriatriska kliniken, USÖ"
            case .orthopaedics: return "Ortopedmottagningen, Lindesbergs lasarett"
            case .psychiatry: return "Allmänpsykiatrisk mottagning Örebro"
            case .dermatology: return "Hudmottagningen, USÖ"
            case .ent: return "Öron-, näs- och halsmottagningen, USÖ"
            case .eye: return "Ögonmottagningen, Karlskoga lasarett"
            case .medicine: return "Medicinkliniken, Karlskoga lasarett"
            }
        }
    }

    /// The three kinds of care provider: the region, the municipality, and a company
    /// running a private vårdcentral.
    static let providerNames = [
        ("SE2321000164", "Region Örebro län"),
        ("SE2120001843", "Örebro kommun"),
        ("SE5568123456", "Familjeläkarna i Mellansverige AB"),
    ]

    static let wardNames = [
        "Medicinavdelning 1, USÖ", "Kardiologavdelning 72, USÖ", "Geriatrisk avdelning 81, USÖ",
        "Ortopedavdelning, Lindesbergs lasarett", "Medicinavdelning 2, Karlskoga lasarett",
    ]

    init(clinicCount: Int, rng: inout DemoRandom) {
        let homeCareCount = max(1, (clinicCount + 1) / 3)
        let heads = DemoNames.placeHeads, tails = DemoNames.placeTails
        for k in 0..<clinicCount {
            let place = heads[k % heads.count] + tails[(k / heads.count + k) % tails.count]
                + (k >= heads.count * tails.count ? " \(k / (heads.count * tails.count) + 1)" : "")
            let isPrivate = clinicCount >= 3 && k == 2
            let name = isPrivate ? "Familjeläkarna \(place)" : (k % 4 == 1 ? "Hälsocentralen \(place)" : "Vårdcentralen \(place)")
            let id = (isPrivate ? "SE5568123456-vc" : "SE2321000164-vc") + Self.pad(k + 1, 4)
            clinics.append(addUnit(id, name, isPrivate ? .private : .region, .primaryCare))
            cityOf.append(k % DemoNames.cities.count)
        }
        var homeCare: [Int] = [], social: [Int] = []
        for h in 0..<homeCareCount {
            let town = DemoNames.municipalities[h % DemoNames.municipalities.count]
            let area = h >= DemoNames.municipalities.count ? ", område \(h / DemoNames.municipalities.count + 1)" : ""
            homeCare.append(addUnit("SE2120001843-hs" + Self.pad(h + 1, 2), "Hemsjukvården \(town) kommun\(area)",
                                    .municipality, .homeCare))
            social.append(addUnit("SE2120001843-so" + Self.pad(h + 1, 2), "Socialtjänsten \(town) kommun\(area)",
                                  .municipality, .socialServices))
        }
        for k in 0..<clinicCount {
            homeCareOf.append(homeCare[min(k / 3, homeCareCount - 1)])
            socialOf.append(social[min(k / 3, homeCareCount - 1)])
        }
        for s in Specialty.allCases {
            specialists[s] = addUnit("SE2321000164-sp" + Self.pad(s.rawValue + 1, 2), s.unitName, .region, .specialist)
        }
        for (w, name) in Self.wardNames.enumerated() {
            wards.append(addUnit("SE2321000164-av" + Self.pad(w + 1, 2), name, .region, .hospital))
        }
        teams = Array(repeating: DemoTeam(), count: units.count)
        for (k, unit) in clinics.enumerated() { staffClinic(unit, first: k == 0, rng: &rng) }
        for unit in homeCare {
            for _ in 0..<4 { addStaff(unit, .nurse, "municipal_nurse", rng: &rng) }
            addStaff(unit, .occupationalTherapist, "other_licensed", rng: &rng)
        }
        for unit in social { addStaff(unit, .coordinator, "social_services", rng: &rng) }
        for unit in specialists.values.sorted() + wards {
            for _ in 0..<3 { addStaff(unit, .physician, "physician", rng: &rng) }
            for _ in 0..<2 { addStaff(unit, .nurse, "nurse", rng: &rng) }
            addStaff(unit, .secretary, "secretary", rng: &rng)
        }
        addEveryProviderAndRole()
    }

    /// A private vårdcentral (a provider of its own) and a log reviewer, so that every
    /// kind of provider and every role can be seen at work in any demo. Drawn from a
    /// stream of their own: the rest of the region is the same with or without them.
    private mutating func addEveryProviderAndRole() {
        var own = DemoRandom(seed: 0x5EED_F0CA, stream: 1)
        if !units.contains(where: { $0.principal == .private }) {
            let unit = addUnit("SE5568123456-vc0900", "Familjeläkarna Centrum", .private, .primaryCare)
            teams.append(DemoTeam())
            for _ in 0..<2 { addStaff(unit, .physician, "physician", rng: &own) }
            for _ in 0..<2 { addStaff(unit, .districtNurse, "nurse", rng: &own) }
            addStaff(unit, .secretary, "secretary", rng: &own)
        }
        // Not in the team: a log reviewer meets no patients.
        let reviewer = addStaff(clinics[0], .secretary, "log_reviewer", rng: &own)
        teams[clinics[0]].others.removeAll { $0 == reviewer }
    }

    private mutating func staffClinic(_ unit: Int, first: Bool, rng: inout DemoRandom) {
        if first { demoUser = addStaff(unit, .districtNurse, "nurse", rng: &rng) }
        for _ in 0..<rng.int(6, 8) { addStaff(unit, .physician, "physician", rng: &rng) }
        for i in 0..<rng.int(10, 12) - (first ? 1 : 0) {
            addStaff(unit, i % 3 == 0 ? .districtNurse : .nurse, "nurse", rng: &rng)
        }
        for _ in 0..<rng.int(3, 5) { addStaff(unit, .assistantNurse, "assistant_nurse", rng: &rng) }
        for _ in 0..<2 { addStaff(unit, .physiotherapist, "other_licensed", rng: &rng) }
        addStaff(unit, .psychologist, "other_licensed", rng: &rng)
        addStaff(unit, .counsellor, "other_licensed", rng: &rng)
        addStaff(unit, .coordinator, "care_coordinator", rng: &rng)
        // The first unit's secretary also administers the system, as small clinics do.
        addStaff(unit, .secretary, first ? "administrator,secretary" : "secretary", rng: &rng)
        // One doctor and one nurse have left the unit; the demo user never has.
        let leavingDoctor = teams[unit].physicians.removeLast()
        let leavingNurse = teams[unit].nurses.removeLast()
        for s in [leavingDoctor, leavingNurse] {
            staff[s].active = false
            teams[unit].departed.append(s)
        }
    }

    private mutating func addUnit(_ id: String, _ name: String, _ principal: Principal, _ kind: UnitKind) -> Int {
        units.append(DemoUnit(id: id, name: name, principal: principal, kind: kind))
        return units.count - 1
    }

    @discardableResult
    private mutating func addStaff(_ unit: Int, _ profession: Profession, _ roles: String,
                                   rng: inout DemoRandom) -> Int {
        let female = rng.chance(0.6)
        let given = rng.pick(female ? DemoNames.female : DemoNames.male)
        let family = rng.pick(DemoNames.family)
        let base = DemoNames.login(given) + "." + DemoNames.login(family)
        var login = base
        var n = 2
        while logins.contains(login) {
            login = base + String(n)
            n += 1
        }
        logins.insert(login)
        staff.append(DemoStaff(id: login, name: given + " " + family, profession: profession, unit: unit,
                               roles: roles, active: true))
        let index = staff.count - 1
        switch profession {
        case .physician: teams[unit].physicians.append(index)
        case .nurse, .districtNurse: teams[unit].nurses.append(index)
        default: teams[unit].others.append(index)
        }
        return index
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let s = String(value)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
