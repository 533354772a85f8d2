import NaraDomain
import TerminalUI

/// How a patient is named in a list row and a screen's header, the same on every screen:
/// a protected identity masked, a deceased patient marked with "†".
extension Strings {
    /// A list row's name cell: "† Anna Lund" for a deceased patient.
    func nameCell(_ p: PatientSummary) -> TextLine {
        var line = p.name.map { TextLine($0) } ?? TextLine(protectedIdentity, Style(.protectedIdentity, .bold))
        if p.deceased { line.spans.insert(Span("† ", Style(.muted, .bold)), at: 0) }
        return line
    }

    /// The header's mark after the name: "† Avliden 2026-03-01", nil for the living.
    func deceasedMark(_ isDeceased: Bool, on day: LocalDate?) -> Span? {
        isDeceased ? Span("  † " + deceased(day), Style(.warning, .bold)) : nil
    }
}
