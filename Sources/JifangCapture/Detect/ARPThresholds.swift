/// Limits the ``ARPWatcher`` judges traffic by. Times are in seconds of capture time.
public struct ARPThresholds: Sendable, Hashable, Codable {
    /// A MAC may claim this many IP addresses not bound to it; one more raises `mac-multiple-ips`.
    public var maxIPsPerMAC: Int
    /// How long an IP claimed by a MAC counts toward ``maxIPsPerMAC``.
    public var ipsPerMACWindow: Double
    /// ARP packets one source may send in one second; more raise `storm`.
    public var stormPacketsPerSecond: Int
    /// An IP returning to its previous MAC within this time raises `flip-flop`.
    public var flipFlopWindow: Double
    /// The same (type, IP, MAC) event is reported at most once in this time, unless the IP's
    /// MAC changed with the frame.
    public var repeatWindow: Double
    /// Whether to report unicast requests that look like a host refreshing its cache (RFC 1122):
    /// a bound sender asking a bound target at the target's own MAC. Linux does this all the time.
    public var reportUnicastRefresh: Bool

    public init(
        maxIPsPerMAC: Int = 4, ipsPerMACWindow: Double = 300, stormPacketsPerSecond: Int = 50,
        flipFlopWindow: Double = 600, repeatWindow: Double = 300, reportUnicastRefresh: Bool = false
    ) {
        self.maxIPsPerMAC = maxIPsPerMAC
        self.ipsPerMACWindow = ipsPerMACWindow
        self.stormPacketsPerSecond = stormPacketsPerSecond
        self.flipFlopWindow = flipFlopWindow
        self.repeatWindow = repeatWindow
        self.reportUnicastRefresh = reportUnicastRefresh
    }
}
