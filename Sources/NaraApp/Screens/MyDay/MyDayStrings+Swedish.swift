import NaraDomain

extension MyDayStrings {
    static let sv = MyDayStrings(
        tabDay: "Dagen", tabPatients: "Mina patienter",
        section: { section in
            switch section {
            case .careRequests: return "Vårdbegäran att kontakta eller bedöma"
            case .callbacks: return "Återuppringning"
            case .tasks: return "Uppgifter till mig och min enhet"
            case .followUps: return "Mina planerade uppföljningar"
            case .news: return "Mina patienter"
            }
        },
        short: { section in
            switch section {
            case .careRequests: return "Begäran"
            case .callbacks: return "Ring"
            case .tasks: return "Uppgifter"
            case .followUps: return "Plan"
            case .news: return "Hänt"
            }
        },
        callbackSlot: { "Återuppringning \($0)" },
        newsSince: { since in since.map { "Hänt mina patienter sedan \($0)" }
            ?? "Hänt mina patienter de senaste 7 dagarna" },
        reading: "Läser…", nothingToday: "Inget väntar på dig just nu.",
        noPatients: "Du är inte fast kontakt för någon patient i dag.",
        footerDay: "Enter öppna · r nådd · b bedömd · d klar · t uppgift · n begäran · p planera",
        footerPatients: "Enter öppna · t uppgift · n begäran · p planera · / filtrera · Tab dagen",
        columnRole: "Roll", columnLast: "Senast", columnNext: "Planerad", columnAlerts: "Att göra",
        role: { $0 == .careContact ? "VK" : "FL" },
        channel: { channel in
            switch channel {
            case .phone: return "telefon"
            case .visit: return "besök"
            case .digital: return "digital"
            }
        },
        problem: { $0 == .new ? "nytt" : "förvärrat" },
        clock: { guarantee, status in
            let n = guarantee == .contact ? "0" : "3"
            switch status {
            case .met: return "\(n) ✓"
            case .overdue(let days): return "\(n) sen \(days) d"
            case .running(let left): return left == 0 ? "\(n) i dag" : "\(n) \(left) d kvar"
            default: return n
            }
        },
        priority: { priority in
            switch priority {
            case .urgent: return "brådskande"
            case .normal: return ""
            case .low: return "låg"
            }
        },
        due: { day, overdue in overdue ? "försenad \(day.iso)" : "senast \(day.iso)" },
        toMe: "till mig", toUnit: "till enheten",
        planned: { day, today in day == today ? "i dag" : day.iso },
        news: { news in
            switch news {
            case let .admitted(ward, on): return "Inskriven \(on.iso) på \(ward)"
            case let .readyForDischarge(ward, on): return "Utskrivningsklar \(on.iso) på \(ward)"
            case let .discharged(ward, on): return "Utskriven \(on.iso) från \(ward)"
            case let .referralAnswered(id, unit): return "Remiss \(id) besvarad av \(unit)"
            case let .referralRejected(id, unit): return "Remiss \(id) avvisad av \(unit)"
            case let .planFollowUpDue(id, on): return "Uppföljning av SIP (plan \(id)) \(on.iso)"
            case let .taskDone(text, reply, by):
                return reply.map { "\(by) svarade: \($0) (uppgift: \(text))" } ?? "Uppgift klar av \(by): \(text)"
            case let .namedContactEnded(role, name, on):
                let what = role == .namedPhysician ? "Fast läkarkontakt" : "Fast vårdkontakt"
                return "\(what) \(name) avslutad \(on.iso): en ny behövs"
            }
        },
        helpOpen: "Öppna patientens översikt", helpTab: "Min dag / Mina patienter",
        helpContact: "Nådd: kontakt tagen, stoppar 0-klockan",
        helpAssess: "Medicinsk bedömning gjord: stoppar 3-klockan",
        helpNoAnswer: "Inget svar: räknas, klockan går vidare",
        helpDone: "Markera uppgiften klar, med svar", helpTask: "Ny uppgift om patienten",
        helpCareRequest: "Ny vårdbegäran för patienten", helpPlan: "Planera en kontakt en senare dag",
        helpRefresh: "Läs om",
        helpTaskOpen: "Ny uppgift, patienten vars journal är öppen",
        helpCareRequestOpen: "Ny vårdbegäran, patienten vars journal är öppen",
        helpPlanOpen: "Planera kontakt, patienten vars journal är öppen",
        titleDone: "Uppgift klar", titleTask: "Ny uppgift", titleCareRequest: "Ny vårdbegäran",
        titlePlan: "Planera kontakt",
        fieldReply: "Svar", fieldText: "Uppgift", fieldToStaff: "Till person", fieldToUnit: "Till enhet",
        fieldDue: "Senast", fieldPriority: "Prioritet", fieldChannel: "Kanal", fieldProblem: "Problem",
        fieldReason: "Orsak", fieldCallback: "Ring upp", fieldDate: "Datum", fieldNote: "Anteckning",
        hintToStaff: "id eller namn; eller en enhet nedan", hintDue: "ÅÅÅÅ-MM-DD, eller tomt",
        hintPriority: "brådskande, normal eller låg", hintChannel: "telefon, besök eller digital",
        hintProblem: "nytt eller förvärrat", hintCallback: "08:00-10:00, eller tomt",
        hintDate: "ÅÅÅÅ-MM-DD, i dag eller senare",
        errRequired: "Måste fyllas i", errDate: "Ett datum som 2026-12-24, i dag eller senare",
        errPriority: "brådskande, normal eller låg", errChannel: "telefon, besök eller digital",
        errProblem: "nytt eller förvärrat", errSlot: "Ett fönster som 08:00-10:00",
        errOneAddressee: "En person eller en enhet, en av dem",
        errNoStaff: "Ingen behandlare med det namnet", errNoUnit: "Ingen enhet med det namnet",
        errMany: { "Vilken? \($0)" },
        formFooter: "Enter nästa fält, sparar från det sista · Esc avbryter",
        contactRecorded: "Kontakt registrerad: 0-klockan har stannat.",
        assessmentRecorded: "Bedömning registrerad: 3-klockan har stannat.",
        taskDone: "Uppgiften är klar.", taskSent: "Uppgiften är skickad.",
        noAnswerRecorded: { "Inget svar registrerat (\($0) hittills): 0-klockan går vidare." },
        unanswered: { $0 == 1 ? "1 samtal utan svar" : "\($0) samtal utan svar" },
        requestRegistered: "Vårdbegäran registrerad: 0- och 3-klockan räknas från nu.",
        contactPlanned: { "Kontakt planerad \($0.iso)." },
        selectRequest: "Markera en vårdbegäran först.", selectTask: "Markera en uppgift först.",
        selectRow: "Markera en rad först.", openFirst: "Öppna en patients journal först (F2)."
    )
}
