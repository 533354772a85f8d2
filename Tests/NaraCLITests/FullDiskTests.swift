import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The real binary on a really full filesystem: a tmpfs of a few MiB, mounted where the
/// test may mount (root). Without that, the store tests' page-limit variant
/// (FullDiskStoreTests) is what runs.
@Suite struct FullDiskTests {
    /// Mounts a small tmpfs, 0700 (a tmpfs is 1777 by default, and nara refuses a store
    /// in a folder others can write); nil where mounting is not allowed.
    static func mountSmallDisk(megabytes: Int) -> URL? {
        guard getuid() == 0 else { return nil }
        let point = temporaryFolder()
        let mount = Process()
        mount.executableURL = URL(fileURLWithPath: "/bin/mount")
        mount.arguments = ["-t", "tmpfs", "-o", "size=\(megabytes)m,mode=0700", "tmpfs", point.path]
        mount.standardError = FileHandle.nullDevice
        guard (try? mount.run()) != nil else { return nil }
        mount.waitUntilExit()
        return mount.terminationStatus == 0 ? point : nil
    }

    static func unmount(_ point: URL) {
        let umount = Process()
        umount.executableURL = URL(fileURLWithPath: "/bin/umount")
        umount.arguments = ["-l", point.path]
        try? umount.run()
        umount.waitUntilExit()
        try? FileManager.default.removeItem(at: point)
    }

    @Test func aWriterOnAFullFilesystemSaysSoKeepsEverythingAndGoesOnReading() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = folder.appendingPathComponent("s.sqlite").path
        #expect(try NaraBinary.run(["demo", "--store", original, "--patients", "60", "--seed", "9"]).status == 0)
        let size = (try FileManager.default.attributesOfItem(atPath: original)[.size] as? Int) ?? 0
        guard let disk = Self.mountSmallDisk(megabytes: size / (1024 * 1024) + 2) else {
            print("full-disk test on a real filesystem skipped: cannot mount a tmpfs here")
            return
        }
        defer { Self.unmount(disk) }
        let path = disk.appendingPathComponent("s.sqlite").path
        try FileManager.default.copyItem(atPath: original, toPath: path)

        let writer = try RunningNara(["selftest", "write", "--store", path, "--until-full", "--print-ids"])
        let status = writer.finish(seconds: 120)
        let ids = writer.lines.compactMap { Int64($0) }
        #expect(status == 1, "\(writer.output)")
        #expect(writer.output.contains("the disk is full: nothing was saved"), "\(writer.output)")
        #expect(writer.output.contains("still reading: "), "\(writer.output)")
        #expect(writer.output.contains("integrity ok"), "\(writer.output)")
        #expect(ids.count > 10)

        // Every commit the writer confirmed is in the file, with its log row; the file is sound.
        let facts = try sqliteShell(path, """
            PRAGMA integrity_check;
            SELECT count(*) FROM encounter WHERE reason LIKE 'selftest %';
            SELECT count(*) FROM access_log WHERE session_id LIKE 'selftest-%';
            """).split(separator: "\n").map(String.init)
        #expect(facts == ["ok", "\(ids.count)", "\(ids.count)"])
        let check = try NaraBinary.run(["check", "--store", path])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("integrity\tok"))
        let verify = try NaraBinary.run(["audit", "verify", "--store", path])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        // A second writer on the still-full disk is refused the same way.
        let again = try NaraBinary.run(["selftest", "write", "--store", path, "--count", "50"])
        if again.status != 0 { #expect(again.stderr.contains("disk is full"), "\(again.stderr)") }
    }
}
