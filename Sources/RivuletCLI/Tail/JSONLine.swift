/// A one-line JSON object writer for the CLI's streaming output, with members in the order given (readers of
/// `rivulet tail --output json` see shardId first, as they would expect to).
enum JSONLine {
    indirect enum Value {
        case string(String)
        case integer(Int64)
        case double(Double)
        case object([(String, Value)])
    }

    static func object(_ members: [(String, Value)]) -> String {
        var text = ""
        write(.object(members), to: &text)
        return text
    }

    private static func write(_ value: Value, to text: inout String) {
        switch value {
        case .string(let string): writeString(string, to: &text)
        case .integer(let integer): text += String(integer)
        case .double(let double): text += "\(double)"
        case .object(let members):
            text += "{"
            for (index, (key, member)) in members.enumerated() {
                if index > 0 { text += "," }
                writeString(key, to: &text)
                text += ":"
                write(member, to: &text)
            }
            text += "}"
        }
    }

    private static func writeString(_ string: String, to text: inout String) {
        text += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }
}
