import JifangModel

/// A phrase of the UI in every language it is offered in.
///
/// Modules declare their phrases as static constants next to the pages that use them
/// (`extension Phrase { static let devices = Phrase("Devices", "设备") }`).
public struct Phrase: Sendable, Hashable {
    public var english: String
    public var chinese: String
    public init(_ english: String, _ chinese: String) {
        self.english = english
        self.chinese = chinese
    }
}

/// Picks phrases, numbers and times in the reader's language.
public struct Localizer: Sendable {
    public typealias Language = UILanguage
    public var language: Language

    public init(_ language: Language) { self.language = language }

    public func callAsFunction(_ phrase: Phrase) -> String {
        language == .chinese ? phrase.chinese : phrase.english
    }

    /// The `lang` attribute of the page.
    public var htmlLanguage: String { language == .chinese ? "zh-CN" : "en" }

    /// Chinese for the few English sentences the account checks produce; others stay English.
    static func chineseReason(_ english: String) -> String {
        if english.hasPrefix("the username ") && english.hasSuffix(" is taken") { return "该用户名已被使用" }
        return [
            "use 2–32 lower-case letters, digits, '.', '-' or '_'": "用户名须为 2–32 个小写字母、数字或 . - _",
            "give the person's name (1–64 characters)": "请填写姓名（1–64 个字符）",
            "the current password is not right": "当前密码不正确",
            "choose a password you have not used": "新密码不能与当前密码相同",
            "the two passwords differ": "两次输入的密码不一致",
        ][english] ?? english
    }
}

extension Phrase {
    static let appName = Phrase("Jifang", "机房运维")
    static let dashboard = Phrase("Dashboard", "总览")
    static let devices = Phrase("Devices", "设备")
    static let alerts = Phrase("Alerts", "告警")
    static let account = Phrase("My account", "我的账户")
    static let accounts = Phrase("Accounts", "账户管理")
    static let auditTrail = Phrase("Audit trail", "审计记录")
    static let signIn = Phrase("Sign in", "登录")
    static let signOut = Phrase("Sign out", "退出")
    static let username = Phrase("Username", "用户名")
    static let password = Phrase("Password", "密码")
    static let displayName = Phrase("Name", "姓名")
    static let role = Phrase("Role", "角色")
    static let language = Phrase("Language", "语言")
    static let save = Phrase("Save", "保存")
    static let create = Phrase("Create", "创建")
    static let forbidden = Phrase("You may not open this page with your role.", "您的角色无权访问此页面。")
    static let notFound = Phrase("There is no such page.", "页面不存在。")
    static let badSignIn = Phrase("Wrong username or password.", "用户名或密码错误。")
    static let throttled = Phrase(
        "Too many failed sign-ins. Wait a few minutes and try again.", "登录失败次数过多，请稍后再试。")
    static let formExpired = Phrase(
        "The form expired or did not come from this site. Reload the page and submit again.", "表单已过期或来源无效，请刷新页面后重新提交。")
    static let passwordExpired = Phrase(
        "Your password has expired (Art. 118). Choose a new one to continue.", "您的密码已过期（第118条），请设置新密码后继续。")
    static let fixFields = Phrase("Please correct the fields marked below. Nothing was saved.", "请更正下列标出的字段，未保存任何内容。")
    static let saved = Phrase("Saved.", "已保存。")
}

extension AccountRole {
    var phrase: Phrase {
        switch self {
        case .administrator: Phrase("Administrator", "网络管理员")
        case .auditor: Phrase("Auditor", "考核人员")
        case .technician: Phrase("Technician", "信息技术员")
        }
    }
}
