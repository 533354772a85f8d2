import ArgumentParser
import Foundation
import NaraDomain

/// `nara audit review`: the rows an administrator must look at for a period
/// (logguppföljning): every emergency access, and a sample of the rest.
struct AuditReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "List a period's emergency accesses and a random sample of other accesses for review.",
        discussion: "The sample is drawn from --seed: the same seed and period give the same rows, so a review "
            + "can be shown afterwards to have covered what it says. Without --seed one is chosen and printed. "
            + "Mark rows with `nara audit mark`."
    )

    @OptionGroup var userOption: UserOption
    @OptionGroup var storeOptions: StoreOptions
    @Option(help: ArgumentHelp("First day of the period (YYYY-MM-DD), default six days before --to.", valueName: "DATE"))
    var from: String?
    @Option(help: ArgumentHelp("Last day of the period (YYYY-MM-DD), default today.", valueName: "DATE"))
    var to: String?
    @Option(help: ArgumentHelp("How many non-emergency accesses to sample.", valueName: "N"))
    var sample: Int = 20
    @Option(help: ArgumentHelp("The sample's seed.", valueName: "N"))
    var seed: UInt64?
    @Option(help: ArgumentHelp("Output format: table, csv or json.", valueName: "FORMAT"))
    var format: AuditExtractCommand.Format = .table

    func validate() throws {
        if let from, LocalDate(iso: from) == nil { throw ValidationError("--from must be YYYY-MM-DD") }
        if let to, LocalDate(iso: to) == nil { throw ValidationError("--to must be YYYY-MM-DD") }
        guard sample >= 0 else { throw ValidationError("--sample cannot be negative") }
    }

    func run() throws {
        try reportingFailures {
            let store = try storeOptions.open()
            let reviewer = try AuditReviewCommand.administrator(userOption, in: store)
            let last = to.flatMap(LocalDate.init(iso:)) ?? SystemClock().today
            let first = from.flatMap(LocalDate.init(iso:)) ?? last.adding(days: -6)
            let seed = self.seed ?? UInt64.random(in: 0...999_999)
            let items = try store.reviewSample(from: first, to: last, sample: sample, seed: seed,
                                               as: AccessContext(staffId: reviewer.id, unitId: reviewer.unitId,
                                                                 sessionId: "cli-\(getpid())"))
            var reviewers: [StaffID: String] = [:]
            for case let reviewer? in items.map(\.review?.reviewer) where reviewers[reviewer] == nil {
                reviewers[reviewer] = try store.staff(reviewer)?.name ?? ""
            }
            let period = AuditReviewOutput.Period(from: first, to: last, seed: seed)
            print(AuditReviewOutput.render(items, reviewers: reviewers, period: period, format: format), terminator: "")
        }
    }

    /// Reviewing shows who looked at which patient: only administrators see it. The
    /// store checks again when a mark is written.
    static func administrator(_ option: UserOption, in store: any CareStore) throws -> Staff {
        guard let user = option.user else { throw StoreError.invalid("name the reviewing administrator with --user") }
        guard let staff = try store.staff(StaffID(rawValue: user)) else { throw StoreError.unknownStaff(StaffID(rawValue: user)) }
        guard staff.active else { throw StoreError.inactiveStaff(staff.id) }
        guard staff.rights.contains(.logReview) else {
            throw StoreError.invalid("only an administrator reviews the access log")
        }
        return staff
    }
}

/// `nara audit mark`: documents the review of one row.
struct AuditMarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mark",
        abstract: "Mark one access-log row reviewed, with a verdict and a comment.",
        discussion: "A mark cannot be changed or removed, and is itself written to the access log."
    )

    enum Verdict: String, ExpressibleByArgument, CaseIterable {
        case ok
        case followUp = "follow-up"

        var stored: AccessReviewVerdict { self == .ok ? .ok : .followUp }
    }

    @OptionGroup var userOption: UserOption
    @OptionGroup var storeOptions: StoreOptions
    @Option(help: ArgumentHelp("The access-log row's id, as `nara audit review` shows it.", valueName: "N"))
    var row: Int64
    @Option(help: ArgumentHelp("ok or follow-up.", valueName: "VERDICT"))
    var verdict: Verdict
    @Option(help: ArgumentHelp("What was checked and found.", valueName: "TEXT"))
    var comment: String

    func run() throws {
        try reportingFailures {
            let store = try storeOptions.open()
            let staff = try AuditReviewCommand.administrator(userOption, in: store)
            let context = AccessContext(staffId: staff.id, unitId: staff.unitId,
                                        clientAddress: ProcessInfo.processInfo.environment["SSH_CONNECTION"]
                                            .flatMap { $0.split(separator: " ").first.map(String.init) },
                                        sessionId: "cli-\(getpid())")
            let review = try store.markReviewed(logId: row, verdict: verdict.stored, comment: comment, as: context)
            print("row \(review.logId) reviewed: \(verdict.rawValue)")
        }
    }
}
