import NaraDomain

/// Consent to other providers' information, asked and answered from the patient's screens.
extension App {
    /// Samtycke from the patient's screen: one question naming the providers whose
    /// information waits for it; the answer is the patient's, recorded by the user. With
    /// nothing waiting and a consent in force, the question is whether to revoke it.
    func askConsent() {
        guard let record = state.patient else { return }
        let waiting = record.hidden.needingConsent.sorted()
        let given = Set(record.consents.map { $0.sourceProviderId ?? ProviderID(rawValue: "") }).sorted()
        func names(_ providers: [ProviderID]) -> [String] {
            providers.map { $0.rawValue.isEmpty ? state.strings.everyOtherProvider : record.providerNames[$0] ?? $0.rawValue }
        }
        if !waiting.isEmpty {
            state.overlay = .confirmConsent(record.patient.id, waiting, revoke: false,
                                            text: state.strings.consentQuestion(names(waiting)), yesSelected: false)
        } else if !given.isEmpty {
            state.overlay = .confirmConsent(record.patient.id, given, revoke: true,
                                            text: state.strings.revokeQuestion(names(given)), yesSelected: false)
        } else {
            state.message = Message(text: state.strings.noConsentNeeded, kind: .info)
        }
    }

    func answerConsent(_ patient: PatientID, _ providers: [ProviderID], revoke: Bool) {
        state.overlay = nil
        do {
            for provider in providers {
                let source = provider.rawValue.isEmpty ? nil : provider
                if revoke {
                    try store.revokeConsent(patient, source: source, as: state.session.context)
                } else {
                    _ = try store.addConsent(patient, source: source, until: nil, as: state.session.context)
                }
            }
            openRecord(patient, show: false, emergencyReason: state.patientEmergencyReason)
            state.message = Message(text: revoke ? state.strings.consentRevoked : state.strings.consentRecorded,
                                    kind: .info)
        } catch {
            state.message = Message(text: state.strings.describe(error), kind: .error)
        }
    }
}
