import ArgumentParser
import Foundation

/// Renders HTML to PDF with headless Chromium's `--print-to-pdf`.
enum PDFRenderer {
    static let candidates = ["chromium", "chromium-browser", "google-chrome", "headless_shell"]

    static func render(html: String, to output: String) throws {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
        guard
            let browser = candidates.lazy.flatMap({ name in paths.map { "\($0)/\(name)" } })
                .first(where: { FileManager.default.isExecutableFile(atPath: $0) })
        else {
            throw ValidationError("--format pdf needs Chromium; install it (.ci/setup does) or use --format html.")
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("jifang-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let htmlFile = directory.appendingPathComponent("report.html")
        try Data(html.utf8).write(to: htmlFile)
        let target = URL(fileURLWithPath: output).standardizedFileURL.path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
            "--user-data-dir=\(directory.path)/profile", "--print-to-pdf=\(target)", htmlFile.absoluteString,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: target) else {
            throw ValidationError("\(browser) could not print \(target) (exit \(process.terminationStatus)).")
        }
    }
}
