import Foundation
import Synchronization

/// A value read from configuration files, read again only when one of them changes.
///
/// Pages and dashboard panels need what the YAML files say on every request; parsing them each
/// time cost the dashboard most of its time. The files' modification times and sizes are checked
/// instead (a `stat` each), so an edit still applies to the next request without a restart.
final class FileBackedValue<Value: Sendable>: Sendable {
    private struct Stamp: Equatable, Sendable {
        var modified: Date?
        var size: Int?
    }

    private let paths: [String]
    private let load: @Sendable () throws -> Value
    private let cached = Mutex<(stamps: [Stamp], value: Value)?>(nil)

    /// - Parameters:
    ///   - paths: the files `load` reads; a missing file counts as a state of its own.
    ///   - load: reads the value; its errors reach the caller and nothing is cached.
    init(paths: [String], load: @escaping @Sendable () throws -> Value) {
        self.paths = paths
        self.load = load
    }

    /// The value as the files say now.
    func get() throws -> Value {
        let stamps = paths.map { path in
            let attributes = try? FileManager.default.attributesOfItem(atPath: path)
            return Stamp(modified: attributes?[.modificationDate] as? Date, size: attributes?[.size] as? Int)
        }
        if let value = cached.withLock({ $0?.stamps == stamps ? $0?.value : nil }) { return value }
        let value = try load()
        cached.withLock { $0 = (stamps, value) }
        return value
    }
}
