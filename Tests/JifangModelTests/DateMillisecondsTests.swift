import Foundation
import JifangModel
import Testing

/// Times far off, infinite or NaN convert to milliseconds held within the years 0001…9999
/// instead of trapping in `Int64(_:)`, and every Int64 reads back as a time that converts to
/// the same milliseconds.
@Suite struct DateMillisecondsTests {
    static let extremes: [Double] = [.nan, .infinity, -.infinity, 1e300, -1e300, 9.3e15, -9.3e15]

    @Test func everyTimeConvertsWithoutTrapping() {
        for seconds in Self.extremes {
            let millis = Date(timeIntervalSince1970: seconds).millisecondsSince1970()
            #expect((Date.firstMillisecond...Date.lastMillisecond).contains(millis), "\(seconds)")
        }
        #expect(Date(timeIntervalSince1970: .nan).millisecondsSince1970() == 0, "NaN is the epoch")
        #expect(Date(timeIntervalSince1970: .infinity).millisecondsSince1970() == Date.lastMillisecond)
        #expect(Date(timeIntervalSince1970: -1e300).millisecondsSince1970(rounding: .down) == Date.firstMillisecond)
        #expect(Date.distantPast.millisecondsSince1970() == Date.firstMillisecond, "year 0001 is kept")
        // Inside the range, every time converts exactly as Int64(_:) did.
        for seconds in [0, 1_700_000_000.2505, -0.0004, -0.5, 253_402_300_799.999, 4_107_542_399.9995] {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(date.millisecondsSince1970() == Int64((seconds * 1000).rounded()))
            #expect(date.millisecondsSince1970(rounding: .down) == Int64((seconds * 1000).rounded(.down)))
        }

    }

    @Test func everyInt64ReadsBackAsItsOwnMilliseconds() {
        for millis: Int64 in [.max, .min, Date.lastMillisecond + 1, 0, -1, 1_700_000_000_250] {
            let date = Date(millisecondsSince1970: millis)
            let held = min(max(millis, Date.firstMillisecond), Date.lastMillisecond)
            #expect(date.millisecondsSince1970() == held, "\(millis)")
            #expect(Date(millisecondsSince1970: date.millisecondsSince1970()) == date)
        }
    }

    /// A capture's event time far off is written with a four-digit year, not trapped on.
    @Test func aJSONLineOfAnExtremeTimeIsWritten() {
        for seconds in [Double.nan, .infinity, 1e300] {
            let line = LocatedARPEvent(
                ARPEvent(time: Date(timeIntervalSince1970: seconds), type: .malformed, message: "")
            ).jsonLine
            #expect(
                line.hasPrefix(
                    seconds.isNaN ? #"{"time":"1970-01-01T00:00:00.000Z""# : #"{"time":"9999-12-31T23:59:59.999Z""#))
        }
    }
}
