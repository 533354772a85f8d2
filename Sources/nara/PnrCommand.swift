import ArgumentParser
import NaraDomain

struct PnrCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pnr",
        abstract: "Validate and normalise Swedish person identifiers.",
        discussion: """
            Prints one line per identifier: normalised form, kind, birth date, sex, and for a region's \
            reservnummer the region (and any other region that publishes the same shape). Accepts \
            personnummer and samordningsnummer with 10 or 12 digits, '-' or '+', Inera's national \
            reservnummer (NRID) with its check digit, and the local reservnummer of every region that \
            publishes its format (HL7 Sweden's list). An invalid identifier prints its reason on stderr; \
            the exit status is 1 if any was invalid.
            """
    )

    @Argument(help: ArgumentHelp("Identifiers, e.g. 19121212-1212 or 121212-1212.", valueName: "ID"))
    var identifiers: [String]

    @Option(help: ArgumentHelp("Decide the century of 10-digit numbers as of this day (YYYY-MM-DD).",
                               valueName: "DATE"))
    var today: String?

    func run() throws {
        let day: LocalDate
        if let today {
            guard let parsed = LocalDate(iso: today) else {
                throw ValidationError("--today must be a date written YYYY-MM-DD, not '\(today)'")
            }
            day = parsed
        } else {
            day = SystemClock().today
        }
        var failed = false
        for text in identifiers {
            do {
                let id = try PersonIdentifier.parse(text, today: day)
                var fields = [id.display, id.kind.rawValue, id.birthDate?.iso ?? "unknown", id.sex.rawValue]
                if let region = id.kind.region {
                    let others = id.otherReserveRegions.map { ReserveFormat.of($0).name }
                    fields.append(ReserveFormat.of(region).name + (others.isEmpty ? "" : " (same shape: "
                        + others.joined(separator: ", ") + ")"))
                }
                print(fields.joined(separator: "\t"))
            } catch {
                Output.error("\(CleanText.line(text)): \(error.description)")
                failed = true
            }
        }
        if failed { throw ExitCode(1) }
    }
}
