import JifangConfig

/// Art. 118's password rules: more than 8 characters mixing digits, upper- and lower-case letters
/// and symbols. The length comes from Policies/accounts.yaml (at least 9).
public struct PasswordRules: Sendable {
    public var minimumLength: Int

    public init(policy: AccountPolicy) {
        self.minimumLength = policy.minimumPasswordLength
    }

    /// What a password lacks, empty when it is acceptable.
    public func problems(_ password: String, username: String = "") -> [PasswordProblem] {
        var problems: [PasswordProblem] = []
        if password.count < minimumLength { problems.append(.tooShort(minimum: minimumLength)) }
        if !password.contains(where: \.isNumber) { problems.append(.noDigit) }
        if !password.contains(where: \.isUppercase) { problems.append(.noUppercase) }
        if !password.contains(where: \.isLowercase) { problems.append(.noLowercase) }
        if !password.contains(where: { !$0.isLetter && !$0.isNumber && !$0.isWhitespace }) {
            problems.append(.noSymbol)
        }
        if !username.isEmpty && password.lowercased().contains(username.lowercased()) {
            problems.append(.containsUsername)
        }
        return problems
    }
}

/// One way a password falls short of Art. 118.
public enum PasswordProblem: Sendable, Hashable, CustomStringConvertible {
    case tooShort(minimum: Int)
    case noDigit, noUppercase, noLowercase, noSymbol, containsUsername

    public var description: String { message(.english) }

    /// The problem in the reader's language.
    func message(_ language: Localizer.Language) -> String {
        let zh = language == .chinese
        switch self {
        case .tooShort(let minimum):
            return zh
                ? "密码至少需要 \(minimum) 个字符（第118条：多于8位）"
                : "must have at least \(minimum) characters (Art. 118: more than 8)"
        case .noDigit: return zh ? "须包含数字" : "must contain a digit"
        case .noUppercase: return zh ? "须包含大写字母" : "must contain an upper-case letter"
        case .noLowercase: return zh ? "须包含小写字母" : "must contain a lower-case letter"
        case .noSymbol: return zh ? "须包含符号" : "must contain a symbol such as ! # % or -"
        case .containsUsername: return zh ? "不得包含用户名" : "must not contain the username"
        }
    }
}
