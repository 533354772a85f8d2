/// Fast läkarkontakt (HSL 7 kap 3–3 c §§, from 2022-07-01): one named GP at a time, a
/// physician at the unit where the patient is listed. The patient chooses by listing, so
/// a change of listing ends the named GP. Every screen, list and report asks here.
public enum NamedGP {
    /// The named GP who counts on `day`: active and at the unit of the active listing.
    /// One at a unit the patient has left follows nobody.
    public static func current(contacts: [CareContact], listing: Listing?, on day: LocalDate) -> CareContact? {
        guard let listing, listing.isActive(on: day) else { return nil }
        return contacts.first { $0.role == .namedPhysician && $0.unitId == listing.unitId && $0.isActive(on: day) }
    }

    /// How many times the patient changed listing unit within the `months` months that
    /// end on `today` (the window of `Continuity.window`): each listing whose start lies
    /// in the window and whose unit differs from the listing before it. The first listing
    /// is no change, and a listing again at the same unit is none either.
    public static func listingChanges(_ listings: [Listing], months: Int, endingOn today: LocalDate) -> Int {
        let window = Continuity.window(endingOn: today, months: months)
        let ordered = listings.sorted { $0.from < $1.from }
        return zip(ordered, ordered.dropFirst()).filter { before, after in
            after.unitId != before.unitId && window.contains(after.from)
        }.count
    }
}
