import RivuletCore

/// Writes compact JSON into a byte array. Built for GetRecords, which writes up to 10,000 records per response:
/// member names are copied from static storage, numbers are formatted in place, strings without characters to
/// escape are copied whole and blobs are base64-encoded straight into the output, so a record costs no allocation
/// beyond the array's growth.
public struct JSONWriter: WireWriter {
    public private(set) var bytes: [UInt8]
    /// Whether the next member or element needs a comma before it.
    private var followsValue = false

    public init(capacity: Int = 256) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    public mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        followsValue = false
    }

    public mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        followsValue = true
    }

    public mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        followsValue = false
    }

    public mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        followsValue = true
    }

    public mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
        followsValue = false
    }

    public mutating func key(_ name: String) {
        separate()
        appendQuoted(name)
        bytes.append(UInt8(ascii: ":"))
        followsValue = false
    }

    public mutating func string(_ value: String) {
        separate()
        appendQuoted(value)
        followsValue = true
    }

    public mutating func integer(_ value: Int64) {
        separate()
        appendDecimal(value)
        followsValue = true
    }

    public mutating func double(_ value: Double) {
        precondition(value.isFinite, "JSON has no representation for \(value)")
        separate()
        if value == value.rounded(), abs(value) < 9_007_199_254_740_992 {
            appendDecimal(Int64(value))
            bytes.append(contentsOf: [UInt8(ascii: "."), UInt8(ascii: "0")])
        } else {
            bytes.append(contentsOf: value.description.utf8)
        }
        followsValue = true
    }

    public mutating func boolean(_ value: Bool) {
        separate()
        bytes.append(contentsOf: value ? Self.trueLiteral : Self.falseLiteral)
        followsValue = true
    }

    public mutating func blob(_ data: [UInt8]) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        Base64Blob.encode(data, appendingTo: &bytes)
        bytes.append(UInt8(ascii: "\""))
        followsValue = true
    }

    /// Epoch seconds with the milliseconds as a fraction, never in scientific notation: `1700000000.123`.
    public mutating func timestamp(_ value: WireTimestamp) {
        separate()
        let milliseconds = value.epochMilliseconds
        if milliseconds < 0 { bytes.append(UInt8(ascii: "-")) }
        appendDecimal(milliseconds.magnitude / 1000)
        bytes.append(UInt8(ascii: "."))
        appendFraction(milliseconds.magnitude % 1000)
        followsValue = true
    }

    // MARK: Formatting

    private static let trueLiteral: [UInt8] = Array("true".utf8)
    private static let falseLiteral: [UInt8] = Array("false".utf8)

    private mutating func separate() {
        if followsValue { bytes.append(UInt8(ascii: ",")) }
    }

    /// Writes milliseconds 0...999 as a fraction without trailing zeros, keeping one digit: 120 -> "12", 0 -> "0".
    private mutating func appendFraction(_ milliseconds: UInt64) {
        var digits = [UInt8(milliseconds / 100), UInt8(milliseconds / 10 % 10), UInt8(milliseconds % 10)]
        while digits.count > 1, digits.last == 0 { digits.removeLast() }
        for digit in digits { bytes.append(UInt8(ascii: "0") + digit) }
    }

    private mutating func appendDecimal(_ value: Int64) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        appendDecimal(value.magnitude)
    }

    private mutating func appendDecimal(_ value: UInt64) {
        var magnitude = value
        // 20 digits hold any UInt64; filled from the end so no reversal is needed.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { buffer in
            var start = buffer.count
            repeat {
                start -= 1
                buffer[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start...]))
        }
    }

    private mutating func appendQuoted(_ text: String) {
        JSONStringEscaping.appendQuoted(text, to: &bytes)
    }
}
