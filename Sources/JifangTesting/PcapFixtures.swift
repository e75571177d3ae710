import Foundation

/// Writes capture files for tests with scapy, from a few lines of Python that list the frames.
///
/// The script runs after a prelude that imports scapy's layers and defines:
/// - `OUT`: the path to write;
/// - `BC`: the broadcast MAC;
/// - `stamp(frames, start=1700000000.0, step=0.01)`: gives frame *i* the time `start + i*step`;
/// - `raw_arp(hwtype=1, ptype=0x0800, hwlen=6, plen=4, op=1, rest=…)`: ARP bytes with any header
///   values, for malformed frames scapy would otherwise correct;
/// - `cut(path, nbytes)`: removes the last `nbytes` bytes of a file, to truncate a record.
///
/// Frame *i* of the list is frame *i + 1* in the file, as Wireshark and tcpdump number them.
public enum PcapFixtures {
    static let prelude = """
        import sys
        # Single layers rather than scapy.all: three times faster to start.
        from scapy.layers.l2 import Ether, ARP, Dot1Q, Dot1AD, CookedLinux, CookedLinuxV2
        from scapy.layers.inet import IP, UDP
        from scapy.packet import Raw
        from scapy.utils import wrpcap, wrpcapng
        from scapy.sendrecv import sendp
        OUT = sys.argv[1]
        BC = "ff:ff:ff:ff:ff:ff"

        def stamp(frames, start=1700000000.0, step=0.01):
            for i, frame in enumerate(frames):
                frame.time = start + i * step
            return frames

        def raw_arp(hwtype=1, ptype=0x0800, hwlen=6, plen=4, op=1, rest=None):
            header = (hwtype.to_bytes(2, "big") + ptype.to_bytes(2, "big") + bytes([hwlen, plen])
                      + op.to_bytes(2, "big"))
            return Raw(header + (rest if rest is not None else bytes(20)))

        def cut(path, nbytes):
            with open(path, "rb") as f:
                data = f.read()
            with open(path, "wb") as f:
                f.write(data[:-nbytes])

        """

    /// Runs `script` (after the prelude) to write `name` in `directory`; returns the file's path.
    ///
    /// - Throws: ``CommandError`` with Python's traceback if the script fails.
    public static func write(_ name: String, in directory: TemporaryDirectory, script: String) throws -> String {
        let path = directory.appending(name).path
        try Command.python(prelude + script, arguments: [path])
        return path
    }

    /// The prelude plus `script`, for running scapy elsewhere (inside a network namespace).
    public static func program(_ script: String) -> String {
        prelude + script
    }
}
