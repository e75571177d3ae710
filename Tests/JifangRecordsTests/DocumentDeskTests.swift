import Foundation
import JifangModel
import JifangRecords
import Testing

@Suite struct DocumentDeskTests {
    let lent = RecordsFixture.day("2026-10-01")

    func catalogued() throws -> RecordsFixture {
        let f = try RecordsFixture()
        try f.register.add(Asset(tag: "RT-01", name: "核心路由器", kind: .router), actor: "lina", on: lent)
        try f.desk.add(
            TechnicalDocument(
                id: "D-001", title: "AR2220 路由器配置手册", category: .equipment, keeper: "王芳", asset: "RT-01", price: 85))
        try f.desk.add(TechnicalDocument(id: "D-002", title: "计算机网络", category: .book, keeper: "wangfang"))
        return f
    }

    @Test func onlyStaffMayBorrow() throws {
        let f = try catalogued()
        defer { f.remove() }
        #expect {
            try f.desk.lend("D-001", to: "外单位人员", on: lent, by: "wangfang")
        } throws: { error in
            "\(error)".contains("外单位人员 is not registered staff of the unit's system and may not borrow")
        }
        #expect(try f.desk.loans().isEmpty)
        #expect(try f.store.document(id: "D-001")?.state == .available)
    }

    @Test func loanIsOverdueAfterOneMonthUnlessRenewed() throws {
        let f = try catalogued()
        defer { f.remove() }
        let loan = try f.desk.lend("D-001", to: "张伟", on: lent, by: "wangfang")
        #expect(loan.due == RecordsFixture.day("2026-10-31"))
        #expect(loan.title == "AR2220 路由器配置手册")
        #expect(throws: RecordsError.self) { try f.desk.lend("D-001", to: "lina", on: lent, by: "wangfang") }
        #expect(try f.desk.overdue(on: RecordsFixture.day("2026-10-31")).isEmpty)
        #expect(try f.desk.overdue(on: RecordsFixture.day("2026-11-01")).map(\.id) == [loan.id])

        let renewed = try f.desk.renew("D-001", on: RecordsFixture.day("2026-10-30"), by: "wangfang")
        #expect(renewed.due == RecordsFixture.day("2026-11-29"))
        #expect(try f.desk.overdue(on: RecordsFixture.day("2026-11-01")).isEmpty)
        _ = try f.desk.renew("D-001", on: RecordsFixture.day("2026-11-20"), by: "wangfang")
        #expect {
            try f.desk.renew("D-001", on: RecordsFixture.day("2026-11-25"), by: "wangfang")
        } throws: { error in
            "\(error)".contains("already renewed 2 times")
        }
        #expect(try f.store.loans().first?.renewals.count == 2)
    }

    @Test func overdueLoansCannotBeRenewed() throws {
        let f = try catalogued()
        defer { f.remove() }
        try f.desk.lend("D-002", to: "zhangwei", on: lent, by: "wangfang")
        #expect(throws: RecordsError.self) {
            try f.desk.renew("D-002", on: RecordsFixture.day("2026-11-05"), by: "wangfang")
        }
    }

    @Test func lostItemIsPaidForAtItsPrice() throws {
        let f = try catalogued()
        defer { f.remove() }
        try f.desk.lend("D-001", to: "zhangwei", on: lent, by: "wangfang")
        let loan = try f.desk.takeBack("D-001", on: RecordsFixture.day("2026-10-20"), condition: .lost, by: "wangfang")
        #expect(loan.compensation == 85)
        #expect(try f.store.document(id: "D-001")?.state == .lost)
        #expect(throws: RecordsError.self) { try f.desk.lend("D-001", to: "zhangwei", on: lent, by: "wangfang") }

        try f.desk.lend("D-002", to: "zhangwei", on: lent, by: "wangfang")
        #expect {
            try f.desk.takeBack("D-002", on: lent, condition: .damaged, by: "wangfang")
        } throws: { error in
            "\(error)".hasPrefix("price: required")
        }
        let fine = try f.desk.takeBack("D-002", on: lent, condition: .fine, by: "wangfang")
        #expect(fine.compensation == nil)
        #expect(try f.store.document(id: "D-002")?.state == .available)
    }

    /// A loan made at the end of year 9999 is due on its last day: the due day used to be
    /// stored as "10000-01-30", and every read of the loans then trapped on it.
    @Test func aLoanAtTheEndOfTimeIsDueOnTheLastDay() throws {
        let f = try catalogued()
        defer { f.remove() }
        let last = RecordsFixture.day("9999-12-31")
        let loan = try f.desk.lend("D-002", to: "zhangwei", on: last, by: "wangfang")
        #expect(loan.due == CalendarDay.last)
        #expect(try f.desk.loans().map(\.due) == [CalendarDay.last])
        #expect(try f.desk.overdue(on: last).isEmpty)
    }
}
