import Crypto

/// Builds aggregates by hand, byte by byte, for the tests that need a message the builder would never write.
enum AggregateFixtures {
    /// Magic + `message` + MD5(`message`), whatever the message holds.
    static func wrap(_ message: [UInt8]) -> [UInt8] {
        [0xF3, 0x89, 0x9A, 0xC2] + message + Array(Insecure.MD5.hash(data: message))
    }

    /// A length-delimited field with a one-byte key and a one-byte length.
    static func field(_ number: UInt8, _ payload: [UInt8]) -> [UInt8] {
        precondition(payload.count < 0x80)
        return [number << 3 | 2, UInt8(payload.count)] + payload
    }

    static func varintField(_ number: UInt8, _ value: UInt8) -> [UInt8] {
        precondition(value < 0x80)
        return [number << 3, value]
    }

    static func text(_ string: String) -> [UInt8] { Array(string.utf8) }
}
