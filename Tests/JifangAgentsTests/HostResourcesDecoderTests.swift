import JifangModel
import JifangSNMP
import JifangTesting
import Testing

@testable import JifangAgents

/// net-snmp 5.x on Linux (snmpsim-data os/linux/slackware).
@Suite struct HostResourcesDecoderTests {
    @Test func processorLoadIsTheAverageOfAllProcessors() throws {
        let linux = try Fixtures.load("linux-slackware")
        let processors = linux.subtree(HostResourcesMIB.Processor.hrProcessorLoad)
        var problems = DecodeProblems()
        #expect(HostResourcesDecoder.cpuPercent(processorLoad: processors, problems: &problems) == 11)  // 13 and 9
        #expect(problems.all.isEmpty)
        #expect(HostResourcesDecoder.processorCount(processorLoad: processors) == 2)
    }

    @Test func storageInBytesAndRAMPercentWithoutBuffersAndCache() throws {
        let linux = try Fixtures.load("linux-slackware")
        let table = linux.table(HostResourcesMIB.Storage.columns)
        var problems = DecodeProblems()
        let storage = HostResourcesDecoder.storage(table, problems: &problems)
        #expect(storage.count == 8)
        #expect(problems.all.isEmpty)
        let root = try #require(storage.first { $0.description == "/" })
        #expect(root.kind == .fixedDisk)
        #expect(root.sizeBytes == 2_164_327 * 4096)
        #expect(root.usedBytes == 1_667_935 * 4096)
        // (958176 − 23900 buffers − 207040 cached) / 1021976
        let percent = try #require(HostResourcesDecoder.memoryPercent(storage))
        #expect(abs(percent - 727_236.0 / 1_021_976 * 100) < 1e-9)
        #expect(HostResourcesDecoder.memoryBytes(linux.varbinds) == Double(1_021_976 * 1024))
    }

    @Test func fixedDisksSkipRemovableMedia() throws {
        let linux = try Fixtures.load("linux-slackware")
        let disks = HostResourcesDecoder.hardDisks(linux.table(HostResourcesMIB.DiskStorage.columns))
        #expect(disks.count == 2)
        #expect(disks.minBytes == Double(78_150_744 * 1024))
        let devices = linux.table(HostResourcesMIB.Device.columns)
        #expect(HostResourcesDecoder.deviceCount(devices, type: HostResourcesMIB.DeviceType.processor) == 2)
    }

    @Test func wronglyTypedStorageRowIsSkipped() throws {
        let linux = try Fixtures.load("linux-slackware")
        var table = linux.table(HostResourcesMIB.Storage.columns)
        // The same row as the agent sent it, but with its size as text instead of an integer.
        table.set(
            index: [31], column: HostResourcesMIB.Storage.hrStorageSize, value: .octetString(Array("2164327".utf8)))
        var problems = DecodeProblems()
        let storage = HostResourcesDecoder.storage(table, problems: &problems)
        #expect(problems.all.isEmpty)  // a wrong type is skipped, not a range problem
        #expect(storage.count == 7)
        #expect(!storage.contains { $0.description == "/" })
    }
}

@Suite struct UCDDecoderTests {
    @Test func cpuAndMemoryFromUCD() throws {
        let linux = try Fixtures.load("linux-slackware")
        var problems = DecodeProblems()
        #expect(UCDDecoder.cpuPercent(linux.varbinds, problems: &problems) == 21)  // ssCpuIdle 79
        // (1021976 − 63676 avail − 23936 buffers − 207212 cached) / 1021976
        let percent = try #require(UCDDecoder.memoryPercent(linux.varbinds, problems: &problems))
        #expect(problems.all.isEmpty)
        #expect(abs(percent - 727_152.0 / 1_021_976 * 100) < 1e-9)
        #expect(UCDDecoder.memoryBytes(linux.varbinds) == Double(1_021_976 * 1024))
    }

    @Test func stringWhereAnIntegerBelongsIsSkipped() {
        let varbinds = [VarBind(oid: UCDSNMPMIB.ssCpuIdle, value: .octetString(Array("79".utf8)))]
        var problems = DecodeProblems()
        #expect(UCDDecoder.cpuPercent(varbinds, problems: &problems) == nil)
    }
}
