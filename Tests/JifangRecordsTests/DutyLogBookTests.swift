import Foundation
import JifangModel
import JifangRecords
import JifangStore
import Testing

@Suite struct DutyLogBookTests {
    @Test func chineseEntriesAreStoredAndReadBack() throws {
        let f = try RecordsFixture()
        defer { f.remove() }
        let entry = try f.book.add(
            category: .backup, text: "备份人口信息数据库到移动硬盘", author: "张伟", time: RecordsFixture.noon("2026-11-02"))
        #expect(entry.author == "zhangwei")
        #expect(entry.unit == "county")
        #expect(entry.day == RecordsFixture.day("2026-11-02"))
        let read = try #require(try f.store.dutyLogEntry(id: entry.id))
        #expect(read.text == "备份人口信息数据库到移动硬盘")
        #expect(read == entry)
    }

    @Test func outsidersAndUnknownCategoriesAreRefusedAndNothingIsStored() throws {
        let f = try RecordsFixture()
        defer { f.remove() }
        #expect {
            try f.book.add(category: .other, text: "x", author: "陌生人")
        } throws: { error in
            "\(error)".contains("陌生人 is not registered staff")
        }
        #expect {
            try f.book.add(category: "coffee", text: "x", author: "zhangwei")
        } throws: { error in
            (error as? RecordsError).map { "\($0)".hasPrefix("category: \"coffee\"") } ?? false
        }
        #expect(try f.store.dutyLog().isEmpty)
    }

    @Test func correctionsPointAtTheEntryTheyCorrect() throws {
        let f = try RecordsFixture()
        defer { f.remove() }
        let first = try f.book.add(category: .dataUpload, text: "上报10月数据", author: "zhangwei")
        let fix = try f.book.add(category: .dataUpload, text: "上报11月数据（更正）", author: "zhangwei", corrects: first.id)
        #expect(fix.corrects == first.id)
        #expect(throws: RecordsError.notFound(kind: "duty-log entry", key: "999")) {
            try f.book.add(category: .other, text: "x", author: "zhangwei", corrects: 999)
        }
    }

    @Test func faultNeedsASymptomAndIsIncompleteUntilAllFiveFieldsAreFilled() throws {
        let f = try RecordsFixture()
        defer { f.remove() }
        #expect(throws: RecordsError.missingField(field: "symptom", context: "a major-fault record")) {
            try f.book.recordFault(FaultDetails(symptom: "  ", cause: "雷击"), author: "zhangwei")
        }
        #expect(try f.store.dutyLog().isEmpty)

        let time = RecordsFixture.noon("2026-11-03")
        let fault = try f.book.recordFault(
            FaultDetails(symptom: "专网中断", cause: "光纤被挖断"), author: "zhangwei", time: time)
        var status = try #require(try f.book.faults().first)
        #expect(status.missingFields == ["handling", "participants", "result"])

        _ = try f.book.completeFault(
            fault.id, with: FaultDetails(handling: "联系电信抢修", participants: "张伟、李娜"), author: "zhangwei", time: time)
        status = try #require(try f.book.faults().first)
        #expect(status.missingFields == ["result"])
        #expect(throws: RecordsError.self) {
            try f.book.review(
                from: RecordsFixture.day("2026-11-01"), to: RecordsFixture.day("2026-11-30"), supervisor: "lina")
        }
        _ = try f.book.completeFault(fault.id, with: FaultDetails(result: "两小时后恢复"), author: "zhangwei", time: time)
        status = try #require(try f.book.faults().first)
        #expect(status.isComplete)
        #expect(status.details.cause == "光纤被挖断")
    }

    @Test func reviewCoversExactlyTheEntriesItSaw() throws {
        let f = try RecordsFixture()
        defer { f.remove() }
        let a = try f.book.add(
            category: .powerOn, text: "开机", author: "zhangwei", time: RecordsFixture.noon("2026-11-02"))
        let b = try f.book.add(
            category: .powerOff, text: "关机", author: "zhangwei", time: RecordsFixture.noon("2026-11-02"))
        #expect(throws: RecordsError.self) {
            try f.book.review(from: a.day, to: a.day, supervisor: "zhangwei")  // not a supervisor
        }
        let review = try f.book.review(from: a.day, to: a.day, supervisor: "李娜", comment: "已阅")
        #expect(review.entries == [a.id, b.id])
        let late = try f.book.add(
            category: .visitor, text: "省中心来人检查，持介绍信", author: "zhangwei", time: RecordsFixture.noon("2026-11-02"))
        #expect(try f.book.unreviewed(from: a.day, to: a.day).map(\.id) == [late.id])
        let reviewEntry = try #require(try f.store.dutyLogEntry(id: review.logEntry))
        #expect(reviewEntry.category == .review)
        #expect(reviewEntry.author == "lina")
    }

    @Test func daysWithoutEntriesIgnoreAutomaticOnes() throws {
        let f = try RecordsFixture()
        defer { f.remove() }
        _ = try f.book.add(category: .other, text: "巡检", author: "zhangwei", time: RecordsFixture.noon("2026-11-02"))
        try f.store.appendEvent(
            type: "backup-done", device: nil, message: "Backup finished.", at: RecordsFixture.noon("2026-11-03"))
        let gaps = try f.book.daysWithoutEntries(
            from: RecordsFixture.day("2026-11-01"), to: RecordsFixture.day("2026-11-04"))
        #expect(gaps.map(\.description) == ["2026-11-01", "2026-11-03", "2026-11-04"])
    }
}

/// ``RecordText``'s rule on the CLI's path (`jifang log add`, `log fault`, `log review`).
@Suite struct DutyLogBookTextTests {
    @Test func controlCharactersAndOverlongTextAreRefusedNamingTheFieldAndNothingIsStored() throws {
        let f = try RecordsFixture()
        defer { f.remove() }
        for text in ["a\u{0}b", "ring\u{7}", "del\u{7F}", "esc\u{1B}[31m", String(repeating: "长", count: 8_001)] {
            #expect {
                try f.book.add(category: .other, text: text, author: "zhangwei")
            } throws: { error in
                guard case .invalidField(let field, _, _) = error as? RecordsError else { return false }
                return field == "text"
            }
        }
        #expect {
            try f.book.recordFault(FaultDetails(symptom: "down", cause: "cut\u{0}"), author: "zhangwei")
        } throws: { error in
            guard case .invalidField(let field, _, _) = error as? RecordsError else { return false }
            return field == "cause"
        }
        #expect(try f.store.dutyLog().isEmpty)
    }

    @Test func lineEndsBecomeLineFeedsAndTheChainVerifies() throws {
        let f = try RecordsFixture()
        defer { f.remove() }
        let entry = try f.book.add(category: .other, text: "one\r\ntwo\rthree\n\tfour", author: "zhangwei")
        #expect(entry.text == "one\ntwo\nthree\n\tfour")
        #expect(try f.store.dutyLogEntry(id: entry.id)?.text == "one\ntwo\nthree\n\tfour")
        #expect(try f.book.verify().isIntact)
    }
}
