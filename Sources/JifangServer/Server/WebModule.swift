import Foundation
import Hummingbird
import JifangModel

/// A part of the web UI: its routes, its entries in the navigation bar and its panels on the
/// unit dashboard.
///
/// The server is the sum of its modules. Monitoring (dashboard, devices, alerts), accounts, the
/// REST API and /metrics are modules; the duty log, asset register, lending desk, backups and
/// evaluation pages join the same way as their records land in the store: a new type conforming
/// to `WebModule`, passed to ``WebServer/init(store:policy:options:modules:)``.
public protocol WebModule: Sendable {
    /// Links in the navigation bar; each is shown only to roles holding its permission.
    var navigation: [NavigationItem] { get }

    /// Adds the module's routes; every route names its permission.
    func register(on routes: SecuredRoutes)

    /// Panels this module adds to the unit dashboard for `account`, in order.
    func dashboardPanels(for account: Account, localizer: Localizer) throws -> [HTML]

    /// Paths and schemas this module adds to the OpenAPI document, as OpenAPI 3 JSON objects.
    var openAPIPaths: [String: OpenAPIValue] { get }

    /// Metric families this module adds to /metrics, as Prometheus text (each with its
    /// `# HELP` and `# TYPE` lines), at `now`.
    func metrics(now: Date) throws -> String
}

extension WebModule {
    public var navigation: [NavigationItem] { [] }
    public func dashboardPanels(for account: Account, localizer: Localizer) throws -> [HTML] { [] }
    public var openAPIPaths: [String: OpenAPIValue] { [:] }
    public func metrics(now: Date) throws -> String { "" }
}

/// A link in the navigation bar.
public struct NavigationItem: Sendable {
    public var title: Phrase
    public var path: String
    public var permission: Permission
    public init(_ title: Phrase, path: String, permission: Permission) {
        self.title = title
        self.path = path
        self.permission = permission
    }
}
