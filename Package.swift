// swift-tools-version:6.1
import PackageDescription

/// One set of upcoming-feature flags for every target, as Hummingbird does.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Broadsheet",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "broadsheet", targets: ["broadsheet"]),
        .library(name: "BroadsheetCore", targets: ["BroadsheetCore"]),
        .library(name: "BroadsheetExtraction", targets: ["BroadsheetExtraction"]),
        .library(name: "BroadsheetSearch", targets: ["BroadsheetSearch"]),
        .library(name: "BroadsheetHTTP", targets: ["BroadsheetHTTP"]),
        .library(name: "BroadsheetCorpus", targets: ["BroadsheetCorpus"]),
        .library(name: "BroadsheetAPI", targets: ["BroadsheetAPI"]),
        .library(name: "BroadsheetClient", targets: ["BroadsheetClient"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
    ],
    targets: [
        // Article model, format detection and parsing, sentence splitting: pure, no I/O but the corpus loader.
        .target(name: "BroadsheetCore", swiftSettings: swiftSettings),
        // The JSON bodies of the API: one definition that the server encodes and the client decodes.
        .target(name: "BroadsheetWire", swiftSettings: swiftSettings),
        // Persistent lists: a changed copy shares the chunks the change did not touch.
        .target(name: "BroadsheetCollections", swiftSettings: swiftSettings),
        // Entities, quotes, time expressions and events: pure functions of a parsed document.
        .target(
            name: "BroadsheetExtraction",
            dependencies: [
                "BroadsheetCore", "BroadsheetCollections", .product(name: "HashTreeCollections", package: "swift-collections"),
            ],
            resources: [.copy("Resources/Lexicons")],
            swiftSettings: swiftSettings
        ),
        // The one lock type (a pthread mutex, which ThreadSanitizer sees), shared by the modules below.
        .target(name: "BroadsheetSync", swiftSettings: swiftSettings),
        // Inverted index, BM25 ranking, query language, snippets: pure.
        .target(
            name: "BroadsheetSearch", dependencies: ["BroadsheetCore", "BroadsheetCollections", "BroadsheetSync", "CPrefetch"],
            swiftSettings: swiftSettings),
        // The compiler's cache prefetch hint, for scoring loops whose reads are scattered.
        .systemLibrary(name: "CPrefetch"),
        // System zlib, for gzip response bodies.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // Linux epoll and eventfd headers, for the HTTP event loops.
        .systemLibrary(name: "CEpoll"),
        // HTTP/1.1 engine on POSIX sockets and Dispatch. Knows nothing about news.
        .target(
            name: "BroadsheetHTTP",
            dependencies: ["BroadsheetSync", "CEpoll", "CZlib", .product(name: "Logging", package: "swift-log")],
            swiftSettings: swiftSettings
        ),
        // The live corpus: documents, their extractions, the entity catalog, the search index and the
        // snapshot handlers read; kept in an embedded SQLite database (GRDB) and written to over time.
        .target(
            name: "BroadsheetCorpus",
            dependencies: [
                "BroadsheetCore", "BroadsheetExtraction", "BroadsheetSearch", "BroadsheetSync", "BroadsheetCollections",
                .product(name: "HashTreeCollections", package: "swift-collections"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Routes, DTOs and problem mapping: HTTP concerns only, over the corpus module.
        .target(
            name: "BroadsheetAPI",
            dependencies: [
                "BroadsheetCore", "BroadsheetExtraction", "BroadsheetSearch", "BroadsheetHTTP", "BroadsheetCorpus",
                "BroadsheetSync", "BroadsheetCollections", "BroadsheetWire",
                .product(name: "HashTreeCollections", package: "swift-collections"), .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Resources/openapi.yaml"), .copy("Resources/ui")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "broadsheet",
            dependencies: [
                "BroadsheetAPI", "BroadsheetCorpus", "BroadsheetCore", "BroadsheetExtraction", "BroadsheetHTTP", "BroadsheetSync",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // libcurl, with C shims for its variadic setopt/getinfo.
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        // Typed Swift client over libcurl (used by the end-to-end tests; not linked into the server).
        .target(name: "BroadsheetClient", dependencies: ["CCurl", "CZlib", "BroadsheetWire"], swiftSettings: swiftSettings),

        // Benchmarks (release builds, run by scripts in Benchmarks/; never timed in tests).
        .executableTarget(
            name: "broadsheet-bench",
            dependencies: ["BroadsheetCore", "BroadsheetExtraction", "BroadsheetSearch"],
            path: "Benchmarks/Sources/broadsheet-bench",
            swiftSettings: swiftSettings
        ),

        // libFuzzer targets (scripts/fuzz.sh builds them with -sanitize=fuzzer; a plain build gives
        // replay tools that run them on the files they are given).
        .target(name: "FuzzSupport", path: "Fuzz/FuzzSupport", swiftSettings: swiftSettings),
        .executableTarget(
            name: "FuzzHTTPParser", dependencies: ["BroadsheetHTTP", "FuzzSupport"], path: "Fuzz/FuzzHTTPParser", swiftSettings: swiftSettings),
        .executableTarget(
            name: "FuzzArticleParser", dependencies: ["BroadsheetCore", "FuzzSupport"], path: "Fuzz/FuzzArticleParser",
            swiftSettings: swiftSettings),

        // Test helpers shared by the test targets (never part of a product).
        .target(name: "TestSupport", path: "Tests/TestSupport", swiftSettings: swiftSettings),
        .testTarget(
            name: "BroadsheetCoreTests",
            dependencies: ["BroadsheetCore"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "BroadsheetExtractionTests",
            dependencies: ["BroadsheetCore", "BroadsheetExtraction"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "BroadsheetSearchTests",
            dependencies: ["BroadsheetCore", "BroadsheetSearch", "TestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "BroadsheetHTTPTests",
            dependencies: [
                "BroadsheetHTTP", "BroadsheetSync", "TestSupport", .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "BroadsheetAPITests",
            dependencies: [
                "BroadsheetAPI", "BroadsheetCorpus", "BroadsheetCore", "BroadsheetExtraction", "BroadsheetSearch", "BroadsheetHTTP",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "BroadsheetCorpusTests",
            dependencies: [
                "BroadsheetCorpus", "BroadsheetCore", "BroadsheetExtraction", "BroadsheetSearch", "TestSupport",
                "BroadsheetCollections", .product(name: "HashTreeCollections", package: "swift-collections"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "BroadsheetCollectionsTests", dependencies: ["BroadsheetCollections"], swiftSettings: swiftSettings),
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "BroadsheetAPI", "BroadsheetCorpus", "BroadsheetClient", "BroadsheetCore", "BroadsheetHTTP", "BroadsheetWire", "TestSupport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ],
            // Article files the tests serve, read from the source tree by path (not bundled).
            exclude: ["Corpus"],
            swiftSettings: swiftSettings
        ),
    ]
)
