import Foundation
import JifangModel
import Testing

@Suite struct SiteRecordIDTests {
    static let epoch = UUID(uuidString: "4B0C2F7E-9A3D-4C51-8E2B-1F6A7D3C9E05")!

    @Test func theTextFormIsSiteEpochAndSeqAndReadsBack() {
        let id = SiteRecordID(site: "330102", epoch: Self.epoch, seq: 42)
        #expect(id.description == "330102/4B0C2F7E-9A3D-4C51-8E2B-1F6A7D3C9E05/42")
        #expect(SiteRecordID(id.description) == id)
        let slashed = SiteRecordID(site: "zj/330102", epoch: Self.epoch, seq: 1)
        #expect(SiteRecordID(slashed.description) == slashed, "a site with a slash is read from the right")
        #expect(SiteRecordID("330102/4b0c2f7e-9a3d-4c51-8e2b-1f6a7d3c9e05/42") == id)
    }

    @Test(arguments: [
        "", "330102", "330102/42", "/4B0C2F7E-9A3D-4C51-8E2B-1F6A7D3C9E05/42",
        "330102/not-a-uuid/42", "330102/4B0C2F7E-9A3D-4C51-8E2B-1F6A7D3C9E05/0",
        "330102/4B0C2F7E-9A3D-4C51-8E2B-1F6A7D3C9E05/+42", "330102/4B0C2F7E-9A3D-4C51-8E2B-1F6A7D3C9E05/042",
        "330102/4B0C2F7E-9A3D-4C51-8E2B-1F6A7D3C9E05/99999999999999999999",
    ])
    func aTextThatIsNotAnIDIsRefused(_ text: String) {
        #expect(SiteRecordID(text) == nil)
    }

    @Test func theSiteIsTheUnitTheInventoryNamesElseItsOnlyTopUnit() {
        let units = [
            OrganisationUnit(id: "330100", name: "示范市人口信息中心", level: .city),
            OrganisationUnit(id: "330102", name: "示范县人口信息中心", level: .county, parent: "330100"),
        ]
        #expect(OrganisationUnit.siteUnit(named: "示范县人口信息中心", in: units)?.id == "330102")
        #expect(OrganisationUnit.siteUnit(named: "330102", in: units)?.id == "330102")
        #expect(OrganisationUnit.siteUnit(named: nil, in: units)?.id == "330100")
        #expect(OrganisationUnit.siteUnit(named: "somewhere else", in: units)?.id == "330100")
        let twoTops = units + [OrganisationUnit(id: "330200", name: "another city", level: .city)]
        #expect(OrganisationUnit.siteUnit(named: nil, in: twoTops) == nil)
        #expect(OrganisationUnit.siteUnit(named: nil, in: []) == nil)
    }
}
