/// Reads a byte range of a segment file frame by frame, with one reusable buffer and one pread per buffer-full,
/// checking every frame (length bounds, checksum, record layout) before handing it out.
struct FrameWalker {
    /// Why a walk ended.
    enum End: Equatable {
        case reachedEnd
        /// The visitor asked to stop; `offset` is where its last frame started.
        case stopped
        /// A frame failed its check (length bounds, checksum, layout).
        case damaged(offset: Int64, reason: String)
        /// The range ends inside the frame at `offset`: at the end of the active segment, a torn write.
        case truncated(offset: Int64)
    }

    let file: OpenFile
    let fileSystem: any FileSystem
    let startOffset: Int64
    let endOffset: Int64
    let bufferBytes: Int

    init(file: OpenFile, fileSystem: any FileSystem, from startOffset: Int64, to endOffset: Int64, bufferBytes: Int) {
        precondition(bufferBytes >= RecordFrame.headerBytes, "the buffer must hold a frame header")
        self.file = file
        self.fileSystem = fileSystem
        self.startOffset = startOffset
        self.endOffset = endOffset
        self.bufferBytes = bufferBytes
    }

    /// Calls `visit` with each checked frame (its header, its bytes, its file offset) until the end of the range, a
    /// damaged frame, or `visit` returning false. The frame bytes are valid only during the call.
    func walk(_ visit: (FrameHeader, UnsafeRawBufferPointer, Int64) throws -> Bool) throws -> End {
        var buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: bufferBytes, alignment: 8)
        defer { buffer.deallocate() }
        var offset = startOffset
        while offset < endOffset {
            let wanted = Int(min(Int64(buffer.count), endOffset - offset))
            let count = try fileSystem.read(
                into: UnsafeMutableRawBufferPointer(rebasing: buffer[0..<wanted]), from: file, at: offset)
            let isLastRead = count < wanted || offset + Int64(count) >= endOffset
            var cursor = 0
            parsing: while cursor < count {
                switch RecordFrame.check(UnsafeRawBufferPointer(rebasing: buffer[cursor..<count])) {
                case .complete(let header):
                    let frame = UnsafeRawBufferPointer(rebasing: buffer[cursor..<(cursor + header.frameBytes)])
                    guard try visit(header, frame, offset + Int64(cursor)) else { return .stopped }
                    cursor += header.frameBytes
                case .invalid(let reason):
                    return .damaged(offset: offset + Int64(cursor), reason: reason)
                case .incomplete(let frameBytes):
                    if isLastRead {
                        return .truncated(offset: offset + Int64(cursor))
                    }
                    if cursor == 0, let frameBytes {
                        // A frame larger than the buffer: read it whole with a buffer of its own size.
                        buffer.deallocate()
                        buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: frameBytes, alignment: 8)
                    }
                    break parsing
                }
            }
            if count == 0 { return .truncated(offset: offset) }
            offset += Int64(cursor)
        }
        return .reachedEnd
    }
}
