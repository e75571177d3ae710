import Foundation
import GRDB
import JifangModel

extension Store {
    /// Creates or refreshes the asset that mirrors inventory device `name`, inside the caller's
    /// transaction, so polled devices appear in the asset register without anyone entering them.
    ///
    /// What discovery knows (kind, vendor, model, serial, OS version, interface count) overwrites
    /// the asset when the device reported it; unit, location and responsible person come from the
    /// inventory only while the asset has none, since people keep them up to date by hand.
    static func syncDeviceAsset(_ db: Database, device name: String, interfaceCount: Int?, actor: String, at time: Date)
        throws
    {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM devices WHERE name = ?", arguments: [name]) else {
            return
        }
        let device = try deviceRecord(row)
        let offset = try dutyLogUTCOffset(db)
        let existingTag = try String.fetchOne(db, sql: "SELECT tag FROM assets WHERE device = ?", arguments: [name])
        if let existingTag, let old = try asset(db, tag: existingTag) {
            var new = old
            if device.kind != .other || old.kind == .other { new.kind = AssetKind(device.kind) }
            new.vendor = device.vendor ?? old.vendor
            new.model = device.model ?? old.model
            new.serial = device.serial ?? old.serial
            new.osVersion = device.osVersion ?? old.osVersion
            new.interfaceCount = interfaceCount ?? old.interfaceCount
            new.unit = old.unit ?? device.unit
            new.location = old.location ?? device.location
            new.responsible = old.responsible ?? device.owner
            if new != old {
                try updateAsset(db, from: old, to: new, actor: actor, action: "discovered", note: nil, at: time)
            }
            return
        }
        // A manual asset may already use the device's name as its tag.
        var tag = name
        if try asset(db, tag: tag) != nil { tag = "\(name)#device" }
        let asset = Asset(
            tag: tag, name: name, kind: AssetKind(device.kind), state: .inUse, unit: device.unit,
            location: device.location, responsible: device.owner, vendor: device.vendor, model: device.model,
            serial: device.serial, osVersion: device.osVersion, interfaceCount: interfaceCount, device: name,
            stateSince: CalendarDay(time, utcOffsetSeconds: offset))
        try insertAsset(db, asset, actor: actor, action: "discovered", at: time)
    }
}
