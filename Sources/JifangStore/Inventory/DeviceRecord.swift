import JifangModel

import struct Foundation.Date

/// A device as the asset register holds it: what the inventory declares, what polls learned
/// about it, and when it was last seen.
public struct DeviceRecord: Sendable, Hashable, Codable, Identifiable {
    public var name: String
    public var address: String
    public var port: Int
    public var unit: String?
    public var location: String?
    public var owner: String?
    /// The kind the inventory insists on, if any.
    public var declaredKind: DeviceKind?
    /// The inventory's kind when declared, otherwise the last classification (`other` until polled).
    public var kind: DeviceKind
    public var vendor: String?
    public var model: String?
    public var osVersion: String?
    public var serial: String?
    public var sysDescr: String?
    public var sysObjectID: String?
    /// The classification rule that decided `kind` and `vendor`.
    public var matchedRule: String?
    /// When the device first entered the inventory.
    public var addedAt: Date
    /// When the device left the inventory; `nil` while it is in it.
    public var removedAt: Date?
    /// The first and last polls in which the device answered; `nil` until it has.
    public var firstSeen: Date?
    public var lastSeen: Date?
    /// The most recent poll, answered or not.
    public var lastPollID: Int64?
    public var lastPollAt: Date?
    public var lastPollReachable: Bool?
    public var lastPollError: String?

    public var id: String { name }
}
