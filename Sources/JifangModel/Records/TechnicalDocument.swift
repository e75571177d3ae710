/// How the technical-document catalogue sorts an item (Art. 144–145).
public enum DocumentCategory: String, Sendable, Codable, CaseIterable {
    /// 原机资料: manuals and media that came with equipment.
    case equipment
    /// 日常书籍
    case book
    /// 杂志
    case magazine
    /// 上级文件
    case higherAuthority = "higher-authority"
    /// 网络/线路资料: network, IP-phone and leased-line material.
    case network
    /// 培训资料: material from trainings and meetings.
    case training
    case other

    public var chinese: String {
        switch self {
        case .equipment: "原机资料"
        case .book: "日常书籍"
        case .magazine: "杂志"
        case .higherAuthority: "上级文件"
        case .network: "网络线路资料"
        case .training: "培训资料"
        case .other: "其他"
        }
    }
}

/// Whether a catalogued item is on the shelf.
public enum DocumentState: String, Sendable, Codable, CaseIterable {
    case available
    case onLoan = "on-loan"
    case damaged
    case lost
}

/// One item of the technical-document catalogue, in the charge of a named keeper (Art. 145).
public struct TechnicalDocument: Sendable, Hashable, Codable, Identifiable {
    /// The catalogue number, unique.
    public var id: String
    public var title: String
    public var category: DocumentCategory
    /// The staff member who keeps it.
    public var keeper: String
    /// The asset it came with, for equipment manuals.
    public var asset: String?
    /// Its price in yuan: what a borrower pays when it is lost or damaged (Art. 146).
    public var price: Double?
    public var state: DocumentState
    public var notes: String?

    public init(
        id: String, title: String, category: DocumentCategory, keeper: String, asset: String? = nil,
        price: Double? = nil, state: DocumentState = .available, notes: String? = nil
    ) {
        self.id = id
        self.title = title
        self.category = category
        self.keeper = keeper
        self.asset = asset
        self.price = price
        self.state = state
        self.notes = notes
    }
}
