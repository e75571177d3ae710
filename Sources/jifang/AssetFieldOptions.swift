import ArgumentParser
import JifangModel

/// The descriptive fields of an asset that `assets add` and `assets edit` both take, all optional.
struct AssetFieldOptions: ParsableArguments {
    @Option(name: .long) var unit: String?
    @Option(name: .long) var location: String?
    @Option(name: .long) var rack: String?
    @Option(name: .long, help: "The person responsible for it.") var responsible: String?
    @Option(name: .long) var vendor: String?
    @Option(name: .long) var model: String?
    @Option(name: .long) var serial: String?
    @Option(name: .long, help: "yyyy-MM-dd") var purchaseDate: String?
    @Option(name: .long, help: "yyyy-MM-dd") var warrantyEnd: String?
    @Option(name: .long, help: "Price in yuan.") var price: String?
    @Option(name: .long) var notes: String?

    /// Sets each field given on the command line and leaves the others as `asset` has them.
    ///
    /// - Throws: `ValidationError` naming the option when a date or the price does not parse.
    func apply(to asset: inout Asset) throws {
        asset.unit = unit ?? asset.unit
        asset.location = location ?? asset.location
        asset.rack = rack ?? asset.rack
        asset.responsible = responsible ?? asset.responsible
        asset.vendor = vendor ?? asset.vendor
        asset.model = model ?? asset.model
        asset.serial = serial ?? asset.serial
        asset.purchaseDate = try purchaseDate.map { try parseDay($0, option: "--purchase-date") } ?? asset.purchaseDate
        asset.warrantyEnd = try warrantyEnd.map { try parseDay($0, option: "--warranty-end") } ?? asset.warrantyEnd
        asset.price = try parseAmount(price, option: "--price") ?? asset.price
        asset.notes = notes ?? asset.notes
    }
}
