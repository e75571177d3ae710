extension Frame {
    /// A frame over bytes held by the caller rather than libpcap (fuzzing, tools): ``ARPWatcher``
    /// judges it as it would a captured one.
    ///
    /// `bytes` must stay valid for as long as the frame is used; `originalLength` defaults to
    /// the captured length (nothing cut by a snapshot length).
    public init(
        number: Int, timestamp: CaptureTimestamp, linkType: LinkType, bytes: UnsafeRawBufferPointer,
        originalLength: Int? = nil
    ) {
        self.number = number
        self.timestamp = timestamp
        self.linkType = linkType
        self.bytes = bytes
        self.originalLength = originalLength ?? bytes.count
    }
}
