import Foundation
import JifangModel

/// One change of the binding register, as its history keeps it.
public struct BindingChange: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case added, changed, removed
    }

    public var id: Int64
    public var time: Date
    public var ip: IPv4Address
    public var kind: Kind
    /// The entry before the change; `nil` for `added`.
    public var old: BindingEntry?
    /// The entry after the change; `nil` for `removed`.
    public var new: BindingEntry?
    /// Where the change came from: `import:<file>`, `learned`, `manual`.
    public var source: String
    /// Who made it, when known (the operating-system user for CLI changes).
    public var actor: String?

    public init(
        id: Int64, time: Date, ip: IPv4Address, kind: Kind, old: BindingEntry?, new: BindingEntry?, source: String,
        actor: String?
    ) {
        self.id = id
        self.time = time
        self.ip = ip
        self.kind = kind
        self.old = old
        self.new = new
        self.source = source
        self.actor = actor
    }
}

/// What an import did to the register.
public struct BindingImportResult: Sendable, Hashable, Codable {
    public var added = 0
    public var changed = 0
    public var unchanged = 0
    /// Entries removed because the import replaced the register and did not list them.
    public var removed = 0

    public init() {}
}
