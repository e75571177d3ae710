import Foundation
import HTTPTypes
import HummingbirdTesting
import JifangTesting
import NIOCore

/// A W3C WebDriver client for Debian's chromium-driver driving headless Chromium: just enough to
/// navigate, type, click, read the page and take screenshots.
final class WebDriver: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static let chromium = "/usr/bin/chromium"
    static let driver = "/usr/bin/chromedriver"
    static let elementKey = "element-6066-11e4-a52e-4f735466cecf"

    let process: ChildProcess
    let port: Int
    private(set) var session = ""

    /// Starts chromedriver on a free loopback port and opens a headless browser session.
    init(log: String) async throws {
        guard FileManager.default.isExecutableFile(atPath: Self.driver),
            FileManager.default.isExecutableFile(atPath: Self.chromium)
        else {
            throw Failure(description: "chromium and chromium-driver are not installed; run `bash .ci/setup`")
        }
        port = LoopbackPort.freeTCP()
        process = try ChildProcess(Self.driver, ["--port=\(port)", "--allowed-ips=127.0.0.1"], outputPath: log)
        var lastError: (any Error)?
        for _ in 0..<100 {
            try await Task.sleep(for: .milliseconds(100))
            do {
                try await call("GET", "/status")
                lastError = nil
                break
            } catch {
                lastError = error
            }
        }
        if let lastError {
            throw Failure(description: "chromedriver did not answer on port \(port): \(lastError)")
        }
        let capabilities: [String: Any] = [
            "capabilities": [
                "alwaysMatch": [
                    "browserName": "chrome",
                    "goog:chromeOptions": [
                        "binary": Self.chromium,
                        "args": [
                            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                            "--window-size=1280,1000", "--lang=en-US",
                        ],
                    ],
                ]
            ]
        ]
        let value = try await call("POST", "/session", capabilities)
        guard let id = (value as? [String: Any])?["sessionId"] as? String else {
            throw Failure(description: "chromedriver opened no session: \(String(describing: value))")
        }
        session = id
    }

    func quit() async {
        _ = try? await call("DELETE", "/session/\(session)")
        process.stop()
    }

    func open(_ url: String) async throws { _ = try await call("POST", "/session/\(session)/url", ["url": url]) }

    func currentURL() async throws -> String { try await call("GET", "/session/\(session)/url") as? String ?? "" }

    func source() async throws -> String { try await call("GET", "/session/\(session)/source") as? String ?? "" }

    func element(_ css: String) async throws -> String {
        let value = try await call("POST", "/session/\(session)/element", ["using": "css selector", "value": css])
        guard let id = (value as? [String: Any])?[Self.elementKey] as? String else {
            throw Failure(description: "no element matches \(css)")
        }
        return id
    }

    func type(_ text: String, into css: String) async throws {
        let id = try await element(css)
        _ = try await call("POST", "/session/\(session)/element/\(id)/clear", [String: Any]())
        _ = try await call("POST", "/session/\(session)/element/\(id)/value", ["text": text])
    }

    func click(_ css: String) async throws {
        let id = try await element(css)
        _ = try await call("POST", "/session/\(session)/element/\(id)/click", [String: Any]())
    }

    /// Clicks a form's submit button and waits until the page it was on is gone (the element goes
    /// stale), so what is read next is the answer to the submission, however loaded the machine is.
    func submit(_ css: String) async throws {
        let id = try await element(css)
        _ = try await call("POST", "/session/\(session)/element/\(id)/click", [String: Any]())
        for _ in 0..<600 {
            do {
                _ = try await call("GET", "/session/\(session)/element/\(id)/name")
            } catch let failure as Failure
                // Chromium says either, depending on how far the old page is torn down.
                where failure.description.contains("stale element")
                || failure.description.contains("does not belong to the document")
            {
                return
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw Failure(description: "the page did not change after clicking \(css)")
    }

    /// A PNG of the viewport.
    func screenshot() async throws -> Data {
        guard let base64 = try await call("GET", "/session/\(session)/screenshot") as? String,
            let data = Data(base64Encoded: base64)
        else { throw Failure(description: "chromedriver returned no screenshot") }
        return data
    }

    /// One WebDriver command over a fresh loopback connection; returns the response's `value`.
    @discardableResult
    private func call(_ method: String, _ path: String, _ body: [String: Any]? = nil) async throws -> Any? {
        var headers: HTTPFields = [:]
        var buffer: ByteBuffer?
        if let body {
            buffer = ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: body))
            headers[.contentType] = "application/json"
        }
        let request = TestClient.Request(
            path, method: HTTPRequest.Method(method)!, authority: "127.0.0.1:\(port)", headers: headers, body: buffer)
        let response = try await TestClient.withClient(
            host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(120))
        ) { client in
            try await client.execute(request)
        }
        let data = response.body.map { Data(buffer: $0) } ?? Data()
        if response.status.code >= 400 {
            throw Failure(
                description: "\(method) \(path): HTTP \(response.status.code): \(String(decoding: data, as: UTF8.self))"
            )
        }
        let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        return object?["value"] ?? nil
    }
}
