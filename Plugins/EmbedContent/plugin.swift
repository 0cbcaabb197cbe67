import Foundation
import PackagePlugin

/// Embeds the package's top-level `Content/` folder into the target that uses the plugin.
@main
struct EmbedContent: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let content = context.package.directoryURL.appending(path: "Content")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedContent.swift")
        var inputs: [URL] = []
        if let walker = FileManager.default.enumerator(at: content, includingPropertiesForKeys: nil) {
            for case let url as URL in walker where url.pathExtension == "yaml" {
                inputs.append(url)
            }
        }
        return [
            .buildCommand(
                displayName: "Embedding the content pack",
                executable: try context.tool(named: "ContentEmbedder").url,
                arguments: [content.path, output.path],
                inputFiles: inputs,
                outputFiles: [output]
            ),
        ]
    }
}
