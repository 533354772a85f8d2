import Foundation
import NaraApp
import NaraDomain

/// The extract in four formats, in words a patient can judge: unit, person (at public
/// providers), time, kind of access. No internal ids or codes.
enum AuditExtractOutput {
    struct Row {
        var fields: [String]
        var emergency: Bool

        init(_ entry: AccessLogEntry, unitName: String, person: String, words: AccessLogWords) {
            let at = Date(timeIntervalSince1970: TimeInterval(entry.atMilliseconds) / 1000)
            fields = [AuditExtractOutput.time(at), unitName, person,
                      words.activity(LoggedActivity(entry)), entry.emergency ? words.yes : words.no, entry.reason ?? ""]
            emergency = entry.emergency
        }
    }

    static let header = ["time", "unit", "person", "what", "emergency", "reason"]

    /// Stockholm wall-clock time, to the second: what the patient and the reviewer read the log in.
    static func time(_ date: Date) -> String { WallClock.dateTime(date, seconds: true) }

    static func render(_ rows: [Row], format: AuditExtractCommand.Format, language: Language) -> String {
        let records = rows.map { $0.fields.map { CleanText.line($0) } }
        switch format {
        case .text:
            guard !records.isEmpty else {
                return language == .sv ? "Ingen har tagit del av uppgifter om patienten.\n"
                                       : "Nobody has accessed the patient's information.\n"
            }
            // One sentence a line: "2026-11-23 10:00:00  Vårdcentralen Ekbacken, Karin Berg: läste journalen".
            return zip(rows, records).map { row, r in
                let emergency = row.emergency
                    ? (language == .sv ? " (nödåtkomst: " : " (emergency access: ") + r[5] + ")" : ""
                return r[0] + "  " + r[1] + (r[2].isEmpty ? "" : ", " + r[2]) + ": " + r[3] + emergency
            }.joined(separator: "\n") + "\n"
        case .csv: return CommandTable(header: header, rows: records).csv()
        case .json: return CommandTable(header: header, rows: records).json { ["emergency": rows[$0].emergency] }
        case .table:
            guard !records.isEmpty else { return "No access-log rows for this patient.\n" }
            return CommandTable(header: header, rows: records).text() + "\(records.count) rows\n"
        }
    }
}
