import NaraDomain

/// A unit named as a nurse names it: the whole or the start of its name or of a word in
/// it ("hemsjuk" for Hemsjukvården Örebro), or its HSA-id, å, ä and ö kept. One rule for
/// every form that takes a unit (referrals, plans).
enum UnitMatch {
    /// An exact name or id wins; otherwise every unit the text begins a name, a word or
    /// an id of.
    static func candidates(_ text: String, among units: [CareUnit], excluding: UnitID? = nil) -> [CareUnit] {
        let t = SearchFolding.fold(text.trimmingCharacters(in: .whitespaces))
        guard !t.isEmpty else { return [] }
        let pool = units.filter { $0.id != excluding }
        if let exact = pool.first(where: { SearchFolding.fold($0.id.rawValue) == t || SearchFolding.fold($0.name) == t }) {
            return [exact]
        }
        return pool.filter { unit in
            let name = SearchFolding.fold(unit.name)
            return name.hasPrefix(t) || SearchFolding.fold(unit.id.rawValue).hasPrefix(t)
                || name.split(separator: " ").contains { $0.hasPrefix(t) }
        }
    }
}
