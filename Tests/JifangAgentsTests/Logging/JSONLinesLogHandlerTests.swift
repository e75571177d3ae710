import Foundation
import JifangAgents
import Logging
import Testing

/// `--log-format json`: each event is one JSON line whatever its message and metadata hold.
@Suite struct JSONLinesLogHandlerTests {
    private func logger(_ lines: LogLines) -> Logger { lines.logger(label: "jifang.test") }

    @Test func quotesNewlinesAndNULStayInsideOneLine() throws {
        let lines = LogLines()
        var logger = logger(lines)
        logger[metadataKey: "unit"] = "county \"east\""
        let hostile = "say \"hi\"\\ then\nnew line\r\t and \u{0}NUL \u{1B}[31m \u{2028} 机房"
        logger.warning(
            "\(hostile)",
            metadata: [
                "device": "\(hostile)", "list": [.string("a\nb"), .stringConvertible(7)],
                "nested": ["inner\u{0}key": "x\"y"],
            ])
        let line = try #require(lines.all.first)
        #expect(lines.all.count == 1)
        #expect(line.hasSuffix("}\n"))
        #expect(line.dropLast().allSatisfy { !$0.isNewline }, "\(line.debugDescription)")
        #expect(!line.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "\(line.debugDescription)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["time", "level", "label", "message", "metadata"])
        #expect(object["message"] as? String == hostile)
        #expect(object["level"] as? String == "warning")
        #expect(object["label"] as? String == "jifang.test")
        let time = try #require(object["time"] as? String)
        #expect((try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(time)) != nil, "\(time)")
        let metadata = try #require(object["metadata"] as? [String: Any])
        #expect(metadata["device"] as? String == hostile)
        #expect(metadata["unit"] as? String == "county \"east\"")
        #expect(metadata["list"] as? [String] == ["a\nb", "7"])
        #expect((metadata["nested"] as? [String: String])?["inner\u{0}key"] == "x\"y")
    }

    @Test func secretKeysAreRedacted() throws {
        let lines = LogLines()
        let logger = logger(lines)
        logger.error(
            "poll failed", metadata: ["community": "s3cret-community", "Password": "hunter2", "device": "ups"])
        let line = try #require(lines.all.first)
        #expect(!line.contains("s3cret-community") && !line.contains("hunter2"), "\(line)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        let metadata = try #require(object["metadata"] as? [String: String])
        #expect(metadata == ["community": "[redacted]", "Password": "[redacted]", "device": "ups"])
    }

    @Test func levelsBelowTheHandlersAreNotWritten() {
        let lines = LogLines()
        var logger = logger(lines)
        logger.logLevel = .notice
        logger.info("quiet")
        logger.notice("loud")
        #expect(lines.all.count == 1)
        #expect(lines.all.first?.contains("\"loud\"") == true)
    }
}
