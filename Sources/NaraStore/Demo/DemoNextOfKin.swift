import NaraDomain

/// Next of kin and interpreter needs for the demo: most elderly patients and every child
/// have someone named, and a few per hundred need an interpreter, in the languages
/// Swedish primary care books most. A stream of its own per patient, so adding these
/// changed nothing else the demo generates from a seed.
enum DemoNextOfKin {
    static func make(for p: DemoPerson, family: String, seed: UInt64) -> (kin: [NextOfKin], interpreter: String?) {
        var rng = DemoRandom(seed: seed ^ 0x4E4F_4B49_4E00, stream: UInt64(p.id))
        var kin: [NextOfKin] = []
        func person(_ relation: String, male: Bool, sameName: Bool) -> NextOfKin {
            let given = male ? rng.pick(DemoNames.male) : rng.pick(DemoNames.female)
            let surname = sameName ? family : rng.pick(DemoNames.family)
            let phone = "07" + String(rng.pick([0, 2, 3, 6])) + "-" + String(rng.int(100, 999)) + " "
                + DemoPopulation.pad2(rng.below(100)) + " " + DemoPopulation.pad2(rng.below(100))
            return NextOfKin(name: given + " " + surname, relation: relation, phone: phone)
        }
        switch p.band {
        case 0:
            kin.append(person("mamma", male: false, sameName: true))
            if rng.chance(0.7) { kin.append(person("pappa", male: true, sameName: true)) }
        case 3, 4:
            guard rng.chance(0.75) else { break }
            if rng.chance(0.5) { kin.append(person(p.male ? "maka" : "make", male: !p.male, sameName: true)) }
            let child = rng.chance(0.5)
            kin.append(person(child ? "son" : "dotter", male: child, sameName: rng.chance(0.6)))
            if p.band == 4 && rng.chance(0.05) { kin.append(person("god man", male: rng.chance(0.5), sameName: false)) }
        default:
            if rng.chance(0.3) {
                kin.append(person(rng.pick(["make", "maka", "sambo", "syster", "bror"]), male: rng.chance(0.5),
                                  sameName: false))
            }
        }
        let languages = ["ar", "so", "ti", "fa", "prs", "uk", "pl", "bs", "tr", "sgn-SE"]
        let weights = [0.3, 0.15, 0.1, 0.1, 0.08, 0.08, 0.05, 0.05, 0.05, 0.04]
        let interpreter = p.band > 0 && rng.chance(0.03) ? languages[rng.weighted(weights)] : nil
        return (kin, interpreter)
    }
}
