import struct Foundation.Date

/// One row of a store's journal: a record that leaves the site was appended or changed.
///
/// The journal is what the forwarder reads, in order, after the last sequence number central
/// acknowledged. `seq` is strictly increasing and never reused within a store's epoch, even after
/// rows are deleted; together with the site and epoch it names the record everywhere
/// (``SiteRecordID``). An entry says which row to read, not what it held: a forwarder reads the
/// row's current state when it sends it.
public struct JournalEntry: Sendable, Hashable {
    /// What kind of record an entry names: the table it was written to.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A poll's summary (table `polls`) with its findings, written in the same transaction.
        case poll
        case event
        /// An alert opened, or cleared, or its severity or message changed.
        case alert
        case dutyLogEntry = "duty_log_entry"
        case dutyLogReview = "duty_log_review"
        /// A backup run started, finished, was pruned or verified (the backup register).
        case backup
        case arpEvent = "arp_event"
        /// A port shut by the ARP watch, or released.
        case portAction = "port_action"
        /// A change of the IP–MAC binding register (table `binding_history`).
        case bindingChange = "binding_change"
        /// A change of the asset register (table `asset_changes`); ``JournalEntry/key`` is the tag.
        case assetChange = "asset_change"
        case assetPowerOn = "asset_power_on"
        case repairTicket = "repair_ticket"
        case scrapRecord = "scrap_record"
        case document
        case loan
        case loanRenewal = "loan_renewal"
        case staff
        case training
        /// A meeting, circular or other governance record.
        case governance
        case waiver
        case evaluation
    }

    /// The entry's sequence number in its store, from 1.
    public var seq: Int64
    public var kind: Kind
    /// The row's integer id in its table (`id`, or `event` for ARP events); for records keyed by
    /// text, their SQLite rowid, which may change on VACUUM: use ``key`` for them.
    public var rowID: Int64
    /// The row's text key for records keyed by text (asset tag, document id, staff id); `nil`
    /// for the others.
    public var key: String?
    /// When the entry was journaled, by the store's clock.
    public var time: Date

    public init(seq: Int64, kind: Kind, rowID: Int64, key: String? = nil, time: Date) {
        self.seq = seq
        self.kind = kind
        self.rowID = rowID
        self.key = key
        self.time = time
    }
}
