import NaraDomain

/// Who is using the program in this process, and on what store. Fixed for the session:
/// the identity comes from `--user` (or the demo store's demo user), never from input.
public struct Session: Sendable {
    public var staff: Staff
    public var unit: CareUnit
    public var isDemoStore: Bool
    public var context: AccessContext

    public init(staff: Staff, unit: CareUnit, isDemoStore: Bool, context: AccessContext) {
        self.staff = staff
        self.unit = unit
        self.isDemoStore = isDemoStore
        self.context = context
    }
}
