import Foundation
import Hummingbird
import JifangConfig
import JifangModel
import JifangStore

/// Jifang's web UI, REST API and Prometheus endpoint on Hummingbird.
///
/// Build one with a store and the accounts policy, then ``run()`` it, or hand ``application()``
/// to HummingbirdTesting. Extra ``WebModule``s (duty log, assets, …) join the built-in ones.
public struct WebServer: Sendable {
    /// Where and how the server listens.
    public struct Options: Sendable {
        public var host: String
        public var port: Int
        /// Mark cookies `Secure`; set when a TLS proxy sits in front.
        public var secureCookies: Bool
        /// How long a monitoring snapshot is reused, seconds; 0 reads the store on every request.
        public var snapshotMaximumAge: TimeInterval
        public var passwordRounds: Int

        public init(
            host: String = "127.0.0.1", port: Int = 8080, secureCookies: Bool = false,
            snapshotMaximumAge: TimeInterval = 1,
            passwordRounds: Int = 310_000
        ) {
            self.host = host
            self.port = port
            self.secureCookies = secureCookies
            self.snapshotMaximumAge = snapshotMaximumAge
            self.passwordRounds = passwordRounds
        }
    }

    public let store: Store
    public let options: Options
    public let accounts: AccountService
    public let sessions: SessionStore
    let extraModules: [@Sendable (WebServerParts) -> any WebModule]

    /// - Parameter modules: makers of further modules; each gets the server's shared parts.
    public init(
        store: Store, policy: AccountPolicy, options: Options = Options(),
        modules: [@Sendable (WebServerParts) -> any WebModule] = []
    ) {
        self.store = store
        self.options = options
        accounts = AccountService(store: store, policy: policy, hasher: PasswordHasher(rounds: options.passwordRounds))
        sessions = SessionStore(idleMinutes: policy.sessionIdleMinutes, maximumHours: policy.sessionMaximumHours)
        extraModules = modules
    }

    /// The router with every module's routes; `routes` lists them with their permissions.
    public func router() -> (router: Router<WebContext>, routes: SecuredRoutes) {
        let router = Router(context: WebContext.self)
        router.add(middleware: AuthenticationMiddleware(accounts: accounts, sessions: sessions))
        router.add(middleware: StoreErrorMiddleware())
        let data = MonitoringData(store: store, maximumAge: options.snapshotMaximumAge)
        var layout = Layout(navigation: [])
        let parts = WebServerParts(store: store, accounts: accounts, data: data)
        let throttle = LoginThrottle(
            attempts: accounts.policy.loginAttempts, windowMinutes: accounts.policy.loginWindowMinutes)
        // Navigation is known only once all modules exist; modules get the finished layout.
        func modules(_ layout: Layout) -> [any WebModule] {
            var modules: [any WebModule] = [
                MonitoringModule(data: data, layout: layout),
                AccountsModule(
                    accounts: accounts, sessions: sessions, throttle: throttle, layout: layout,
                    secureCookies: options.secureCookies),
            ]
            modules += extraModules.map { $0(parts.with(layout)) }
            return modules
        }
        layout.navigation = modules(layout).flatMap(\.navigation)
        var all = modules(layout)
        let paths = all.reduce(into: [String: OpenAPIValue]()) { $0.merge($1.openAPIPaths) { a, _ in a } }
            .merging(OpenAPIDocument.monitoringPaths) { a, _ in a }
        let document = OpenAPIDocument.make(paths: paths)
        all += [APIModule(data: data, document: { document }), MetricsModule(data: data, modules: all)]
        let routes = SecuredRoutes(router: router, layout: layout, accounts: accounts)
        let panels = all
        let pageLayout = layout
        let cache = PanelCache(maximumAge: options.snapshotMaximumAge)
        routes.get("/", .viewMonitoring) { request, context in
            let t = context.localizer(request)
            guard let account = context.account else { return Responses.redirect("/login") }
            let drawn = try cache.panels(for: "\(account.username)\u{0}\(t.language.rawValue)") {
                try panels.flatMap { try $0.dashboardPanels(for: account, localizer: t) }
            }
            let content: HTML = """
                <h1>\(t(.dashboard))</h1><div class="grid">\(drawn)</div>
                """
            return pageLayout.page(t(.dashboard), content: content, request: request, context: context)
        }
        routes.get("/static/jifang.css", .public) { _, _ in
            var response = Responses.text(Style.css, contentType: "text/css; charset=utf-8")
            response.headers[.cacheControl] = "max-age=3600"
            return response
        }
        for module in all { module.register(on: routes) }
        return (router, routes)
    }

    /// The Hummingbird application listening on ``Options/host``:``Options/port``.
    public func application() -> some ApplicationProtocol {
        Application(
            router: router().router,
            configuration: ApplicationConfiguration(
                address: .hostname(options.host, port: options.port), serverName: "jifang"))
    }

    /// Serves until SIGINT or SIGTERM.
    public func run() async throws {
        try await application().runService()
    }
}

/// What the server shares with modules it did not build itself.
public struct WebServerParts: Sendable {
    public let store: Store
    public let accounts: AccountService
    public let data: MonitoringData
    public private(set) var layout = Layout(navigation: [])

    func with(_ layout: Layout) -> WebServerParts {
        var copy = self
        copy.layout = layout
        return copy
    }
}
