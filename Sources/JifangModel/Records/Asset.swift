import struct Foundation.Date

/// One item of the asset register (网络设备档案, Art. 27, 132): a network device found by polling,
/// or anything entered by hand (PCs, printers, UPS batteries, air conditioners, test tools, spares).
public struct Asset: Sendable, Hashable, Codable, Identifiable {
    /// The asset tag (资产编号), unique in the register. Discovered devices use their inventory name.
    public var tag: String
    public var name: String
    public var kind: AssetKind
    public var state: AssetState
    /// The organisation unit that owns it.
    public var unit: String?
    /// Room or place.
    public var location: String?
    public var rack: String?
    /// The person responsible for it (Art. 132: the user of a device answers for it).
    public var responsible: String?
    public var vendor: String?
    public var model: String?
    public var serial: String?
    public var osVersion: String?
    /// Interfaces the device reported at its last poll; `nil` for things that are not polled.
    public var interfaceCount: Int?
    public var purchaseDate: CalendarDay?
    public var warrantyEnd: CalendarDay?
    /// Purchase price in yuan; used for compensation when a lent item linked to it is lost.
    public var price: Double?
    /// The inventory device it mirrors, when discovered by polling.
    public var device: String?
    public var notes: String?
    /// The day it entered its current state.
    public var stateSince: CalendarDay?
    /// The last recorded power-on run (Art. 137), for idle equipment.
    public var lastPowerOn: CalendarDay?

    public var id: String { tag }

    public init(
        tag: String, name: String, kind: AssetKind, state: AssetState = .inUse, unit: String? = nil,
        location: String? = nil, rack: String? = nil, responsible: String? = nil, vendor: String? = nil,
        model: String? = nil, serial: String? = nil, osVersion: String? = nil, interfaceCount: Int? = nil,
        purchaseDate: CalendarDay? = nil, warrantyEnd: CalendarDay? = nil, price: Double? = nil,
        device: String? = nil, notes: String? = nil, stateSince: CalendarDay? = nil, lastPowerOn: CalendarDay? = nil
    ) {
        self.tag = tag
        self.name = name
        self.kind = kind
        self.state = state
        self.unit = unit
        self.location = location
        self.rack = rack
        self.responsible = responsible
        self.vendor = vendor
        self.model = model
        self.serial = serial
        self.osVersion = osVersion
        self.interfaceCount = interfaceCount
        self.purchaseDate = purchaseDate
        self.warrantyEnd = warrantyEnd
        self.price = price
        self.device = device
        self.notes = notes
        self.stateSince = stateSince
        self.lastPowerOn = lastPowerOn
    }
}

/// One change to an asset: who, when, which field, before and after.
public struct AssetChange: Sendable, Hashable, Codable, Identifiable {
    public var id: Int64
    public var asset: String
    public var time: Date
    /// A staff id or name, or `poll #N` for changes a poll made.
    public var actor: String
    /// `created`, `updated`, `state`, `repair-opened`, `repair-closed`, `scrapped`, `power-on`, `imported`.
    public var action: String
    public var field: String?
    public var before: String?
    public var after: String?
    public var note: String?

    public init(
        id: Int64, asset: String, time: Date, actor: String, action: String, field: String? = nil,
        before: String? = nil, after: String? = nil, note: String? = nil
    ) {
        self.id = id
        self.asset = asset
        self.time = time
        self.actor = actor
        self.action = action
        self.field = field
        self.before = before
        self.after = after
        self.note = note
    }
}
