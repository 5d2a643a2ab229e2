/// The building blocks of the Kinesis Agent's log formats (its PatternConstants), as facts: the same grammar,
/// with Java's ASCII-only `\w`, `\d`, `\s` and its `.` spelled out, because ICU (behind NSRegularExpression) would
/// otherwise also match non-ASCII letters, digits and spaces where the original does not.
enum LogPatterns {
    static let word = "[A-Za-z0-9_]"
    static let digit = "[0-9]"
    static let space = "[ \\t\\n\\x0B\\f\\r]"

    static let integer = "(?:[+-]?(?:[0-9]+))"
    static let positiveInteger = "(?:[1-9][0-9]*)"
    static let nonNegativeInteger = "(?:[0-9]+)"
    /// Java's `.*`: ICU's `.` also stops at form feed and vertical tab, Java's does not.
    static let anyData = "[^\\n\\r\\x{85}\\x{2028}\\x{2029}]*"
    static let notQuote = "[^\"]+"

    static let ipAddress = "(?:[0-9.]+)"
    static let hostname = "(?:[A-Za-z0-9_-]+)(?:\\.(?:[A-Za-z0-9_-]+))*(?:\\.?|\\b)"
    static let ipOrHost = "(?:\(hostname)|\(ipAddress))"
    static let uriHost = "(?:\(ipOrHost)(?::\(positiveInteger))?)"
    static let user = "(?:[a-zA-Z0-9._-]+)"

    static let monthDay = "(?:(?:0[1-9])|(?:[12][0-9])|(?:3[01])|[1-9])"
    static let day = "(?:Mon(?:day)?|Tue(?:sday)?|Wed(?:nesday)?|Thu(?:rsday)?|Fri(?:day)?|Sat(?:urday)?|Sun(?:day)?)"
    static let month =
        "\\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|Jun(?:e)?|Jul(?:y)?|Aug(?:ust)?"
        + "|Sep(?:tember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\b"
    static let year = "(?:[1-9]\(digit)*)"
    static let hour = "(?:2[0123]|[01]?[0-9])"
    static let minute = "(?:[0-5][0-9])"
    static let second = "(?:(?:[0-5]?[0-9]|60)(?:[:.,][0-9]+)?)"
    static let time = "(?:\(hour):\(minute):\(second))"
    static let httpDate = "(?:\(monthDay)/\(month)/\(year):\(time)\(space)\(integer))"
    static let apacheErrorTimestamp =
        "(?:\(day)\(space)+\(month)\(space)+\(monthDay)\(space)+\(time)\(space)+\(year))"
    static let syslogTimestamp = "(?:\(month)\(space)+\(monthDay)\(space)+\(time))"
    static let rfc3339Timestamp =
        "(?:\(digit){4}-\(digit){2}-\(digit){2}T\(digit){2}:\(digit){2}:\(digit){2}(?:\\.\(digit)+)?)"
        + "(?:Z|(?:[-+]\(digit){2}:\(digit){2}))"

    /// As in the original, the character between the two numbers is any character (an unescaped `.`).
    static let syslogFacility = "<\(nonNegativeInteger).\(nonNegativeInteger)>"
    static let program = "([A-Za-z0-9_./%-]+)"
    static let syslogProgram = "\(program)(?:\\[(\(positiveInteger))\\])?"

    static let commonApacheLog =
        "^(\(ipOrHost)) (\(user)) (\(user)) \\[(\(httpDate))\\] \"(\(notQuote))\" (\(integer)|\\-) (\(integer)|\\-)"
    static let combinedApacheLog = commonApacheLog + " \"(\(notQuote))\" \"(\(notQuote))\""
    static let apacheErrorLog =
        "^\\[(\(apacheErrorTimestamp))\\] \\[(?:(\(word)+):)?(\(word)+)\\] "
        + "\\[pid (\(nonNegativeInteger))(?::tid (\(nonNegativeInteger)))?\\] \\[client (\(uriHost))\\] (\(anyData))"
    static let syslog =
        "^(\(syslogTimestamp)) (?:\(syslogFacility) )?(\(user)) \(syslogProgram): (\(anyData))"
    static let rfc3339Syslog =
        "^(\(rfc3339Timestamp)) (?:\(syslogFacility) )?(\(user)) \(syslogProgram): (\(anyData))"
}
