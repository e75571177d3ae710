import JifangModel

/// A unit a spec clause may state its value in, with the factor to the fact's own unit.
///
/// Facts are kept in one base unit per quantity (bytes, bit/s, GHz, VA, minutes, °C, %, Ω);
/// a clause may be written in any unit of the same quantity. KB/MB/GB/TB are decimal (disk
/// makers' sizes); KiB/MiB/GiB/TiB are binary (memory and flash sizes as devices report them).
public struct SpecUnit: Sendable, Hashable, CustomStringConvertible {
    public enum Quantity: String, Sendable, Hashable {
        case data, bitRate, frequency, apparentPower, duration, temperature, percent, resistance, count
    }

    /// The symbol as written in Policies/specs.yaml.
    public let symbol: String
    public let quantity: Quantity
    /// How many base units one of this unit is.
    public let factor: Double

    public var description: String { symbol }

    public static let all: [SpecUnit] = [
        .init(symbol: "B", quantity: .data, factor: 1),
        .init(symbol: "KB", quantity: .data, factor: 1e3),
        .init(symbol: "MB", quantity: .data, factor: 1e6),
        .init(symbol: "GB", quantity: .data, factor: 1e9),
        .init(symbol: "TB", quantity: .data, factor: 1e12),
        .init(symbol: "KiB", quantity: .data, factor: 1024),
        .init(symbol: "MiB", quantity: .data, factor: 1024 * 1024),
        .init(symbol: "GiB", quantity: .data, factor: 1024 * 1024 * 1024),
        .init(symbol: "TiB", quantity: .data, factor: 1024 * 1024 * 1024 * 1024),
        .init(symbol: "bit/s", quantity: .bitRate, factor: 1),
        .init(symbol: "kbit/s", quantity: .bitRate, factor: 1e3),
        .init(symbol: "Mbit/s", quantity: .bitRate, factor: 1e6),
        .init(symbol: "Gbit/s", quantity: .bitRate, factor: 1e9),
        .init(symbol: "MHz", quantity: .frequency, factor: 1e-3),
        .init(symbol: "GHz", quantity: .frequency, factor: 1),
        .init(symbol: "VA", quantity: .apparentPower, factor: 1),
        .init(symbol: "kVA", quantity: .apparentPower, factor: 1e3),
        .init(symbol: "s", quantity: .duration, factor: 1.0 / 60),
        .init(symbol: "min", quantity: .duration, factor: 1),
        .init(symbol: "h", quantity: .duration, factor: 60),
        .init(symbol: "°C", quantity: .temperature, factor: 1),
        .init(symbol: "%", quantity: .percent, factor: 1),
        .init(symbol: "Ω", quantity: .resistance, factor: 1),
        .init(symbol: "ohm", quantity: .resistance, factor: 1),
        .init(symbol: "count", quantity: .count, factor: 1),
    ]

    public static func named(_ symbol: String) -> SpecUnit? {
        all.first { $0.symbol == symbol } ?? all.first { $0.symbol.lowercased() == symbol.lowercased() }
    }

    /// The quantity each numeric ``FactKey`` is measured in; facts not listed are not numbers.
    public static let factQuantities: [String: Quantity] = [
        FactKey.memoryBytes: .data, FactKey.flashBytes: .data, FactKey.diskBytes: .data,
        FactKey.processorCount: .count, FactKey.diskCount: .count, FactKey.gigabitPortCount: .count,
        FactKey.ethernetPortCount: .count, FactKey.fastFullDuplexPortCount: .count,
        FactKey.powerSupplyCount: .count, FactKey.raidLevel: .count,
        FactKey.processorGHz: .frequency, FactKey.maxPortSpeedBps: .bitRate, FactKey.upsRatedVA: .apparentPower,
        FactKey.upsRuntimeMinutes: .duration, FactKey.temperatureCelsius: .temperature,
        FactKey.humidityPercent: .percent, FactKey.earthingOhms: .resistance,
    ]

    /// The unit a number of `quantity` is written in when a clause names none.
    public static func base(of quantity: Quantity) -> SpecUnit {
        all.first { $0.quantity == quantity && $0.factor == 1 }!
    }
}
