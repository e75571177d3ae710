/// EtherLike-MIB (RFC 3635): Ethernet statistics, indexed by `ifIndex`.
public enum EtherLikeMIB {
    /// `dot3StatsDuplexStatus`: unknown(1), halfDuplex(2), fullDuplex(3).
    public static let dot3StatsDuplexStatus: OID = "1.3.6.1.2.1.10.7.2.1.19"
}
