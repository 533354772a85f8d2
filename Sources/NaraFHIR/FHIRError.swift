/// Why a file was not imported. Each case names what is wrong and, for a resource,
/// where it is (entry or line, type and id) and which field.
public enum FHIRError: Error, Equatable, Sendable, CustomStringConvertible {
    case brokenJSON(String)
    /// A line of an NDJSON file that is not JSON.
    case brokenLine(line: Int, String)
    case notFHIR(String)
    case field(origin: String, path: String, problem: String)
    /// The file itself: cannot be read, or above `FHIRReader.maxFileBytes`.
    case file(String)

    public var description: String {
        switch self {
        case .brokenJSON(let why): return "not valid JSON: \(why)"
        case .brokenLine(let line, let why): return "line \(line): not valid JSON: \(why)"
        case .notFHIR(let why): return why
        case .field(let origin, let path, let problem): return "\(origin): \(path): \(problem)"
        case .file(let why): return why
        }
    }
}
