import Foundation
import Hummingbird
import JifangModel

/// The page frame: head, navigation for the reader's role, flash message, content.
public struct Layout: Sendable {
    var navigation: [NavigationItem]

    /// A whole page around `content`.
    public func page(
        _ title: String, content: HTML, request: Request, context: WebContext, status: HTTPResponse.Status = .ok
    ) -> Response {
        let t = context.localizer(request)
        let path = request.uri.path
        var nav: [HTML] = []
        var user: HTML = ""
        if let account = context.account {
            nav = navigation.filter { $0.permission.isGranted(to: account.role) }.map { item in
                let current = item.path == "/" ? path == "/" : path.hasPrefix(item.path)
                return "<a href=\"\(item.path)\"\(current ? HTML(" aria-current=\"page\"") : "")>\(t(item.title))</a>"
            }
            user = """
                <span class="who"><a href="/account">\(account.displayName)</a> · \(t(account.role.phrase))</span>
                <form method="post" action="/logout" class="inline">\(csrfField(context))<button type="submit">\(t(.signOut))</button></form>
                """
        }
        let html: HTML = """
            <!DOCTYPE html>
            <html lang="\(t.htmlLanguage)"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title) · \(t(.appName))</title>
            <link rel="stylesheet" href="/static/jifang.css"></head>
            <body><header><a class="brand" href="/">\(t(.appName))</a><nav>\(nav)</nav>\(user)</header>
            <main>\(content)</main></body></html>
            """
        return Responses.html(html, status: status)
    }

    /// A page holding one message, for refusals and errors.
    public func message(_ phrase: Phrase, status: HTTPResponse.Status, request: Request, context: WebContext)
        -> Response
    {
        let t = context.localizer(request)
        return page(
            t(phrase), content: "<p class=\"notice error\">\(t(phrase))</p>", request: request, context: context,
            status: status)
    }
}

/// The hidden CSRF field every form carries.
public func csrfField(_ context: WebContext) -> HTML {
    "<input type=\"hidden\" name=\"csrf\" value=\"\(context.session?.csrfToken ?? "")\">"
}

/// A labelled form field with its error, if any, re-rendered after a refused submission.
public func field(
    _ name: String, label: String, type: String = "text", value: String = "", error: String?, extra: HTML = ""
) -> HTML {
    let invalid: HTML = error == nil ? "" : " aria-invalid=\"true\" aria-describedby=\"\(name)-error\""
    let message: HTML = error.map { "<span class=\"field-error\" id=\"\(name)-error\">\($0)</span>" } ?? ""
    let shown = type == "password" ? "" : value
    return """
        <label for="\(name)">\(label)</label>
        <input id="\(name)" name="\(name)" type="\(type)" value="\(shown)"\(invalid)\(extra)>\(message)
        """
}

/// A `<select>` with the current value chosen.
public func select(_ name: String, label: String, options: [(value: String, title: String)], selected: String) -> HTML {
    let items: [HTML] = options.map { option in
        "<option value=\"\(option.value)\"\(option.value == selected ? HTML(" selected") : "")>\(option.title)</option>"
    }
    return "<label for=\"\(name)\">\(label)</label><select id=\"\(name)\" name=\"\(name)\">\(items)</select>"
}

/// Formatting shared by pages.
public enum Format {
    public static func age(_ date: Date?, now: Date = Date(), _ t: Localizer) -> String {
        guard let date else { return "—" }
        let seconds = max(0, Int(now.timeIntervalSince(date)))
        let zh = t.language == .chinese
        switch seconds {
        case ..<60: return zh ? "\(seconds) 秒前" : "\(seconds) s ago"
        case ..<3600: return zh ? "\(seconds / 60) 分钟前" : "\(seconds / 60) min ago"
        case ..<86_400: return zh ? "\(seconds / 3600) 小时前" : "\(seconds / 3600) h ago"
        default: return zh ? "\(seconds / 86_400) 天前" : "\(seconds / 86_400) d ago"
        }
    }

    public static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 8 * 3600)
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }

    public static func number(_ value: Double?, digits: Int = 0, unit: String = "") -> String {
        guard let value else { return "—" }
        return String(format: "%.\(digits)f", value) + unit
    }

    /// Bits per second with a k/M/G prefix.
    public static func bitRate(_ value: Double?) -> String {
        guard let value else { return "—" }
        let units = [(1e9, "G"), (1e6, "M"), (1e3, "k")]
        for (scale, prefix) in units where value >= scale {
            return String(format: "%.1f ", value / scale) + prefix + "bit/s"
        }
        return String(format: "%.0f bit/s", value)
    }
}
