import Foundation
import NaraDomain
#if canImport(Glibc)
import Glibc
#endif

/// The files and folders the program makes hold patient data, so they are its owner's
/// alone whatever the umask: files 0600, folders 0700. The mode is set on the open
/// descriptor (`fchmod`) or the new folder (`chmod`), not left to the umask. SQLite
/// gives the `-wal`, `-shm` and `-journal` files it makes the mode of the database file,
/// so making that file first, 0600, covers them.
public enum StoreFiles {
    public static let fileMode: mode_t = 0o600
    public static let folderMode: mode_t = 0o700

    /// The path with symlinks resolved, so that every name for one store means the same
    /// lock and sessions files: the file's own real path when it exists, else the real
    /// path of its folder and the file name. Unchanged when the folder does not exist yet.
    public static func resolve(_ path: String) -> String {
        if let real = realPath(path) { return real }
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        guard let realFolder = realPath(folder.isEmpty ? "." : folder) else { return path }
        return realFolder == "/" ? "/" + name : realFolder + "/" + name
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// `mkdir -p`, each folder it makes 0700. Folders already there are left as they are.
    public static func makeFolder(_ path: String) throws {
        guard !path.isEmpty else { return }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw StoreError.other("cannot make the folder \(path): a file is in the way") }
            return
        }
        let parent = (path as NSString).deletingLastPathComponent
        if parent != path { try makeFolder(parent) }
        guard mkdir(path, folderMode) == 0 || errno == EEXIST else {
            throw StoreError.other("cannot make the folder \(path): \(String(cString: strerror(errno)))")
        }
        chmod(path, folderMode)
    }

    /// Makes a new, empty file 0600; never follows a symlink. A regular file another
    /// process made first (a second session creating the same store) is left to it.
    static func createEmpty(_ path: String) throws {
        let fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, fileMode)
        if fd < 0 {
            let error = errno
            var info = stat()
            if error == EEXIST, lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG { return }
            throw StoreError.other("cannot create \(path): \(String(cString: strerror(error)))")
        }
        fchmod(fd, fileMode)
        close(fd)
    }

    /// A new, empty 0600 file with a unique name beside `target` (`mkstemp`):
    /// `<target>.<tag>-` and six random characters. Another process cannot have made it,
    /// nor its `-wal`.
    public static func temporary(beside target: String, tag: String) throws -> String {
        // mkstemp replaces the template's six trailing X's.
        var template = Array((target + "." + tag + "-" + String(repeating: "X", count: 6)).utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            throw StoreError.other("cannot write beside \(target): \(String(cString: strerror(errno)))")
        }
        fchmod(fd, fileMode)
        close(fd)
        let path = String(cString: template)
        for suffix in ["-wal", "-shm", "-journal"] where FileManager.default.fileExists(atPath: path + suffix) {
            unlink(path)
            throw StoreError.other("cannot write beside \(target): \(path + suffix) is in the way")
        }
        return path
    }

    /// Refuses a store whose file or folder others (not its owner, not its group) can
    /// write: anyone could replace the file, or put a `-wal` beside it that SQLite
    /// would read as the store's own.
    static func checkOthersCannotWrite(store path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        for candidate in [path, folder.isEmpty ? "." : folder] {
            var info = stat()
            guard stat(candidate, &info) == 0 else { continue }
            if info.st_mode & S_IWOTH != 0 {
                throw StoreError.othersCanWrite(store: path, path: candidate)
            }
        }
    }

    /// Every name SQLite may keep beside a database file.
    static let companions = ["-wal", "-shm", "-journal"]
}
