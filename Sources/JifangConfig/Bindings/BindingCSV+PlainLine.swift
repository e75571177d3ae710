import JifangModel

extension BindingCSV {
    /// The entry of a line in the everyday form, read straight from its bytes; `nil` when the
    /// line needs the general reading, which then also says what is wrong with it.
    ///
    /// Everyday form: ASCII without quotes, no more cells than the header names, no name given
    /// twice in the header, no space or tab around a value, and every value valid. A register of
    /// thousands of lines is read at every `jifang watch`; this skips the cell array and the
    /// strings per cell of ``split(_:)`` and ``readRow(_:columns:file:line:errors:)``.
    static func plainEntry(_ line: Substring, columns: Columns) -> BindingEntry? {
        guard columns.hasSingleNames else { return nil }
        return line.utf8.withContiguousStorageIfAvailable { plainEntry($0, columns: columns) } ?? nil
    }

    private static func plainEntry(_ bytes: UnsafeBufferPointer<UInt8>, columns: Columns) -> BindingEntry? {
        let width = columns.names.count
        return withUnsafeTemporaryAllocation(of: Range<Int>.self, capacity: width) { cells -> BindingEntry? in
            var found = 0
            var start = 0
            for index in bytes.indices {
                let byte = bytes[index]
                guard byte < 0x80, byte != UInt8(ascii: "\"") else { return nil }
                guard byte == UInt8(ascii: ",") else { continue }
                guard found + 1 < width else { return nil }
                cells[found] = start..<index
                found += 1
                start = index + 1
            }
            cells[found] = start..<bytes.count
            found += 1

            var plain = true
            /// The cell of the field at `positions`, `nil` when absent or empty.
            func cell(_ positions: [Int]) -> UnsafeBufferPointer<UInt8>? {
                guard let position = positions.first, position < found, !cells[position].isEmpty else { return nil }
                let value = UnsafeBufferPointer(rebasing: bytes[cells[position]])
                let first = value[value.startIndex]
                let last = value[value.endIndex - 1]
                if first == 0x20 || first == 0x09 || last == 0x20 || last == 0x09 { plain = false }
                return value
            }
            func text(_ positions: [Int]) -> String? {
                cell(positions).map { String(decoding: $0, as: UTF8.self) }
            }
            guard let ipBytes = cell(columns.ip), let ip = IPv4Address(utf8: ipBytes), !ip.isUnspecified,
                let macBytes = cell(columns.mac), let mac = MACAddress(utf8: macBytes), mac.isUnicast
            else { return nil }
            var vlan: UInt16?
            if let vlanText = text(columns.vlan) {
                guard case .success(let value) = BindingFields.vlan(vlanText) else { return nil }
                vlan = value
            }
            var action: BindingAction?
            if let actionText = text(columns.action) {
                guard case .success(let value) = BindingFields.action(actionText) else { return nil }
                action = value
            }
            let owner = text(columns.owner)
            let unit = text(columns.unit)
            let switchName = text(columns.switchName)
            let port = text(columns.port)
            guard plain, port == nil || switchName != nil else { return nil }
            return BindingEntry(
                ip: ip, mac: mac, owner: owner, unit: unit, vlan: vlan, switchName: switchName, port: port,
                action: action)
        }
    }
}
