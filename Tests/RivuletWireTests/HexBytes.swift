/// Bytes written as hex digits, as RFC 8949's examples are: `"a26161"`. Spaces are ignored so long examples can be
/// grouped. Test input only: a character that is not a hex digit stops the test.
enum HexBytes {
    static func decode(_ hex: String) -> [UInt8] {
        let digits = hex.filter { $0 != " " }.map { character -> UInt8 in
            guard let value = character.hexDigitValue else { preconditionFailure("not hex: \(character)") }
            return UInt8(value)
        }
        precondition(digits.count % 2 == 0, "odd number of hex digits in \(hex)")
        return stride(from: 0, to: digits.count, by: 2).map { digits[$0] << 4 | digits[$0 + 1] }
    }

    static func encode(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef")
        return String(bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0x0F)]] })
    }
}
