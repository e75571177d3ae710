import Hummingbird
import JifangModel

/// The request context of every route: who is asking (set by ``AuthenticationMiddleware``) and from where.
public struct WebContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The signed-in account, or `nil`.
    public var account: Account?
    /// The browser session; `nil` for API-token requests and anonymous ones.
    public var session: Session?
    /// The remote address, for the audit trail and login throttling.
    public var remoteAddress: String

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    /// The reader's language: the account's, else `?lang=`, else English.
    public func localizer(_ request: Request) -> Localizer {
        if let account { return Localizer(account.language) }
        if let lang = Query(request).preference("lang", among: UILanguage.allCases.map(\.rawValue)),
            let language = UILanguage(rawValue: lang)
        {
            return Localizer(language)
        }
        let accept = request.headers[.acceptLanguage] ?? ""
        return Localizer(accept.hasPrefix("zh") ? .chinese : .english)
    }
}
