import NaraDomain
import TerminalUI

/// The SIP form's content fields: consent (day and form), the meeting, who takes part by
/// name (the patient, next of kin, staff by id) and the services of region and
/// municipality, each written as a comma-separated or free line.
enum PlanContentForm {
    struct Words: Sendable {
        var consent: String, consentForm: String, meeting: String, patient: String, nextOfKin: String
        var staff: String, responsiblePerson: String, servicesRegion: String, servicesMunicipality: String
        var hintConsentForm: String, hintYesNo: String, hintNames: String, hintStaffIds: String
        var errConsentForm: String, errYesNo: String
        var errUnknownStaff: @Sendable (String) -> String
        /// The plan view's words.
        var written: String, oral: String, noConsent: String, thePatient: String, nextOfKinWord: String
        var takingPart: String

        static func of(_ language: Language) -> Words {
            switch language {
            case .sv:
                return Words(consent: "Samtycke", consentForm: "Samtycke hur", meeting: "Möte",
                             patient: "Patienten deltar", nextOfKin: "Närstående", staff: "Personal",
                             responsiblePerson: "Ansvarig person", servicesRegion: "Insatser region",
                             servicesMunicipality: "Insatser kommun", hintConsentForm: "s = skriftligt, m = muntligt",
                             hintYesNo: "j/n", hintNames: "namn, med komma emellan",
                             hintStaffIds: "personalens id, med komma emellan",
                             errConsentForm: "Skriv s eller m", errYesNo: "Skriv j eller n",
                             errUnknownStaff: { "Ingen personal med id \($0)" },
                             written: "skriftligt", oral: "muntligt",
                             noConsent: "inget samtycke registrerat: planen ger ingen vårdrelation",
                             thePatient: "patienten", nextOfKinWord: "närstående", takingPart: "Deltar")
            case .en:
                return Words(consent: "Consent", consentForm: "Consent how", meeting: "Meeting",
                             patient: "Patient takes part", nextOfKin: "Next of kin", staff: "Staff",
                             responsiblePerson: "Responsible person", servicesRegion: "Region's services",
                             servicesMunicipality: "Municipality's services", hintConsentForm: "w = written, o = oral",
                             hintYesNo: "y/n", hintNames: "names, comma-separated",
                             hintStaffIds: "the staff's ids, comma-separated",
                             errConsentForm: "Type w or o", errYesNo: "Type y or n",
                             errUnknownStaff: { "No staff with id \($0)" },
                             written: "written", oral: "oral",
                             noConsent: "no consent recorded: the plan is no care relationship",
                             thePatient: "the patient", nextOfKinWord: "next of kin", takingPart: "Taking part")
            }
        }
    }

    static func fields(_ existing: CoordinatedPlan?, _ env: ContinuityEnvironment) -> [FormField] {
        let w = Words.of(env.strings.language)
        let c = existing?.content ?? PlanContent(people: [PlanPerson(role: .patient, name: "")])
        let sv = env.strings.language == .sv
        let form = c.consentForm.map { $0 == .written ? (sv ? "s" : "w") : (sv ? "m" : "o") } ?? ""
        let yes = sv ? "j" : "y", no = "n"
        func line(_ values: [String]) -> String { values.joined(separator: ", ") }
        func text(_ id: String, _ label: String, _ value: String, max: Int, hint: String? = nil) -> FormField {
            FormField(id: id, label: label, state: TextFieldState(value, maxLength: max), hint: hint)
        }
        return [
            text("consent", w.consent, existing?.consentOn?.iso ?? "", max: 10, hint: env.strings.hintDate),
            text("consentForm", w.consentForm, form, max: 3, hint: w.hintConsentForm),
            text("meeting", w.meeting, c.meetingOn?.iso ?? "", max: 10, hint: env.strings.hintDate),
            text("patient", w.patient, c.patientTakesPart ? yes : no, max: 3, hint: w.hintYesNo),
            text("nextOfKin", w.nextOfKin, line(c.nextOfKin.map(\.name)), max: 300, hint: w.hintNames),
            text("people", w.staff, line(c.people.compactMap(\.staffId?.rawValue)), max: 300, hint: w.hintStaffIds),
            text("responsiblePerson", w.responsiblePerson, c.responsibleStaffId?.rawValue ?? "", max: 64),
            text("servicesRegion", w.servicesRegion, line(c.services(of: .region).map(\.text)), max: 500),
            text("servicesMunicipality", w.servicesMunicipality, line(c.services(of: .municipality).map(\.text)),
                 max: 500),
        ]
    }

    /// The consent day and the content, or messages in `errors`. Private providers'
    /// services, which the form does not show, are kept as they were.
    static func read(_ form: ContinuityForm, existing: CoordinatedPlan?, _ env: ContinuityEnvironment,
                     errors: inout [String: String]) -> (consentOn: LocalDate?, content: PlanContent) {
        let w = Words.of(env.strings.language)
        let s = env.strings
        let f = form.fields
        func list(_ id: String) -> [String] { f[id].split(separator: ",").map { String($0).trimmingSpaces }.filter { !$0.isEmpty } }
        var content = PlanContent()
        let consentOn = ContinuityValidation.date(f["consent"], required: false, s, field: "consent", errors: &errors)
        switch f["consentForm"].trimmingSpaces.lowercased() {
        case "": content.consentForm = nil
        case "s", "w": content.consentForm = .written
        case "m", "o": content.consentForm = .oral
        default: errors["consentForm"] = w.errConsentForm
        }
        content.meetingOn = ContinuityValidation.date(f["meeting"], required: false, s, field: "meeting", errors: &errors)
        switch f["patient"].trimmingSpaces.lowercased() {
        case "j", "y", "ja", "yes": content.people.append(PlanPerson(role: .patient, name: ""))
        case "n", "nej", "no", "": break
        default: errors["patient"] = w.errYesNo
        }
        content.people += list("nextOfKin").map { PlanPerson(role: .nextOfKin, name: $0) }
        func staff(_ id: String, field: String) -> Staff? {
            guard let found = env.staff(StaffID(id)) else {
                errors[field] = w.errUnknownStaff(id)
                return nil
            }
            return found
        }
        for id in list("people") {
            if let person = staff(id, field: "people") {
                content.people.append(PlanPerson(role: .staff, name: person.name, staffId: person.id, unitId: person.unitId))
            }
        }
        let responsible = f["responsiblePerson"].trimmingSpaces
        if !responsible.isEmpty { content.responsibleStaffId = staff(responsible, field: "responsiblePerson")?.id }
        content.services = [(Principal.region, "servicesRegion"), (.municipality, "servicesMunicipality")].flatMap { p, id in
            list(id).map { PlanService(principal: p, text: $0) }
        } + (existing?.content.services(of: .private) ?? [])
        return (consentOn, content)
    }
}
