import Foundation
import NaraApp
import NaraDomain

/// What a unit's report opens: the store, who asks (on a demo store the demo user by
/// default) and the unit, which must be in the directory.
enum UnitReportTarget {
    static func open(_ storeOptions: StoreOptions, _ userOption: UserOption,
                     unit: String) throws -> (store: any CareStore, context: AccessContext, unit: UnitID) {
        let store = try storeOptions.open()
        let session = try SessionResolver.resolve(store: store, user: userOption.user,
                                                  environment: ProcessInfo.processInfo.environment)
        let unitId = UnitID(rawValue: unit)
        guard try store.unit(unitId) != nil else { throw StoreError.notFound("unit \(unitId)") }
        return (store, session.context, unitId)
    }
}
