import TmuxTesting

extension TmuxSession {
    /// The backend's check program, writing its process id where the tests look for it.
    convenience init(environment: [String: String?], arguments: [String] = [], width: Int = 80,
                     height: Int = 24) throws {
        try self.init(binary: "nara-terminal-check", environment: environment, arguments: arguments, width: width,
                      height: height, pidFileVariable: "NARA_CHECK_PID_FILE")
    }
}
