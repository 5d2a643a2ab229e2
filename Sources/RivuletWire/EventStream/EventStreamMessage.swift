import RivuletCore

/// One message of `application/vnd.amazon.eventstream`, the framing SubscribeToShard streams its events in:
///
///     total length (4) | headers length (4) | CRC-32 of those 8 bytes (4) | headers | payload | CRC-32 of all before (4)
///
/// Integers are big-endian. Each header is a 1-byte name length, the name, a 1-byte type code and the value; strings
/// and byte arrays carry a 2-byte length.
public struct EventStreamMessage: Sendable, Equatable {
    /// The prelude (two lengths and their checksum) plus the message checksum.
    public static let overheadBytes = 16
    /// The framing's own limits: a message of at most 16 MiB with at most 128 KiB of headers.
    public static let messageBytesMax = 16 * 1024 * 1024
    public static let headersBytesMax = 128 * 1024

    public var headers: [EventStreamHeader]
    public var payload: [UInt8]

    public init(headers: [EventStreamHeader], payload: [UInt8]) {
        self.headers = headers
        self.payload = payload
    }

    /// An event of `eventType` (`initial-response`, `SubscribeToShardEvent`) whose payload is in `contentType`.
    public static func event(_ eventType: String, contentType: String, payload: [UInt8]) -> EventStreamMessage {
        EventStreamMessage(
            headers: [
                EventStreamHeader(":event-type", .string(eventType)),
                EventStreamHeader(":content-type", .string(contentType)),
                EventStreamHeader(":message-type", .string("event")),
            ],
            payload: payload)
    }

    /// An error that ends the stream, named like the API's errors (`ResourceInUseException`).
    public static func exception(_ exceptionType: String, contentType: String, payload: [UInt8]) -> EventStreamMessage {
        EventStreamMessage(
            headers: [
                EventStreamHeader(":exception-type", .string(exceptionType)),
                EventStreamHeader(":content-type", .string(contentType)),
                EventStreamHeader(":message-type", .string("exception")),
            ],
            payload: payload)
    }

    public func header(_ name: String) -> EventStreamHeaderValue? {
        headers.first { $0.name == name }?.value
    }

    /// The whole framed message.
    public func encoded() -> [UInt8] {
        var headerBytes: [UInt8] = []
        for header in headers {
            let name = Array(header.name.utf8)
            precondition(name.count <= Int(UInt8.max), "event stream header names are at most 255 bytes")
            headerBytes.append(UInt8(name.count))
            headerBytes.append(contentsOf: name)
            Self.appendValue(header.value, to: &headerBytes)
        }
        let total = Self.overheadBytes + headerBytes.count + payload.count
        var bytes: [UInt8] = []
        bytes.reserveCapacity(total)
        Self.appendInteger(UInt32(total), to: &bytes)
        Self.appendInteger(UInt32(headerBytes.count), to: &bytes)
        Self.appendInteger(CRC32.checksum(bytes), to: &bytes)
        bytes.append(contentsOf: headerBytes)
        bytes.append(contentsOf: payload)
        Self.appendInteger(CRC32.checksum(bytes), to: &bytes)
        return bytes
    }

    private static func appendValue(_ value: EventStreamHeaderValue, to bytes: inout [UInt8]) {
        switch value {
        case .boolean(let flag):
            bytes.append(flag ? 0 : 1)
        case .byte(let number):
            bytes.append(2)
            bytes.append(UInt8(bitPattern: number))
        case .short(let number):
            bytes.append(3)
            appendInteger(UInt16(bitPattern: number), to: &bytes)
        case .integer(let number):
            bytes.append(4)
            appendInteger(UInt32(bitPattern: number), to: &bytes)
        case .long(let number):
            bytes.append(5)
            appendInteger(UInt64(bitPattern: number), to: &bytes)
        case .bytes(let data):
            bytes.append(6)
            appendInteger(UInt16(data.count), to: &bytes)
            bytes.append(contentsOf: data)
        case .string(let text):
            let data = Array(text.utf8)
            bytes.append(7)
            appendInteger(UInt16(data.count), to: &bytes)
            bytes.append(contentsOf: data)
        case .timestamp(let milliseconds):
            bytes.append(8)
            appendInteger(UInt64(bitPattern: milliseconds), to: &bytes)
        case .uuid(let data):
            precondition(data.count == 16, "a UUID header is 16 bytes")
            bytes.append(9)
            bytes.append(contentsOf: data)
        }
    }

    static func appendInteger<Value: FixedWidthInteger>(_ value: Value, to bytes: inout [UInt8]) {
        var bigEndian = value.bigEndian
        withUnsafeBytes(of: &bigEndian) { bytes.append(contentsOf: $0) }
    }
}
