import RivuletCore

/// The second pass over a request, on a body whose types are right: the model's constraints, every violation
/// reported the way the service words it, at most `Limits.validationMessagesMax` of them.
struct ConstraintChecker {
    private(set) var violations: [String] = []

    private var isFull: Bool { violations.count >= Limits.validationMessagesMax }

    /// The ValidationException for what was found, if anything was.
    var error: KinesisError? {
        guard !violations.isEmpty else { return nil }
        let noun = violations.count == 1 ? "error" : "errors"
        return KinesisError(
            .validation,
            "\(violations.count) validation \(noun) detected: " + violations.joined(separator: "; "))
    }

    mutating func check(_ object: WireObject, _ rules: ShapeRules) {
        check(object, rules, parentPath: { nil })
    }

    // Paths and value descriptions are built only when a violation is reported: a valid PutRecords of 500 records
    // must not pay for 500 path strings and a printout of its whole list.
    private mutating func check(_ object: WireObject, _ rules: ShapeRules, parentPath: () -> String?) {
        for rule in rules.members {
            guard !isFull else { return }
            func path() -> String { parentPath().map { "\($0).\(rule.path)" } ?? rule.path }
            guard let value = object[rule.name] else {
                if rule.isRequired { report("null", path(), "Member must not be null") }
                continue
            }
            check(value, rule.type, path)
        }
    }

    private mutating func check(_ value: WireValue, _ type: MemberType, _ path: () -> String) {
        switch (type, value) {
        case (.string(let rule), .string(let text)):
            for violation in rule.violations(of: text) { report(Self.quoted(text), path(), violation) }
        case (.integer(let range), .integer(let number)), (.long(let range), .integer(let number)):
            if let min = range.min, number < min {
                report(Self.quoted(String(number)), path(), "Member must have value greater than or equal to \(min)")
            }
            if let max = range.max, number > max {
                report(Self.quoted(String(number)), path(), "Member must have value less than or equal to \(max)")
            }
        case (.blob(let range), .bytes(let bytes)):
            for violation in LengthRange.violations(of: range, count: bytes.count) {
                report(Self.quoted("java.nio.HeapByteBuffer[pos=0 lim=\(bytes.count) cap=\(bytes.count)]"), path(), violation)
            }
        case (.structure(let rules), .object(let object)):
            check(object, rules, parentPath: path)
        case (.list(let elementType, let range), .array(let elements)):
            checkList(elements, elementType, range, path)
        case (.map(let keyRule, let valueRule, let range), .object(let object)):
            checkMap(object, keyRule, valueRule, range, path)
        default:
            // Booleans and timestamps have no constraints; other pairs cannot survive the type pass.
            break
        }
    }

    /// Structures in a list are checked member by member (`records.1.member.partitionKey`); a list of strings is
    /// reported once, as a whole, with every constraint of its element.
    private mutating func checkList(
        _ elements: [WireValue], _ elementType: MemberType, _ range: LengthRange, _ path: () -> String
    ) {
        func description() -> String {
            var echo = EchoedValue()
            echo.append("[")
            for (index, element) in elements.enumerated() where !echo.isFull {
                if index > 0 { echo.append(", ") }
                echo.append(Self.describe(element, elementType))
            }
            echo.append("]")
            return Self.quoted(echo.text)
        }
        for violation in LengthRange.violations(of: range, count: elements.count) {
            report(description(), path(), violation)
        }
        switch elementType {
        case .structure(let rules):
            for (index, element) in elements.enumerated() {
                guard case .object(let object) = element else { continue }
                check(object, rules, parentPath: { "\(path()).\(index + 1).member" })
            }
        case .string(let rule):
            let broken = elements.contains { element in
                guard case .string(let text) = element else { return false }
                return !rule.violations(of: text).isEmpty
            }
            if broken { report(description(), path(), "Member must satisfy constraint: \(rule.summary)") }
        default:
            break
        }
    }

    private mutating func checkMap(
        _ object: WireObject, _ keyRule: StringRule, _ valueRule: StringRule, _ range: LengthRange, _ path: () -> String
    ) {
        func description() -> String {
            var echo = EchoedValue()
            echo.append("{")
            for (index, member) in object.members.enumerated() where !echo.isFull {
                if index > 0 { echo.append(", ") }
                echo.append("\(member.name)=\(Self.describe(member.value, .string(valueRule)))")
            }
            echo.append("}")
            return Self.quoted(echo.text)
        }
        for violation in LengthRange.violations(of: range, count: object.members.count) {
            report(description(), path(), violation)
        }
        if object.members.contains(where: { !keyRule.violations(of: $0.name).isEmpty }) {
            report(description(), path(), "Map keys must satisfy constraint: \(keyRule.summary)")
        }
        let brokenValue = object.members.contains { member in
            guard case .string(let text) = member.value else { return false }
            return !valueRule.violations(of: text).isEmpty
        }
        if brokenValue { report(description(), path(), "Map value must satisfy constraint: \(valueRule.summary)") }
    }

    /// How the service prints an element of a list or map value.
    private static func describe(_ value: WireValue, _ type: MemberType) -> String {
        switch (type, value) {
        case (_, .string(let text)): text
        case (_, .integer(let number)): String(number)
        case (_, .bool(let flag)): String(flag)
        case (_, .bytes(let bytes)): "java.nio.HeapByteBuffer[pos=0 lim=\(bytes.count) cap=\(bytes.count)]"
        case (.structure(let rules), _): rules.name
        default: "null"
        }
    }

    private static func quoted(_ text: String) -> String { "'\(EchoedValue.cut(text))'" }

    private mutating func report(_ value: String, _ path: String, _ violation: String) {
        guard !isFull else { return }
        violations.append("Value \(value) at '\(path)' failed to satisfy constraint: \(violation)")
    }
}
