/// What a typed search text means. Digits (with `-`, `+` or spaces) are an identifier or
/// its beginning; a reserve number is letters and digits starting with digits;
/// anything else is names. Every store reads a search text through this one parse, so
/// that the same text finds the same patients whatever the store.
package enum IdentifierQuery: Equatable, Sendable {
    /// 12 characters: the stored form.
    case exact(String)
    /// 10 digits typed without century: matches any century.
    case short(String)
    /// The beginning of a stored or short identifier.
    case prefix(String)
    /// The folded words of a name (`SearchFolding`), each the beginning of a name word.
    case name([String])

    package init(_ text: String) {
        let compact = text.filter { $0 != "-" && $0 != "+" && $0 != " " }.uppercased()
        let digitsOnly = !compact.isEmpty && compact.allSatisfy(\.isASCIIDigitCharacter)
        let startsWithDigits = compact.prefix(2).count == 2 && compact.prefix(2).allSatisfy(\.isASCIIDigitCharacter)
        let alphanumeric = compact.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        if digitsOnly {
            switch compact.count {
            case 12: self = .exact(compact)
            case 10 where !compact.hasPrefix("19") && !compact.hasPrefix("20"): self = .short(compact)
            case 13...: self = .exact(compact) // finds nothing, and says so
            default: self = .prefix(compact)
            }
        } else if startsWithDigits && alphanumeric && compact.count >= 4 {
            self = compact.count == 12 ? .exact(compact) : .prefix(compact)
        } else {
            self = .name(SearchFolding.words(text))
        }
    }

    /// A protected identity is found only by the whole identifier, so that digits
    /// typed one by one cannot list where protected people are listed.
    package var findsProtectedIdentity: Bool {
        switch self {
        case .exact, .short: return true
        case .prefix, .name: return false
        }
    }

    /// The end of an identifier prefix's range: every identifier character is ASCII,
    /// so all those starting with `value` sort below `value` + DEL, bytewise.
    package static func prefixUpperBound(_ value: String) -> String { value + "\u{7F}" }
}

extension PatientSummary {
    /// A protected-identity patient's row: masked name, no listing unit, no named contact.
    package var identificationOnly: PatientSummary {
        var s = self
        s.listingUnitId = nil
        s.listingUnitName = nil
        s.namedContactName = nil
        return s
    }

    /// Family name first, for sorting a result list.
    package var familyNameKey: String {
        guard let name else { return "" }
        let parts = name.split(separator: " ")
        return parts.count > 1 ? parts.dropFirst().joined(separator: " ") + " " + parts[0] : name
    }

    /// What a search shows of the rows a store found: identification only (name,
    /// identifier, age, listing unit; no named contact, which is coordination
    /// information), protected identities only when `query` names the whole identifier
    /// and then masked, sorted by family name for the eye.
    package static func searchResult(_ found: [PatientSummary], for query: IdentifierQuery) -> [PatientSummary] {
        let shown = found.filter { query.findsProtectedIdentity || !$0.protectedIdentity }
            .map { s -> PatientSummary in
                var row = s.protectedIdentity ? s.identificationOnly : s
                row.namedContactName = nil
                return row
            }
        return SwedishOrder.sorted(shown) { s in
            (s.name.map { _ in s.familyNameKey } ?? "~") + " " + s.identifier.value
        }
    }
}
