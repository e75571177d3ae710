import Foundation
import JifangModel
import JifangRecords
import JifangStore
import JifangTesting

/// A store in a fresh temporary directory with the demo unit's staff registered.
struct RecordsFixture {
    let directory: TemporaryDirectory
    let path: String
    let store: Store
    let policy = RecordsPolicy()

    init() throws {
        directory = try TemporaryDirectory(prefix: "jifang-records")
        path = directory.appending("jifang.sqlite").path
        store = try Store(path: path)
        let staff = StaffRegister(store: store)
        try staff.register(
            StaffMember(id: "zhangwei", name: "张伟", unit: "county", roles: [.technician], degree: .associate))
        try staff.register(StaffMember(id: "lina", name: "李娜", unit: "county", roles: [.supervisor, .administrator]))
        try staff.register(StaffMember(id: "wangfang", name: "王芳", unit: "county", roles: [.keeper]))
    }

    var book: DutyLogBook { DutyLogBook(store: store, policy: policy) }
    var register: AssetRegister { AssetRegister(store: store, policy: policy) }
    var desk: DocumentDesk { DocumentDesk(store: store, policy: policy) }

    /// Noon China Standard Time on `day`.
    static func noon(_ day: String) -> Date {
        let d = CalendarDay(day)!
        return Date(timeIntervalSince1970: Double(d.ordinal) * 86_400 + 4 * 3600)
    }

    static func day(_ text: String) -> CalendarDay { CalendarDay(text)! }

    /// Runs the sqlite3 tool on the store file, as someone tampering with it would.
    func sqlite(_ sql: String) throws -> CommandRunner.Output {
        try CommandRunner(executable: URL(fileURLWithPath: "/usr/bin/sqlite3")).run([path, sql])
    }

    func remove() { directory.remove() }
}
