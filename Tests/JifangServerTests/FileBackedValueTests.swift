import Foundation
import JifangTesting
import Synchronization
import Testing

@testable import JifangServer

struct FileBackedValueTests {
    @Test func readsAgainOnlyWhenTheFileChanges() throws {
        let directory = try TemporaryDirectory(prefix: "jifang-file-backed")
        let path = directory.appending("targets.yaml").path
        try "first".write(toFile: path, atomically: true, encoding: .utf8)
        let loads = Atomic<Int>(0)
        let value = FileBackedValue(paths: [path]) {
            loads.add(1, ordering: .relaxed)
            return try String(contentsOfFile: path, encoding: .utf8)
        }
        #expect(try value.get() == "first")
        #expect(try value.get() == "first")
        #expect(loads.load(ordering: .relaxed) == 1, "an unchanged file is not parsed again")

        try "second, longer".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try value.get() == "second, longer")
        #expect(loads.load(ordering: .relaxed) == 2)
    }

    @Test func aFailedReadIsNotKept() throws {
        let directory = try TemporaryDirectory(prefix: "jifang-file-backed")
        let path = directory.appending("missing.yaml").path
        let value = FileBackedValue(paths: [path]) { try String(contentsOfFile: path, encoding: .utf8) }
        #expect(throws: (any Error).self) { try value.get() }
        try "now here".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try value.get() == "now here")
    }
}
