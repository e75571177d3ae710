extension OrganisationUnit {
    /// The unit an inventory's site is: the unit whose id or name is the inventory's `site:`,
    /// else the only unit without a parent; `nil` when neither picks exactly one.
    ///
    /// The demo's `site: 示范县人口信息中心` names its county unit, below the city it reports
    /// to, so the site is the county's id, not the top unit's.
    public static func siteUnit(named site: String?, in units: [OrganisationUnit]) -> OrganisationUnit? {
        if let site {
            let named = units.filter { $0.id == site || $0.name == site }
            if named.count == 1 { return named[0] }
        }
        let top = units.filter { $0.parent == nil }
        return top.count == 1 ? top[0] : nil
    }
}
