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
        return pool.filter { begins(t, name: $0.name, id: $0.id.rawValue) }
    }

    /// Whether the folded text `t` begins the name, a word of it, or the id.
    static func begins(_ t: String, name: String, id: String) -> Bool {
        let folded = SearchFolding.fold(name)
        return folded.hasPrefix(t) || SearchFolding.fold(id).hasPrefix(t)
            || folded.split(separator: " ").contains { $0.hasPrefix(t) }
    }

    /// A staff member named as a unit is: the exact id or name wins, else every one the text begins.
    static func staff(_ text: String, among staff: [Staff]) -> [Staff] {
        let t = SearchFolding.fold(text.trimmingCharacters(in: .whitespaces))
        guard !t.isEmpty else { return [] }
        if let exact = staff.first(where: { SearchFolding.fold($0.id.rawValue) == t || SearchFolding.fold($0.name) == t }) {
            return [exact]
        }
        return staff.filter { begins(t, name: $0.name, id: $0.id.rawValue) }
    }
}
