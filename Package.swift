// swift-tools-version:6.0
// taskreport: run a night's tasks and turn task records into a static HTML report.
// Stages, one module each: Ingest → Stats (+ CStatsKernel) → Charts (+ CCairo) → Report.
import PackageDescription

let package = Package(
    name: "taskreport",
    products: [
        .executable(name: "taskreport", targets: ["taskreport"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // The command line: parses arguments and wires the stages together.
        .executableTarget(
            name: "taskreport",
            dependencies: [
                "TaskModel", "Ingest", "Stats", "Charts", "Report", "Scheduler", "Store",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),

        // Shared vocabulary: the columnar task table and status kinds. Imports no stage.
        .target(name: "TaskModel"),

        // System libraries, each behind a tiny module map.
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CCairo", pkgConfig: "cairo", providers: [.apt(["libcairo2-dev"])]),

        // A small Swift wrapper over the sqlite3 C API (connections, statements, typed errors).
        .target(name: "SQLite", dependencies: ["CSQLite"]),

        // C++ columnar builder with a C interface: simdjson parsing, validation, dictionary encoding.
        .target(
            name: "CTaskColumns",
            linkerSettings: [.linkedLibrary("simdjson")]
        ),
        .target(name: "Ingest", dependencies: ["TaskModel", "CTaskColumns", "SQLite"]),

        // The embedded store a run is recorded in; knows nothing of the scheduler.
        .target(name: "Store", dependencies: ["SQLite", "TaskModel"]),
        // Runs a task file: processes, HTTP checks, dependencies, retries; writes through the Store.
        .target(
            name: "Scheduler",
            dependencies: ["Store", "TaskModel", .product(name: "Subprocess", package: "swift-subprocess")]
        ),

        // Plain C99 statistics kernel; knows nothing of Swift.
        .target(name: "CStatsKernel"),
        .target(name: "Stats", dependencies: ["TaskModel", "CStatsKernel"]),

        // PNG encoding: rows filtered in one pass, zlib at level 1 run-length (Cairo's writer is slow).
        .target(name: "CPNGEncoder", linkerSettings: [.linkedLibrary("z")]),
        .target(name: "Charts", dependencies: ["Stats", "TaskModel", "CCairo", "CPNGEncoder"]),

        // Report templates live in Templates/ at the top level; the plugin embeds them as defaults.
        .executableTarget(name: "TemplateEmbedder"),
        .plugin(name: "EmbedTemplates", capability: .buildTool(), dependencies: ["TemplateEmbedder"]),
        .target(
            name: "Report",
            dependencies: [
                "TaskModel", "Stats", "Charts",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            plugins: ["EmbedTemplates"]
        ),

        // Helpers shared by the test targets: fixture paths, temporary folders, the built binary.
        .target(name: "TestSupport", dependencies: ["TaskModel", "CCairo"], path: "Tests/TestSupport"),
        .testTarget(name: "TaskModelTests", dependencies: ["TaskModel"]),
        .testTarget(name: "StatsTests", dependencies: ["Stats", "TaskModel", "TestSupport"]),
        .testTarget(name: "IngestTests", dependencies: ["Ingest", "TaskModel", "SQLite", "TestSupport"]),
        .testTarget(name: "ChartsTests", dependencies: ["Charts", "Stats", "TaskModel", "CCairo", "TestSupport"]),
        .testTarget(
            name: "SchedulerTests", dependencies: ["Scheduler", "Store", "SQLite", "TaskModel", "TestSupport", "taskreport"]),
        // Opens generated reports in headless Chromium (Debian's chromium, installed by make test).
        .testTarget(name: "BrowserTests", dependencies: ["TaskModel", "TestSupport"]),
        .testTarget(
            name: "ReportTests",
            dependencies: ["Report", "Ingest", "Stats", "Charts", "TaskModel", "SQLite", "TestSupport", "taskreport"]),
    ],
    cLanguageStandard: .c99,
    cxxLanguageStandard: .cxx20
)
