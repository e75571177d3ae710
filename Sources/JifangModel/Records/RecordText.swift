/// The rule for text people write into the records (duty-log entries, fault fields, comments):
/// what is kept, what is changed, and what is refused.
///
/// The duty log hashes the text it stores, so what is stored must be exactly what was given and
/// nothing may be lost on the way: SQLite (through GRDB) keeps text as a C string and cuts it at
/// the first NUL, so an entry with a NUL would be stored shorter than it was hashed. Other
/// control characters are invisible on a page and in a printout, and could make two entries look
/// alike that hash differently. So:
/// - a carriage return, alone or before a line feed, becomes a line feed (browsers send a
///   textarea's lines ending in CR LF);
/// - tab and line feed are kept;
/// - every other C0 control character (U+0000…U+001F) and DEL (U+007F) is refused;
/// - text longer than ``maximumLength`` characters (Unicode scalars) is refused.
///
/// One place, used by the web forms, the JSON API and the records layer behind the CLI, so a
/// text is accepted or refused the same way wherever it is typed.
public enum RecordText {
    /// The longest text one field may hold, in Unicode scalars; a few pages of prose.
    public static let maximumLength = 8_000

    /// Why a text was refused.
    public enum Fault: Error, Sendable, Hashable, CustomStringConvertible {
        /// The text holds a control character it may not, at this scalar offset.
        case controlCharacter(UInt32, offset: Int)
        /// The text is `length` scalars long, more than `maximum`.
        case tooLong(length: Int, maximum: Int)

        public var description: String {
            switch self {
            case .controlCharacter(let value, let offset):
                "holds the control character \(RecordText.name(value)) at character \(offset + 1); remove it"
            case .tooLong(let length, let maximum):
                "is \(length) characters long; at most \(maximum) are kept"
            }
        }
    }

    /// `text` with line ends made line feeds, or the reason it is refused.
    public static func checked(_ text: String, maximumLength: Int = maximumLength) -> Result<String, Fault> {
        var out = String.UnicodeScalarView()
        var previousWasCR = false
        var count = 0
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            defer { previousWasCR = scalar == "\r" }
            switch scalar.value {
            case 0x0D:
                out.append("\n")
            case 0x0A where previousWasCR:
                continue  // the LF of CR LF: the CR already became one
            case 0x09, 0x0A:
                out.append(scalar)
            case 0x00...0x1F, 0x7F:
                return .failure(.controlCharacter(scalar.value, offset: offset))
            default:
                out.append(scalar)
            }
            count += 1
        }
        guard count <= maximumLength else { return .failure(.tooLong(length: count, maximum: maximumLength)) }
        return .success(String(out))
    }

    /// `U+0000 (NUL)`: a control character as a reader can look it up.
    static func name(_ value: UInt32) -> String {
        let names: [UInt32: String] = [0x00: "NUL", 0x07: "BEL", 0x08: "BS", 0x1B: "ESC", 0x7F: "DEL"]
        let hex = String(value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        return names[value].map { "\(code) (\($0))" } ?? code
    }
}
