import RivuletCore

@testable import RivuletWire

/// Turns a (mutated) tree into the bytes of a request body in either format, and damages bytes.
enum FuzzBody {
    static func encode(_ value: WireValue, as format: WireFormat) -> [UInt8] {
        switch format {
        case .json:
            var text = ""
            writeJSON(value, to: &text)
            return Array(text.utf8)
        case .cbor:
            var writer = CBORWriter()
            withoutRawNumbers(value).write(to: &writer)
            return writer.bytes
        }
    }

    /// A byte changed, dropped or repeated, or the body cut short: the parsers' refusals must be clean too.
    static func damage(_ bytes: [UInt8], using mutator: inout RequestMutator) -> [UInt8] {
        guard !bytes.isEmpty else { return bytes }
        var damaged = bytes
        let index = mutator.pick(upTo: damaged.count)
        switch mutator.pick(upTo: 4) {
        case 0: damaged[index] ^= UInt8(1 << mutator.pick(upTo: 8))
        case 1: damaged.remove(at: index)
        case 2: damaged.insert(damaged[index], at: index)
        default: damaged.removeLast(damaged.count - index)
        }
        return damaged
    }

    /// JSON written by hand rather than by `JSONWriter`, because a fuzzer needs number text no `Int64` or `Double`
    /// holds, and nulls in objects.
    private static func writeJSON(_ value: WireValue, to text: inout String) {
        switch value {
        case .null: text += "null"
        case .bool(let flag): text += flag ? "true" : "false"
        case .integer(let number): text += String(number)
        case .double(let number): text += "\(number)"
        case .string(let string) where string.hasPrefix(RequestMutator.rawNumberPrefix):
            text += string.dropFirst(RequestMutator.rawNumberPrefix.count)
        case .string(let string): text += quoted(string)
        case .bytes(let bytes): text += quoted(Base64Blob.encode(bytes))
        case .timestamp(let timestamp): text += String(timestamp.epochMilliseconds / 1000)
        case .array(let elements):
            text += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { text += "," }
                writeJSON(element, to: &text)
            }
            text += "]"
        case .object(let object):
            text += "{"
            for (index, member) in object.members.enumerated() {
                if index > 0 { text += "," }
                text += quoted(member.name) + ":"
                writeJSON(member.value, to: &text)
            }
            text += "}"
        }
    }

    private static func quoted(_ string: String) -> String {
        var writer = JSONWriter()
        writer.string(string)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// CBOR has no bare number text: a raw number becomes the nearest double, and nulls are dropped.
    private static func withoutRawNumbers(_ value: WireValue) -> WireValue {
        switch value {
        case .string(let string) where string.hasPrefix(RequestMutator.rawNumberPrefix):
            let parsed = Double(string.dropFirst(RequestMutator.rawNumberPrefix.count)) ?? 0
            return .double(parsed.isFinite ? parsed : 1e308)
        case .array(let elements):
            return .array(elements.filter { $0 != .null }.map(withoutRawNumbers))
        case .object(let object):
            return .object(
                WireObject(
                    object.members.filter { $0.value != .null }.map {
                        WireObject.Member(name: $0.name, value: withoutRawNumbers($0.value))
                    }))
        default:
            return value
        }
    }
}
