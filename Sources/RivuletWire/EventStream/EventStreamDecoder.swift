import RivuletCore

/// Why a byte stream is not valid event stream framing.
public struct EventStreamError: Error, Equatable, CustomStringConvertible {
    public var description: String

    init(_ description: String) {
        self.description = description
    }
}

/// Splits a byte stream into event stream messages as bytes arrive, checking both checksums of each.
public struct EventStreamDecoder: Sendable {
    private var buffered: [UInt8] = []
    private var start = 0

    public init() {}

    public mutating func append(_ bytes: some Sequence<UInt8>) {
        // Drop consumed messages once they are most of the buffer, so a long stream does not keep them all.
        if start > 0 && start * 2 >= buffered.count {
            buffered.removeFirst(start)
            start = 0
        }
        buffered.append(contentsOf: bytes)
    }

    /// The next complete message, or nil until more bytes arrive.
    public mutating func next() throws(EventStreamError) -> EventStreamMessage? {
        let available = buffered.count - start
        guard available >= 12 else { return nil }
        let total = Int(readInteger(UInt32.self, at: start))
        let headersLength = Int(readInteger(UInt32.self, at: start + 4))
        let preludeChecksum = readInteger(UInt32.self, at: start + 8)
        guard CRC32.checksum(buffered[start..<start + 8]) == preludeChecksum else {
            throw EventStreamError("prelude checksum mismatch")
        }
        guard total >= EventStreamMessage.overheadBytes + headersLength,
            total <= EventStreamMessage.messageBytesMax, headersLength <= EventStreamMessage.headersBytesMax
        else { throw EventStreamError("message of \(total) bytes with \(headersLength) bytes of headers") }
        guard available >= total else { return nil }
        let end = start + total
        guard CRC32.checksum(buffered[start..<end - 4]) == readInteger(UInt32.self, at: end - 4) else {
            throw EventStreamError("message checksum mismatch")
        }
        let headers = try parseHeaders(buffered[start + 12..<start + 12 + headersLength])
        let payload = Array(buffered[start + 12 + headersLength..<end - 4])
        start = end
        return EventStreamMessage(headers: headers, payload: payload)
    }

    private func readInteger<Value: FixedWidthInteger>(_: Value.Type, at offset: Int) -> Value {
        var value: Value = 0
        for index in 0..<MemoryLayout<Value>.size {
            value = value << 8 | Value(buffered[offset + index])
        }
        return value
    }

    private func parseHeaders(_ bytes: ArraySlice<UInt8>) throws(EventStreamError) -> [EventStreamHeader] {
        var headers: [EventStreamHeader] = []
        var cursor = bytes.startIndex
        func take(_ count: Int) throws(EventStreamError) -> ArraySlice<UInt8> {
            guard count >= 0, bytes.endIndex - cursor >= count else { throw EventStreamError("truncated header") }
            defer { cursor += count }
            return bytes[cursor..<cursor + count]
        }
        func integer(_ count: Int) throws(EventStreamError) -> UInt64 {
            try take(count).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        }
        while cursor < bytes.endIndex {
            let nameLength = Int(try integer(1))
            guard let name = String(validating: try take(nameLength), as: UTF8.self) else {
                throw EventStreamError("header name is not UTF-8")
            }
            let value: EventStreamHeaderValue
            switch try integer(1) {
            case 0: value = .boolean(true)
            case 1: value = .boolean(false)
            case 2: value = .byte(Int8(truncatingIfNeeded: try integer(1)))
            case 3: value = .short(Int16(truncatingIfNeeded: try integer(2)))
            case 4: value = .integer(Int32(truncatingIfNeeded: try integer(4)))
            case 5: value = .long(Int64(bitPattern: try integer(8)))
            case 6: value = .bytes(Array(try take(Int(try integer(2)))))
            case 7:
                guard let text = String(validating: try take(Int(try integer(2))), as: UTF8.self) else {
                    throw EventStreamError("header \(name) is not UTF-8")
                }
                value = .string(text)
            case 8: value = .timestamp(Int64(bitPattern: try integer(8)))
            case 9: value = .uuid(Array(try take(16)))
            case let code: throw EventStreamError("unknown header type \(code)")
            }
            headers.append(EventStreamHeader(name, value))
        }
        return headers
    }
}
