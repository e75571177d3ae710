extension Sequence<UInt8> {
    /// Calls `body` once with all the bytes in one buffer: the sequence's own storage when it has
    /// one (a string's UTF-8, an array, a slice of a buffer), else a copy.
    ///
    /// Parsers of text take the buffer rather than a generic sequence: generic code is not
    /// specialized for callers in other modules, and reading through a generic iterator there costs
    /// a witness call per byte (a register of thousands of lines is parsed at every start).
    func withBytesInOneBuffer<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        withContiguousStorageIfAvailable(body) ?? Array(self).withUnsafeBufferPointer(body)
    }
}
