/// The interface language. Swedish is the default: the program is for Swedish clinics;
/// English is for visiting staff and for reviewers.
public enum Language: String, CaseIterable, Sendable {
    case sv, en

    public var strings: Strings { self == .sv ? .swedish : .english }

    /// `--lang`, else `NARA_LANG`, else Swedish.
    public static func resolve(option: String?, environment: [String: String]) -> Language? {
        if let option { return Language(rawValue: option.lowercased()) }
        if let env = environment["NARA_LANG"], !env.isEmpty { return Language(rawValue: env.lowercased()) ?? .sv }
        return .sv
    }
}
