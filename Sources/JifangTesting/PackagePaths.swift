import Foundation

/// Where the package's own files and built products are, found from this source file.
public enum PackagePaths {
    /// The package root (the directory holding Package.swift).
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The directory of the test binary, where SwiftPM also puts the package's executables.
    public static var products: URL {
        Bundle.main.executableURL?.deletingLastPathComponent() ?? root.appendingPathComponent(".build/debug")
    }

    /// A built executable of this package, e.g. `jifang`.
    public static func executable(_ name: String) -> URL {
        products.appendingPathComponent(name)
    }
}
