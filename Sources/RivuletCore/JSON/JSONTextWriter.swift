/// Writes a `JSONValue` back as compact JSON text: members in their order, numbers as written.
public enum JSONTextWriter {
    public static func compactText(of value: JSONValue) -> String {
        var text = ""
        write(value, into: &text)
        return text
    }

    private static func write(_ value: JSONValue, into text: inout String) {
        switch value {
        case .null:
            text += "null"
        case .bool(let flag):
            text += flag ? "true" : "false"
        case .number(let literal):
            text += literal
        case .string(let string):
            text += JSONStringEscaping.quoted(string)
        case .array(let elements):
            text += "["
            for (position, element) in elements.enumerated() {
                if position > 0 { text += "," }
                write(element, into: &text)
            }
            text += "]"
        case .object(let members):
            text += "{"
            for (position, member) in members.enumerated() {
                if position > 0 { text += "," }
                text += JSONStringEscaping.quoted(member.key)
                text += ":"
                write(member.value, into: &text)
            }
            text += "}"
        }
    }
}
