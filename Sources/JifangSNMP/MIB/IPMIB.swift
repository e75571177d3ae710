/// IP-MIB (RFC 4293) address translation: the ARP caches of routers and layer-3 switches.
public enum IPMIB {
    /// `ipNetToMediaPhysAddress`, indexed by ifIndex and the four IPv4 octets (deprecated table,
    /// still the one most devices fill).
    public static let ipNetToMediaPhysAddress: OID = "1.3.6.1.2.1.4.22.1.2"
    /// `ipNetToPhysicalPhysAddress`, indexed by ifIndex, address type (1 = IPv4), length and the
    /// address octets.
    public static let ipNetToPhysicalPhysAddress: OID = "1.3.6.1.2.1.4.35.1.4"
}
