import NaraDomain

/// Every word of the continuity screen, one table per language, so a missing
/// translation is a compile error rather than an English word on a Swedish screen.
public struct ContinuityStrings: Sendable {
    public var language: Language
    // Header and tabs
    public var listedAt: @Sendable (String) -> String
    public var notListed: String
    public var noPatient: String
    public var tabContacts: String, tabEncounters: String, tabMeasures: String, tabPlan: String
    // Contacts
    public var roleCareContact: String, roleNamedPhysician: String
    public var colRole: String, colName: String, colProfession: String, colUnit: String
    public var colFrom: String, colTo: String, colReason: String, colEndReason: String
    public var noContacts: String
    public var ongoing: String
    // Encounters
    public var colDate: String, colTime: String, colMode: String, colPlanned: String, colStaff: String
    public var yes: String, no: String
    public var noEncounters: String
    // Measures
    public var window: @Sendable (Int, String, String) -> String
    /// Which encounters the figures count: the listing unit's or all units'.
    public var scope: @Sendable (ContinuityScope) -> String
    public var measureN: String, measureProviders: String, measureKnown: String, measureNamed: String
    public var groupDoctors: String, groupNurses: String, groupAll: String
    public var notAvailableNote: String
    public var perMonth: String
    public var perProvider: String
    public var noProviders: String
    // Alerts
    public var alertContactLeft: @Sendable (String, String) -> String
    public var alertGPNotSeen: @Sendable (String) -> String
    // Plans
    public var colAgreed: String, colFollowUp: String, colResponsible: String, colClosed: String, colGoal: String
    public var participants: String
    public var principalRegion: String, principalMunicipality: String, principalPrivate: String
    public var followUpPassed: String
    public var noPlan: String
    // Forms
    public var titleAssignContact: String, titleAssignPhysician: String, titleEnd: @Sendable (String) -> String
    public var titleEncounter: String, titleNewPlan: String, titleEditPlan: String
    public var fieldStaff: String, fieldReason: String, fieldFrom: String, fieldEndReason: String
    public var fieldDateTime: String, fieldMode: String, fieldPlanned: String
    public var fieldGoal: String, fieldResponsible: String, fieldParticipants: String
    public var fieldAgreed: String, fieldFollowUp: String
    public var hintStaffPick: String, hintDate: String, hintDateTime: String, hintMode: String
    public var hintPlanned: String, hintParticipants: String, hintUnit: String
    public var formFooter: String
    // Validation
    public var errRequired: String, errReasonTooShort: String, errDate: String, errDateTime: String, errFuture: String
    public var errUnknownStaff: @Sendable (String) -> String
    public var errInactiveStaff: @Sendable (String) -> String
    public var errOtherUnit: @Sendable (String) -> String
    public var errNotPhysician: @Sendable (String) -> String
    public var errNotClinician: @Sendable (String) -> String
    public var errTooFarAhead: @Sendable (Int) -> String
    public var errUnknownUnit: @Sendable (String) -> String
    public var errManyUnits: @Sendable (String) -> String
    public var errFollowUpBeforeAgreed: String
    // Confirmations
    public var confirmTitle: String
    public var confirmEnd: @Sendable (String, String) -> String
    /// New name, previous name, role, day.
    public var confirmReplace: @Sendable (String, String, String, String) -> String
    public var confirmDiscard: String
    // Messages
    public var assigned: @Sendable (String, String) -> String
    public var ended: @Sendable (String, String) -> String
    public var encounterSaved: @Sendable (String) -> String
    public var planSaved: String
    public var reloaded: String
    public var conflict: @Sendable (String, String) -> String
    public var couldNotSave: @Sendable (String) -> String
    public var selectActiveContact: String
    // Keys
    public var helpSection: String, helpAssign: String, helpPhysician: String, helpEnd: String
    public var helpEncounter: String, helpPlan: String, helpReload: String
    /// `s`: the continuity figures over all units, or back to the listing unit.
    public var helpScope: String
    public var hintsContacts: String, hintsEncounters: String, hintsMeasures: String, hintsPlan: String
    // Annulment (makulering)
    public var helpAnnul: String, fieldAnnulReason: String, selectToAnnul: String, annulled: String
    public var titleAnnul: @Sendable (String) -> String
    public var confirmAnnul: @Sendable (String) -> String
    public var annulDone: @Sendable (String) -> String
    public var annulledBy: @Sendable (String, String, String) -> String
    /// "Ersatt av Karin Berg".
    public var replacedBy: @Sendable (String) -> String
    /// A named GP ended because the patient listed at another unit.
    public var listingMoved: @Sendable (String) -> String
    /// The record under an open form changed in another session.
    public var changedUnderForm: String

    public static func of(_ language: Language) -> ContinuityStrings { language == .sv ? .sv : .en }

    func role(_ role: ContactRole) -> String {
        role == .careContact ? roleCareContact : roleNamedPhysician
    }

    func mode(_ mode: EncounterMode) -> String { language.strings.encounterMode(mode) }

    func principal(_ p: Principal) -> String {
        switch p {
        case .region: return principalRegion
        case .municipality: return principalMunicipality
        case .private: return principalPrivate
        }
    }

    func tab(_ tab: ContinuityTab) -> String {
        switch tab {
        case .contacts: return tabContacts
        case .encounters: return tabEncounters
        case .measures: return tabMeasures
        case .plan: return tabPlan
        }
    }
}
