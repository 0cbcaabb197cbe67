import Foundation
import Yams

/// Reads a content pack from YAML text or from a folder. The pack built into the binary is
/// `TwoHatsDefaultPack`'s, read and checked by this same loader when the app is built.
public enum PackLoader {
    public static let packFile = "pack.yaml"
    public static let contrastsFolder = "contrasts"

    /// Loads `DIR/pack.yaml` and `DIR/contrasts/*.yaml`.
    public static func load(directory: URL) throws(ContentPackError) -> ContentPack {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ContentPackError(issues: [
                ContentIssue(.missingFile, file: directory.path, message: "no such folder"),
            ])
        }
        var files: [(path: String, text: String)] = []
        var issues: [ContentIssue] = []
        var paths = [packFile]
        let contrastNames = (try? manager.contentsOfDirectory(
            atPath: directory.appending(path: contrastsFolder).path
        )) ?? []
        paths += contrastNames.filter { $0.hasSuffix(".yaml") }.sorted().map { "\(contrastsFolder)/\($0)" }
        for path in paths {
            let url = directory.appending(path: path)
            guard let data = manager.contents(atPath: url.path) else {
                let exists = manager.fileExists(atPath: url.path)
                issues.append(ContentIssue(
                    exists ? .unreadable : .missingFile, file: path,
                    message: exists ? "cannot be read" : "is missing"
                ))
                continue
            }
            guard let text = String(data: data, encoding: .utf8) else {
                issues.append(ContentIssue(.unreadable, file: path, message: "is not UTF-8 text"))
                continue
            }
            files.append((path, text))
        }
        guard issues.isEmpty else { throw ContentPackError(issues: issues) }
        return try load(files: files)
    }

    /// Loads a pack from `(path, text)` pairs named as in a pack folder.
    public static func load(files: [(path: String, text: String)]) throws(ContentPackError) -> ContentPack {
        var issues: [ContentIssue] = []
        var header: PackHeader?
        var contrasts: [(file: String, node: Node, contrast: Contrast)] = []

        if !files.contains(where: { $0.path == packFile }) {
            issues.append(ContentIssue(.missingFile, file: packFile, message: "is missing"))
        }
        for file in files {
            guard let node = compose(file, issues: &issues) else { continue }
            issues += (file.path == packFile ? PackShape.pack : PackShape.contrast).unknownFields(in: node, file: file.path)
            if file.path == packFile {
                if let decoded = decode(PackHeader.self, from: node, file: file.path, issues: &issues) {
                    header = decoded
                    PackValidator.validate(decoded, node: node, file: file.path, issues: &issues)
                }
            } else if let decoded = decode(Contrast.self, from: node, file: file.path, issues: &issues) {
                contrasts.append((file.path, node, decoded))
            }
        }
        if contrasts.isEmpty, header != nil {
            issues.append(ContentIssue(
                .missingFile, file: "\(contrastsFolder)/", message: "holds no contrast (*.yaml)"
            ))
        }
        PackValidator.validate(contrasts, fileCount: files.filter { $0.path != packFile }.count, sourceIDs: header.map { Set($0.sources.map(\.id)) }, issues: &issues)

        guard issues.isEmpty, let header else { throw ContentPackError(issues: issues) }
        return ContentPack(
            id: header.id, version: header.version, title: header.title, welcome: header.welcome,
            about: header.about, themes: header.themes, sources: header.sources,
            contrasts: contrasts.map(\.contrast)
        )
    }

    private static func compose(_ file: (path: String, text: String), issues: inout [ContentIssue]) -> Node? {
        do {
            guard let node = try Yams.compose(yaml: file.text) else {
                issues.append(ContentIssue(.empty, file: file.path, message: "is empty"))
                return nil
            }
            return node
        } catch let error as YamlError {
            issues.append(yamlIssue(error, file: file))
        } catch {
            issues.append(ContentIssue(.notYAML, file: file.path, message: "is not valid YAML"))
        }
        return nil
    }

    private static func yamlIssue(_ error: YamlError, file: (path: String, text: String)) -> ContentIssue {
        ContentIssue(
            .notYAML, file: file.path, line: YAMLProblem.line(of: error, in: file.text),
            message: "is not valid YAML: \(YAMLProblem.summary(of: error))"
        )
    }

    private static func decode<T: Decodable>(
        _ type: T.Type, from node: Node, file: String, issues: inout [ContentIssue]
    ) -> T? {
        do {
            return try YAMLDecoder().decode(type, from: node)
        } catch let error as DecodingError {
            issues.append(decodingIssue(error, node: node, file: file))
        } catch {
            issues.append(ContentIssue(.wrongType, file: file, message: "cannot be read: \(error)"))
        }
        return nil
    }

    private static func decodingIssue(_ error: DecodingError, node: Node, file: String) -> ContentIssue {
        switch error {
        case let .keyNotFound(key, context):
            let path = context.codingPath
            let field = NodePath.describe(path + [key])
            return ContentIssue(
                .missingField, file: file, field: field, line: NodePath.line(of: path, in: node),
                message: "is required but missing"
            )
        case let .typeMismatch(type, context), let .valueNotFound(type, context):
            return ContentIssue(
                .wrongType, file: file, field: NodePath.describe(context.codingPath),
                line: NodePath.line(of: context.codingPath, in: node),
                message: "should be \(NodePath.typeName(type))"
            )
        case let .dataCorrupted(context):
            return ContentIssue(
                .wrongType, file: file, field: NodePath.describe(context.codingPath),
                line: NodePath.line(of: context.codingPath, in: node),
                message: "has a value of the wrong kind (\(context.debugDescription))"
            )
        @unknown default:
            return ContentIssue(.wrongType, file: file, message: "cannot be read")
        }
    }
}

/// The fields of `pack.yaml`.
struct PackHeader: Decodable {
    var id: String
    var version: Int
    var title: String
    var welcome: [String]
    var about: String
    var themes: [Theme]
    var sources: [Source]
}
