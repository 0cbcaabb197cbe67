// swift-tools-version: 6.1
import Foundation
import PackageDescription

let package = Package(
    name: "TwoHats",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "twohats", targets: ["twohats"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing", from: "1.19.7"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CNcurses",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        .executableTarget(name: "ContentEmbedder", dependencies: ["TwoHatsContent"]),
        .plugin(
            name: "EmbedContent",
            capability: .buildTool(),
            dependencies: ["ContentEmbedder"]
        ),
        .target(name: "TwoHatsContent", dependencies: [.product(name: "Yams", package: "Yams")]),
        // The Content/ folder, read and validated when the app is built, as Swift values.
        .target(name: "TwoHatsDefaultPack", dependencies: ["TwoHatsContent"], plugins: ["EmbedContent"]),
        .target(name: "TwoHatsCore", dependencies: ["TwoHatsContent"]),
        .target(name: "TwoHatsUI", dependencies: ["TwoHatsCore", "TwoHatsContent"]),
        .target(name: "TwoHatsExport", dependencies: ["TwoHatsCore", "TwoHatsContent"]),
        .target(
            name: "TwoHatsStore",
            dependencies: [
                "TwoHatsCore", "TwoHatsExport",
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        .target(name: "TwoHatsTerminal", dependencies: ["CNcurses", "TwoHatsContent", "TwoHatsCore", "TwoHatsUI"]),
        .target(
            name: "TwoHatsCommands",
            dependencies: [
                "TwoHatsContent", "TwoHatsDefaultPack", "TwoHatsCore", "TwoHatsUI", "TwoHatsTerminal", "TwoHatsStore", "TwoHatsExport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .executableTarget(name: "twohats", dependencies: ["TwoHatsCommands"]),
        .executableTarget(
            name: "TwoHatsBench",
            dependencies: [
                "TwoHatsContent", "TwoHatsDefaultPack", "TwoHatsCore", "TwoHatsUI", "TwoHatsStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "TwoHatsContentTests", dependencies: ["TwoHatsContent", "TwoHatsDefaultPack"]),
        .testTarget(
            name: "TwoHatsCoreTests",
            dependencies: [
                "TwoHatsContent", "TwoHatsDefaultPack", "TwoHatsCore",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "TwoHatsUITests",
            dependencies: [
                "TwoHatsContent", "TwoHatsDefaultPack", "TwoHatsCore", "TwoHatsUI",
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["__Snapshots__"]
        ),
        .testTarget(
            name: "TwoHatsStoreTests",
            dependencies: ["TwoHatsStore", "TwoHatsExport", "TwoHatsContent", "TwoHatsDefaultPack", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "TwoHatsExportTests",
            dependencies: [
                "TwoHatsExport", "TwoHatsContent", "TwoHatsDefaultPack", "TwoHatsCore",
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
            ],
            exclude: ["__Snapshots__"]
        ),
        .testTarget(name: "TwoHatsTerminalTests", dependencies: ["TwoHatsTerminal"]),
        .testTarget(
            name: "TwoHatsCommandsTests",
            dependencies: [
                "TwoHatsCommands", "TwoHatsDefaultPack", "TwoHatsExport", "TwoHatsStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
            ],
            // Read from the source tree through #filePath: broken packs and golden output.
            exclude: ["Fixtures", "__Snapshots__"]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// libFuzzer targets, only for `make fuzz`, which sets TWOHATS_FUZZ to the path of libFuzzer's
// library without a main (libclang_rt.fuzzer_no_main) and builds in .build-fuzz. Each target's
// main hands over to libFuzzer; `--sanitize=fuzzer` is not used because it would put libFuzzer's
// own main into every executable, ContentEmbedder too.
if let libFuzzer = ProcessInfo.processInfo.environment["TWOHATS_FUZZ"] {
    package.targets.append(.target(name: "FuzzDriver", path: "Fuzz/FuzzDriver"))
    for (name, module) in [("FuzzKeyDecoder", "TwoHatsTerminal"), ("FuzzContentPack", "TwoHatsDefaultPack"), ("FuzzImport", "TwoHatsExport")] {
        package.targets.append(.executableTarget(
            name: name,
            dependencies: Array(Set(["FuzzDriver", module, "TwoHatsContent", "TwoHatsCore"])).sorted().map { .target(name: $0) },
            path: "Fuzz/\(name)",
            linkerSettings: [.unsafeFlags(["-Xlinker", libFuzzer, "-lstdc++"])]
        ))
    }
}
