import NaraDomain
import TerminalUI

/// Reading the queues. None of this goes through the record door: the queues are
/// list views (masked names, no clinical notes beyond the referral itself), as the
/// store's `QueueStore` promises.
extension ReferralsState {
    /// How many referrals a box asks for: a unit's open queue is far smaller.
    static let limit = 500

    /// Called before every key and frame: the screen is made without a context, so the
    /// first one to arrive loads it, and the open patient may have changed meanwhile.
    mutating func prepare(_ context: ScreenContext) {
        ownUnit = context.session.unit.id
        rights = context.session.staff.rights
        if !loaded { reload(context, select: nil) }
        syncPatient(context)
    }

    /// Reads both boxes again and keeps `select` (or the current referral) selected.
    mutating func reload(_ context: ScreenContext, select id: RecordID? = nil) {
        let keep = id ?? selected(today: context.today)?.referral.id
        ownUnit = context.session.unit.id
        if units.isEmpty || !loaded { units = (try? context.store.units()) ?? units }
        let store = context.store
        let who = context.session.context
        do {
            inbox = try store.referrals(box: .inbox, unit: ownUnit, includeClosed: filter.includeClosed,
                                        limit: Self.limit, as: who)
            outbox = try store.referrals(box: .outbox, unit: ownUnit, includeClosed: filter.includeClosed,
                                         limit: Self.limit, as: who)
            loadError = nil
        } catch {
            // What was read before stays; the failure is said, not shown as an empty box.
            loadError = context.strings.describe(error)
        }
        loaded = true
        syncPatient(context)
        cacheNames((inbox + outbox + (patientItems ?? [])).flatMap { $0.referral.history.map(\.staffId) }, context)
        reselect(keep, today: context.today)
    }

    /// The open patient's referrals come with the record; where a box holds a newer copy
    /// (a step taken since the record was read) that one is shown.
    mutating func syncPatient(_ context: ScreenContext) {
        guard let record = context.patient else {
            patientItems = nil
            return
        }
        let p = record.patient
        let summary = PatientSummary(id: p.id, identifier: p.identifier, name: p.protectedIdentity ? nil : p.fullName,
                                     sex: p.sex, birthDate: p.birthDate, protectedIdentity: p.protectedIdentity,
                                     listingUnitId: nil, listingUnitName: nil, namedContactName: nil,
                                     deceased: p.deceased, deceasedOn: p.deceasedOn)
        var fresh: [RecordID: Referral] = [:]
        for item in inbox + outbox where item.referral.patientId == p.id { fresh[item.referral.id] = item.referral }
        var items = record.referrals.map { r -> ReferralListItem in
            let newer = fresh[r.id].flatMap { $0.version > r.version ? $0 : nil }
            return ReferralListItem(referral: newer ?? r, patient: summary)
        }
        let known = Set(items.map(\.referral.id))
        items += fresh.values.filter { !known.contains($0.id) }.sorted { $0.id < $1.id }
            .map { ReferralListItem(referral: $0, patient: summary) }
        patientItems = items
    }

    /// The names of the people in the shown histories, looked up in one read for all
    /// that are not known yet (a statement each was one round trip each over a network).
    mutating func cacheNames(_ ids: [StaffID], _ context: ScreenContext) {
        let missing = Set(ids).filter { staffNames[$0] == nil }
        guard !missing.isEmpty, let found = try? context.store.staff(ids: missing) else { return }
        for (id, staff) in found { staffNames[id] = staff.name }
    }

    /// What the colleague did last, for a dialog whose referral changed under it.
    func colleagueNote(_ referral: Referral, _ s: ReferralsStrings) -> String {
        guard let last = referral.history.last else { return s.state(referral.state) }
        let comment = last.comment.isEmpty ? "" : " – ”\(last.comment)”"
        return s.changedUnder(staffName(last.staffId) + " " + WallClock.time(last.at) + ": " + s.step(last.action)
                              + " → " + s.state(referral.state) + comment)
    }

    /// The referral and version the open dialog acts on, if it acts on one.
    var dialogReferral: (id: RecordID, version: Int)? {
        switch overlay {
        case .confirm(let id, let version, _, _): return (id, version)
        case .form(let form):
            if case .step(let id, let version, _) = form.purpose { return (id, version) }
            return nil
        case .menu, nil: return nil
        }
    }

    mutating func reselect(_ id: RecordID?, today: LocalDate) {
        let rows = rows(today: today)
        if let id, let index = rows.firstIndex(where: { $0.referral.id == id }) {
            list.select(index, count: rows.count)
        } else {
            list.select(list.selected ?? 0, count: rows.count)
        }
    }
}
