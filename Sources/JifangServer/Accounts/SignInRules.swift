import Foundation

/// What the sign-in form accepts before a password is verified, and where it may send the
/// browser afterwards.
enum SignInRules {
    /// The longest username, in characters; accounts' own names are shorter (see `isValidUsername`).
    static let maximumUsernameLength = 64
    /// The longest password, in UTF-8 bytes: long passphrases fit, and verifying stays cheap.
    static let maximumPasswordBytes = 1024
    /// The longest `next` path kept.
    static let maximumPathLength = 2048

    /// The field errors of a sign-in whose fields are too long, or none.
    ///
    /// Such a sign-in is refused before it is counted or written to the audit trail, so the trail
    /// never holds more than ``maximumUsernameLength`` characters of a name someone typed.
    static func refusals(username: String, password: String) -> [String: Phrase] {
        var errors: [String: Phrase] = [:]
        if username.unicodeScalars.count > maximumUsernameLength {
            errors["username"] = Phrase(
                "At most \(maximumUsernameLength) characters.", "最多 \(maximumUsernameLength) 个字符。")
        }
        if password.utf8.count > maximumPasswordBytes {
            errors["password"] = Phrase(
                "At most \(maximumPasswordBytes) bytes.", "最多 \(maximumPasswordBytes) 字节。")
        }
        return errors
    }

    /// `path` when it is a path on this site, else `nil`.
    ///
    /// Browsers read `//host`, `/\host` and `\\host` as another host, and drop tabs and newlines
    /// from a URL before reading it (`/<TAB>/host` is `//host`), so a path is accepted only when
    /// it starts with one `/` followed by neither `/` nor `\`, and holds no backslash, no control
    /// character and no space anywhere. Starting with `/` also rules out a scheme (`https:`,
    /// `javascript:`).
    static func localPath(_ path: String) -> String? {
        let scalars = Array(path.unicodeScalars)
        guard scalars.count <= maximumPathLength, scalars.first == "/" else { return nil }
        if scalars.count > 1, scalars[1] == "/" || scalars[1] == "\\" { return nil }
        let forbidden = scalars.contains { scalar in
            scalar == "\\" || scalar == " " || scalar.properties.generalCategory == .control
                || scalar.properties.isWhitespace
        }
        return forbidden ? nil : path
    }
}
