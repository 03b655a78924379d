// swift-tools-version:6.0
// taskreport: run a night's tasks and turn task records into a static HTML report.
//
// The data path, one module per stage, arrows in the direction of the data:
//
//   Scheduler ──▶ Store ──(SQLite file)──▶ Ingest ──▶ Stats ──▶ Charts ──▶ Report
//   (+ swift-subprocess)                   (+ CTaskColumns, C++/simdjson)
//                                                     (+ CStatsKernel, C99)
//                                                               (+ CCairo, CPNGEncoder)
//
// Each stage's C or C++ core sits in a folder of its own inside the stage's
// folder. SQLite (+ CSQLite) wraps the sqlite3 C API for Store and Ingest.
// TaskModel is the shared vocabulary (the columnar table, status kinds) and
// imports no stage; Support holds text formatting and escaping, UTC time
// arithmetic and two concurrency helpers, and imports nothing of ours.
// Pipeline knows every stage and runs a report, or a nightly run, end to end;
// the command line (taskreport) parses arguments and calls it.
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
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
    ],
    targets: [
        // The command line: parses arguments, calls the pipeline, maps its outcome to output and exit codes.
        .executableTarget(
            name: "taskreport",
            dependencies: [
                "Pipeline", "Support", "Ingest", "Stats", "Charts", "Report", "Scheduler", "Store",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The one module that knows every stage: a report end to end, and a nightly run end to end.
        .target(name: "Pipeline", dependencies: ["Ingest", "Stats", "Report", "Scheduler", "Store", "Support"]),

        // Shared vocabulary: the columnar task table and status kinds. Imports no stage.
        .target(name: "TaskModel"),
        // Text for people (formats, escaping, cutting), UTC time arithmetic, a concurrency helper.
        .target(name: "Support"),

        // The sqlite3 C API behind a small Swift wrapper (connections, statements, typed errors).
        .systemLibrary(name: "CSQLite", path: "Sources/SQLite/CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .target(name: "SQLite", dependencies: ["CSQLite"], exclude: ["CSQLite"]),

        // The embedded store a run is recorded in; knows nothing of the scheduler.
        .target(name: "Store", dependencies: ["SQLite", "TaskModel", "Support"]),
        // Runs a task file: processes, HTTP checks, dependencies, retries; writes through the Store.
        .target(
            name: "Scheduler",
            dependencies: ["Store", "Support", "CHTTPGet", .product(name: "Subprocess", package: "swift-subprocess")],
            exclude: ["CHTTPGet"]
        ),
        // HTTP checks' GETs through libcurl, loaded with dlopen at the first check (not linked: a process
        // that makes none does not load it and its ~30 libraries). libcurl4-openssl-dev gives the header.
        .target(name: "CHTTPGet", path: "Sources/Scheduler/CHTTPGet"),

        // Ingest and its core: a C++ columnar builder with a C interface (simdjson parsing, JUnit XML through
        // libxml2's SAX2 push parser, validation, dictionary encoding), which every input format goes through.
        .systemLibrary(
            name: "CLibXML2", path: "Sources/Ingest/CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .target(
            name: "CTaskColumns", dependencies: ["CLibXML2"], path: "Sources/Ingest/CTaskColumns",
            linkerSettings: [.linkedLibrary("simdjson")]),
        .target(
            name: "Ingest",
            dependencies: ["TaskModel", "Support", "CTaskColumns", "SQLite", .product(name: "SystemPackage", package: "swift-system")],
            exclude: ["CTaskColumns", "CLibXML2"]),

        // Stats and its core: a plain C99 statistics kernel that knows nothing of Swift.
        .target(name: "CStatsKernel", path: "Sources/Stats/CStatsKernel"),
        .target(name: "Stats", dependencies: ["TaskModel", "Support", "CStatsKernel"], exclude: ["CStatsKernel"]),

        // Charts and its cores: Cairo, and a PNG encoder (rows filtered in one pass, zlib at level 1).
        .systemLibrary(name: "CCairo", path: "Sources/Charts/CCairo", pkgConfig: "cairo", providers: [.apt(["libcairo2-dev"])]),
        .target(name: "CPNGEncoder", path: "Sources/Charts/CPNGEncoder", linkerSettings: [.linkedLibrary("z")]),
        .target(
            name: "Charts", dependencies: ["Stats", "TaskModel", "Support", "CCairo", "CPNGEncoder"],
            exclude: ["CCairo", "CPNGEncoder"]),

        // Report: the page from Templates/ (embedded at build time by the plugin), the charts and the data files.
        .target(
            name: "Report",
            dependencies: [
                "TaskModel", "Support", "Stats", "Charts",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "SystemPackage", package: "swift-system"),
            ],
            plugins: ["EmbedTemplates"]
        ),
        // The build tool behind the plugin, beside it: not a runtime stage.
        .executableTarget(name: "TemplateEmbedder", path: "Plugins/TemplateEmbedder"),
        .plugin(name: "EmbedTemplates", capability: .buildTool(), dependencies: ["TemplateEmbedder"]),

        // Helpers shared by the test targets: fixture paths, temporary folders, the built binary.
        .target(name: "TestSupport", dependencies: ["TaskModel", "CCairo"], path: "Tests/TestSupport"),
        .testTarget(name: "SupportTests", dependencies: ["Support"]),
        .testTarget(name: "StatsTests", dependencies: ["Stats", "TaskModel", "TestSupport"]),
        .testTarget(name: "IngestTests", dependencies: ["Ingest", "CTaskColumns", "TaskModel", "SQLite", "TestSupport"]),
        .testTarget(name: "ChartsTests", dependencies: ["Charts", "Stats", "TaskModel", "Support", "CCairo", "CPNGEncoder", "TestSupport"]),
        .testTarget(
            name: "SchedulerTests",
            dependencies: ["Scheduler", "Store", "SQLite", "Support", "TestSupport", "taskreport"]),
        // Opens generated reports in headless Chromium (Debian's chromium, installed by make test).
        .testTarget(name: "BrowserTests", dependencies: ["Support", "TestSupport"]),
        .testTarget(
            name: "ReportTests",
            dependencies: ["Pipeline", "Report", "SQLite", "TestSupport", "taskreport"]),
    ],
    cLanguageStandard: .c99,
    cxxLanguageStandard: .cxx20
)
