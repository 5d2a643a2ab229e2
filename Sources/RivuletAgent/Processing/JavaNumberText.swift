/// How a number from the configuration file comes back out of the Kinesis Agent: Jackson reads integers as
/// Integer, Long or BigInteger (written back as plain digits) and anything with a fraction or exponent as a Java
/// double, written back by `Double.toString` (`1.50` becomes `1.5`, `1e3` becomes `1000.0`, `1e10` becomes `1.0E10`).
enum JavaNumberText {
    static func text(forLiteral literal: String) -> String {
        let isInteger = !literal.contains(where: { $0 == "." || $0 == "e" || $0 == "E" })
        if isInteger {
            return literal == "-0" ? "0" : literal
        }
        guard let value = Double(literal) else { return literal }
        return doubleText(value)
    }

    /// Java's `Double.toString`: plain notation for magnitudes in [10^-3, 10^7), otherwise `d.dddE±n`; always at
    /// least one digit after the point; shortest digits that read back to the same double.
    static func doubleText(_ value: Double) -> String {
        if value.isNaN { return "\"NaN\"" }
        if value.isInfinite { return value < 0 ? "\"-Infinity\"" : "\"Infinity\"" }
        if value == 0 { return value.sign == .minus ? "-0.0" : "0.0" }
        let sign = value < 0 ? "-" : ""
        let (digits, pointPosition) = shortestDigits(of: value.magnitude)
        let magnitude = value.magnitude
        if magnitude >= 1e-3 && magnitude < 1e7 {
            return sign + plainText(digits: digits, pointPosition: pointPosition)
        }
        let mantissaFraction = digits.count > 1 ? String(digits.dropFirst()) : "0"
        return sign + String(digits.first!) + "." + mantissaFraction + "E" + String(pointPosition - 1)
    }

    private static func plainText(digits: [Character], pointPosition: Int) -> String {
        if pointPosition <= 0 {
            return "0." + String(repeating: "0", count: -pointPosition) + String(digits)
        }
        if pointPosition >= digits.count {
            return String(digits) + String(repeating: "0", count: pointPosition - digits.count) + ".0"
        }
        return String(digits.prefix(pointPosition)) + "." + String(digits.dropFirst(pointPosition))
    }

    /// The significant digits of a positive finite double (no leading or trailing zeros) and where the decimal
    /// point falls among them: value = 0.d1d2... × 10^pointPosition.
    private static func shortestDigits(of value: Double) -> (digits: [Character], pointPosition: Int) {
        let description = value.description
        var mantissa = Substring(description)
        var exponent = 0
        if let marker = description.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = description[..<marker]
            exponent = Int(description[description.index(after: marker)...]) ?? 0
        }
        let integerPart = mantissa.split(separator: ".", omittingEmptySubsequences: false).first ?? ""
        let fractionPart = mantissa.split(separator: ".", omittingEmptySubsequences: false).dropFirst().first ?? ""
        var digits = Array(integerPart) + Array(fractionPart)
        var pointPosition = integerPart.count + exponent
        while let first = digits.first, first == "0" {
            digits.removeFirst()
            pointPosition -= 1
        }
        while let last = digits.last, last == "0" { digits.removeLast() }
        return (digits.isEmpty ? ["0"] : digits, pointPosition)
    }
}
