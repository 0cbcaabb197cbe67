import TwoHatsContent

extension PackLoader {
    /// The pack built from the top-level `Content/` folder. It was loaded and validated when
    /// the app was built (a broken pack fails the build), so starting up decodes no YAML.
    public static func defaultPack() -> ContentPack {
        EmbeddedContent.pack
    }

    /// The default pack's YAML files as they are in `Content/`, for `content init`.
    public static var defaultFiles: [(path: String, text: String)] { EmbeddedContent.files }
}
