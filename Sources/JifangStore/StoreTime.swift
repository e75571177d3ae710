import JifangModel

import struct Foundation.Date

/// Times are stored as integer milliseconds since 1970 UTC, through the one conversion
/// ``Date/millisecondsSince1970(rounding:)``: total for every date (held within the years
/// 0001…9999, NaN as the epoch), so a write never traps on a time, and a stored time of any Int64
/// reads back as a date inside that range.
extension Date {
    var storeMillis: Int64 { millisecondsSince1970() }

    init(storeMillis: Int64) {
        self.init(millisecondsSince1970: storeMillis)
    }
}
