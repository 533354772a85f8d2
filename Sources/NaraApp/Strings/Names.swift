import NaraDomain

extension Strings {
    public func profession(_ p: Profession) -> String {
        switch (language, p) {
        case (.sv, .physician): return "läkare"
        case (.sv, .nurse): return "sjuksköterska"
        case (.sv, .districtNurse): return "distriktssköterska"
        case (.sv, .assistantNurse): return "undersköterska"
        case (.sv, .physiotherapist): return "fysioterapeut"
        case (.sv, .occupationalTherapist): return "arbetsterapeut"
        case (.sv, .psychologist): return "psykolog"
        case (.sv, .counsellor): return "kurator"
        case (.sv, .dietitian): return "dietist"
        case (.sv, .coordinator): return "vårdsamordnare"
        case (.sv, .secretary): return "medicinsk sekreterare"
        case (.sv, .other): return "annan"
        case (.en, .physician): return "physician"
        case (.en, .nurse): return "nurse"
        case (.en, .districtNurse): return "district nurse"
        case (.en, .assistantNurse): return "assistant nurse"
        case (.en, .physiotherapist): return "physiotherapist"
        case (.en, .occupationalTherapist): return "occupational therapist"
        case (.en, .psychologist): return "psychologist"
        case (.en, .counsellor): return "counsellor"
        case (.en, .dietitian): return "dietitian"
        case (.en, .coordinator): return "care coordinator"
        case (.en, .secretary): return "medical secretary"
        case (.en, .other): return "other"
        }
    }

    public func screenTitle(_ screen: ScreenID) -> String {
        switch screen {
        case .search: return searchTitle
        case .overview: return overviewTitle
        case .continuity: return continuityTitle
        case .referrals: return referralsTitle
        case .workLists: return workListsTitle
        case .accessLog: return accessLogTitle
        case .myDay: return myDayTitle
        }
    }
}

extension Strings {
    /// One word per lifecycle state, shared by every screen that shows a referral.
    public func referralState(_ state: ReferralState) -> String {
        let sv = language == .sv
        switch state {
        case .draft: return sv ? "utkast" : "draft"
        case .sent: return sv ? "skickad" : "sent"
        case .received: return sv ? "mottagen" : "received"
        case .accepted: return sv ? "accepterad" : "accepted"
        case .rejected: return sv ? "avvisad" : "rejected"
        case .forwarded: return sv ? "vidarebefordrad" : "forwarded"
        case .booked: return sv ? "bokad" : "booked"
        case .seen: return sv ? "besökt" : "seen"
        case .answered: return sv ? "besvarad" : "answered"
        case .acknowledged: return sv ? "kvitterad" : "acknowledged"
        case .cancelled: return sv ? "makulerad" : "cancelled"
        }
    }

    public func encounterMode(_ mode: EncounterMode) -> String {
        let sv = language == .sv
        switch mode {
        case .visit: return sv ? "besök" : "visit"
        case .phone: return sv ? "telefon" : "phone"
        case .video: return "video"
        case .chat: return sv ? "chatt" : "chat"
        case .homeVisit: return sv ? "hembesök" : "home visit"
        }
    }
}
