import Foundation
import PackagePlugin

/// Embeds the package's `Themes/*.toml` in the target it is applied to, so an installed
/// `nara` carries its shipped themes inside the binary and never looks for a source tree.
///
/// SwiftPM runs this plugin only when it re-plans the build (a manifest or source-file
/// change), not at every build. So the tool lists the folder itself when it runs, and
/// the folder is an input as well as each file: editing a file reruns the tool, and so
/// does adding or removing one, which changes the folder. One gap remains: a file added
/// since the last re-plan is not an input of its own, so editing it in place (without
/// the folder changing) goes unseen until the next re-plan; the test that compares the
/// embedded text with `Themes/` catches that.
@main
struct EmbedThemes: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder = context.package.directoryURL.appending(path: "Themes")
        let themes = try FileManager.default
            .contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "toml" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedThemes.swift")
        return [
            .buildCommand(
                displayName: "Embedding Themes/*.toml in \(target.name)",
                executable: try context.tool(named: "embed-themes").url,
                arguments: [output.path(percentEncoded: false), folder.path(percentEncoded: false)],
                inputFiles: [folder] + themes,
                outputFiles: [output]
            ),
        ]
    }
}
