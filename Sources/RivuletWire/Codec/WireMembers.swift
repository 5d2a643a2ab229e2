import RivuletCore

/// Reads a shape's members out of a body object.
struct WireMembers {
    let object: WireObject

    init(_ object: WireObject) {
        self.object = object
    }

    /// A response body. An empty body (operations without output send none) reads as an object without members.
    init(decoding value: WireValue) throws(KinesisError) {
        guard case .object(let object) = value else {
            throw KinesisError(.serializationException, "Expected an object (a JSON object or CBOR map) as the response body.")
        }
        self.object = object
    }

    func optional<Value: WireDecodable>(_ name: String) -> Value? {
        object[name].flatMap(Value.init(wire:))
    }

    func optionalBlob(_ name: String) -> [UInt8]? {
        object[name].flatMap(WireBlob.bytes)
    }

    /// A required member. Checked requests always have it, so only a faulty response can fail here.
    func required<Value: WireDecodable>(_ name: String) throws(KinesisError) -> Value {
        guard let value: Value = optional(name) else { throw Self.missing(name) }
        return value
    }

    func requiredBlob(_ name: String) throws(KinesisError) -> [UInt8] {
        guard let value = optionalBlob(name) else { throw Self.missing(name) }
        return value
    }

    private static func missing(_ name: String) -> KinesisError {
        KinesisError(.serializationException, "Required member \(name) is missing or malformed.")
    }
}

/// A nested shape read through the same member reader as a top-level one.
protocol WireStructure: WireDecodable, WireEncodable {
    init(members: WireMembers) throws(KinesisError)
}

extension WireStructure {
    init?(wire value: WireValue) {
        guard case .object(let object) = value, let shape = try? Self(members: WireMembers(object)) else { return nil }
        self = shape
    }
}
