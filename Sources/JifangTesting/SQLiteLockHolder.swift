import Foundation

/// An `sqlite3` process holding an exclusive transaction on a database file until ``release()``:
/// another process's lock, for tests of what a store does while it cannot write.
public final class SQLiteLockHolder {
    let process = Process()
    let input = Pipe()
    let output = Pipe()

    /// Starts `sqlite3` on `path` and returns once it holds the lock.
    public init(_ path: String) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [path]
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        try input.fileHandleForWriting.write(contentsOf: Data("BEGIN EXCLUSIVE;\nSELECT 'held';\n".utf8))
        // `held` is printed once the lock is taken.
        var seen = Data()
        while !String(decoding: seen, as: UTF8.self).contains("held") {
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { throw FixtureError("sqlite3 ended before it held the lock on \(path)") }
            seen += chunk
        }
    }

    /// Rolls the transaction back and waits for `sqlite3` to exit.
    public func release() throws {
        try input.fileHandleForWriting.write(contentsOf: Data("ROLLBACK;\n.quit\n".utf8))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}
