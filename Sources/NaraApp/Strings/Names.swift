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
        }
    }
}
