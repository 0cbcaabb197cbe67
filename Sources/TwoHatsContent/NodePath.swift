import Yams

/// Turns a decoder's coding path into a readable field name and a line in the YAML file.
enum NodePath {
    static func describe(_ path: [any CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text.isEmpty ? "(top level)" : text
    }

    /// The line of the node at `path`, or of its nearest ancestor that exists.
    static func line(of path: [any CodingKey], in root: Node) -> Int? {
        var node = root
        for key in path {
            let child: Node?
            if let index = key.intValue, case let .sequence(sequence) = node, index < sequence.count {
                child = sequence[index]
            } else {
                child = node[key.stringValue]
            }
            guard let child else { break }
            node = child
        }
        return node.mark?.line
    }

    static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "text"
        case is Int.Type: "a whole number"
        case is Bool.Type: "true or false"
        // Yams names the node it expected when the YAML has the wrong shape.
        case is Node.Scalar.Type: "a single value"
        case is Node.Sequence.Type: "a list"
        default:
            String(describing: type).hasPrefix("Array") ? "a list" : "a mapping of fields"
        }
    }
}
