/// Why a capture could not be opened or read to its end.
///
/// `source` is the file path or interface name; `detail` is libpcap's own error text.
public enum CaptureError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be opened or is not a pcap/pcapng capture.
    case openFailed(source: String, detail: String)
    /// The live interface could not be created or activated (missing, down, not permitted).
    case activateFailed(interface: String, detail: String)
    /// The BPF filter expression did not compile or could not be installed.
    case filterFailed(source: String, expression: String, detail: String)
    /// The file ends inside a record: frames 1 through `afterFrame` were read and delivered.
    case truncated(file: String, afterFrame: Int, detail: String)
    /// Reading stopped with an error after `afterFrame` frames were delivered.
    case readFailed(source: String, afterFrame: Int, detail: String)

    public var description: String {
        switch self {
        case .openFailed(let source, let detail):
            "\(source): cannot open capture: \(detail)"
        case .activateFailed(let interface, let detail):
            "\(interface): cannot capture on this interface (it must exist and capturing needs root or "
                + "CAP_NET_RAW): \(detail)"
        case .filterFailed(let source, let expression, let detail):
            "\(source): capture filter '\(expression)' rejected: \(detail)"
        case .truncated(let file, let afterFrame, let detail):
            "\(file): the file is truncated after frame \(afterFrame) (\(detail)); the frames before it were "
                + "processed, the capture was probably cut while being written or copied"
        case .readFailed(let source, let afterFrame, let detail):
            "\(source): reading failed after frame \(afterFrame): \(detail)"
        }
    }
}
