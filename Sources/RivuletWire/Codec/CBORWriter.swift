/// Writes CBOR (RFC 8949) into a byte array, for clients that speak `application/x-amz-cbor-1.1`. Built, like
/// JSONWriter, for GetRecords responses of up to 10,000 records: heads are formatted in place, member names are
/// copied from static storage, strings from their UTF-8 storage and blobs as raw byte strings, so a record costs no
/// allocation beyond the array's growth.
///
/// Objects and arrays are written with indefinite lengths (0xBF or 0x9F, items, then the break 0xFF). A definite
/// length would have to be known before the first member, and shapes write members one by one without counting
/// them (absent ones are skipped); patching the count afterwards would need a stack of open containers and, past 23
/// members or elements, moving everything written since. One extra byte per container is cheaper, every CBOR reader
/// accepts it, and it is what the AWS SDK for Java's own generator (Jackson) writes.
public struct CBORWriter: WireWriter {
    public private(set) var bytes: [UInt8]

    // Major types, already shifted into the head's top three bits.
    private static let unsignedMajor: UInt8 = 0 << 5
    private static let negativeMajor: UInt8 = 1 << 5
    private static let bytesMajor: UInt8 = 2 << 5
    private static let textMajor: UInt8 = 3 << 5
    private static let tagMajor: UInt8 = 6 << 5

    private static let indefiniteArray: UInt8 = 0x9F
    private static let indefiniteMap: UInt8 = 0xBF
    private static let breakByte: UInt8 = 0xFF
    private static let falseByte: UInt8 = 0xF4
    private static let trueByte: UInt8 = 0xF5
    private static let float64Byte: UInt8 = 0xFB
    private static let epochTimeTag: UInt64 = 1

    public init(capacity: Int = 256) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    public mutating func beginObject() { bytes.append(Self.indefiniteMap) }

    public mutating func endObject() { bytes.append(Self.breakByte) }

    public mutating func beginArray() { bytes.append(Self.indefiniteArray) }

    public mutating func endArray() { bytes.append(Self.breakByte) }

    public mutating func key(_ name: StaticString) {
        name.withUTF8Buffer { utf8 in
            appendHead(Self.textMajor, UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    public mutating func key(_ name: String) { string(name) }

    public mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            appendHead(Self.textMajor, UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    /// The shortest head that holds the value. A negative n is written as -1 - n, which is its bitwise complement.
    public mutating func integer(_ value: Int64) {
        if value >= 0 {
            appendHead(Self.unsignedMajor, UInt64(value))
        } else {
            appendHead(Self.negativeMajor, UInt64(bitPattern: ~value))
        }
    }

    /// Always as float64, which is exact for every Double. No Kinesis member is a floating-point number, so the
    /// bytes a shorter float would save are not worth checking for on every value.
    public mutating func double(_ value: Double) {
        precondition(value.isFinite, "Rivulet's wire formats carry finite numbers only, not \(value)")
        bytes.append(Self.float64Byte)
        appendBigEndian(value.bitPattern, byteCount: 8)
    }

    public mutating func boolean(_ value: Bool) {
        bytes.append(value ? Self.trueByte : Self.falseByte)
    }

    /// A byte string (major type 2): CBOR carries blobs raw, without JSON's base64.
    public mutating func blob(_ data: [UInt8]) {
        appendHead(Self.bytesMajor, UInt64(data.count))
        bytes.append(contentsOf: data)
    }

    /// Tag 1 around integer epoch milliseconds, as the AWS SDK for Java writes and reads timestamps in CBOR.
    public mutating func timestamp(_ value: WireTimestamp) {
        appendHead(Self.tagMajor, Self.epochTimeTag)
        integer(value.epochMilliseconds)
    }

    // MARK: Heads

    /// A head: the major type with the argument in the additional information below 24, else in the following
    /// 1, 2, 4 or 8 bytes, whichever is shortest.
    private mutating func appendHead(_ major: UInt8, _ argument: UInt64) {
        switch argument {
        case 0..<24:
            bytes.append(major | UInt8(argument))
        case 24...0xFF:
            bytes.append(major | 24)
            bytes.append(UInt8(argument))
        case 0x100...0xFFFF:
            bytes.append(major | 25)
            appendBigEndian(argument, byteCount: 2)
        case 0x1_0000...0xFFFF_FFFF:
            bytes.append(major | 26)
            appendBigEndian(argument, byteCount: 4)
        default:
            bytes.append(major | 27)
            appendBigEndian(argument, byteCount: 8)
        }
    }

    private mutating func appendBigEndian(_ value: UInt64, byteCount: Int) {
        var shift = (byteCount - 1) * 8
        while shift >= 0 {
            bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift)))
            shift -= 8
        }
    }
}
