// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "rivulet",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "rivulet", targets: ["rivulet"]),
        .library(name: "RivuletHTTP", targets: ["RivuletHTTP"]),
        .library(name: "RivuletAWS", targets: ["RivuletAWS"]),
        .library(name: "RivuletClient", targets: ["RivuletClient"]),
        .library(name: "RivuletStorage", targets: ["RivuletStorage"]),
        .library(name: "RivuletAggregation", targets: ["RivuletAggregation"]),
        .library(name: "RivuletProducer", targets: ["RivuletProducer"]),
        .library(name: "RivuletLeases", targets: ["RivuletLeases"]),
        .library(name: "RivuletConsumer", targets: ["RivuletConsumer"]),
        .library(name: "RivuletAgent", targets: ["RivuletAgent"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-http2.git", from: "1.46.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/swift-extras/swift-extras-base64.git", from: "1.2.0"),
        .package(url: "https://github.com/vapor/sqlite-nio.git", from: "1.13.2"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
    ],
    targets: [
        .target(name: "CRC32C", path: "Sources/CRC32C"),
        .target(
            name: "RivuletCore",
            dependencies: [
                "CRC32C",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "RivuletStorage",
            dependencies: [
                "RivuletCore",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ]
        ),
        .target(
            name: "RivuletWire",
            dependencies: [
                "RivuletCore",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ExtrasBase64", package: "swift-extras-base64"),
            ]
        ),
        .target(
            name: "RivuletAWS",
            dependencies: [
                "RivuletCore",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "RivuletHTTP",
            dependencies: [
                "RivuletCore",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "NIOHTTP2", package: "swift-nio-http2"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .target(
            name: "RivuletServer",
            dependencies: [
                "RivuletCore", "RivuletStorage", "RivuletWire", "RivuletHTTP", "RivuletAWS",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .target(
            name: "RivuletClient",
            dependencies: [
                "RivuletCore", "RivuletWire", "RivuletAWS",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "RivuletAggregation",
            dependencies: [
                "RivuletCore",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "RivuletProducer",
            dependencies: [
                "RivuletCore", "RivuletWire", "RivuletClient", "RivuletAggregation",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ]
        ),
        .target(
            name: "RivuletLeases",
            dependencies: [
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        .target(
            name: "RivuletConsumer",
            dependencies: [
                "RivuletCore", "RivuletWire", "RivuletClient", "RivuletAggregation", "RivuletLeases",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .target(
            name: "RivuletAgent",
            dependencies: [
                "RivuletCore", "RivuletClient", "RivuletProducer",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .target(
            name: "RivuletTestSupport",
            dependencies: [
                "RivuletCore", "RivuletWire", "RivuletClient", "RivuletServer", "RivuletStorage", "RivuletHTTP",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .target(
            name: "RivuletBench",
            dependencies: [
                "RivuletCore", "RivuletWire", "RivuletClient",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "RivuletCLI",
            dependencies: [
                "RivuletCore", "RivuletStorage", "RivuletWire", "RivuletHTTP", "RivuletAWS", "RivuletServer",
                "RivuletClient", "RivuletBench", "RivuletAggregation", "RivuletProducer", "RivuletLeases", "RivuletConsumer",
                "RivuletAgent",
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .executableTarget(name: "rivulet", dependencies: ["RivuletCLI"]),
        .testTarget(name: "RivuletCoreTests", dependencies: ["RivuletCore"]),
        .testTarget(
            name: "RivuletStorageTests",
            dependencies: ["RivuletStorage", "RivuletCore", .product(name: "Logging", package: "swift-log")]
        ),
        .testTarget(
            name: "RivuletWireTests",
            dependencies: ["RivuletWire", "RivuletCore", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .testTarget(
            name: "RivuletHTTPTests",
            dependencies: [
                "RivuletHTTP",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .testTarget(
            name: "RivuletServerTests",
            dependencies: [
                "RivuletServer", "RivuletHTTP", "RivuletStorage", "RivuletWire", "RivuletCore",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "RivuletAWSTests",
            dependencies: [
                "RivuletAWS", "RivuletCore",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "RivuletClientTests", dependencies: ["RivuletClient", "RivuletAWS", "RivuletWire", "RivuletCore"]),
        .testTarget(name: "RivuletBenchTests", dependencies: ["RivuletBench"]),
        .testTarget(
            name: "RivuletAggregationTests",
            dependencies: ["RivuletAggregation", "RivuletCore", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .testTarget(
            name: "RivuletProducerTests",
            dependencies: [
                "RivuletProducer", "RivuletAggregation", "RivuletClient", "RivuletWire", "RivuletCore",
                "RivuletTestSupport",
            ]
        ),
        .testTarget(
            name: "RivuletLeasesTests",
            dependencies: ["RivuletLeases", .product(name: "PostgresNIO", package: "postgres-nio")]
        ),
        .testTarget(
            name: "RivuletConsumerTests",
            dependencies: [
                "RivuletConsumer", "RivuletLeases", "RivuletAggregation", "RivuletClient", "RivuletWire", "RivuletCore",
                "RivuletTestSupport",
            ]
        ),
        .testTarget(
            name: "RivuletAgentTests",
            dependencies: [
                "RivuletAgent", "RivuletClient", "RivuletWire", "RivuletCore", "RivuletAggregation",
                "RivuletTestSupport",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
