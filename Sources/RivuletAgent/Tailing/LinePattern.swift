import Foundation

/// A regular expression tested at the start of a line, as Java's `Matcher.lookingAt` does for the Kinesis Agent:
/// the match must begin at the first character but need not reach the end.
struct LinePattern: @unchecked Sendable {
    // NSRegularExpression is immutable once built and documented as safe to share between threads.
    private let expression: NSRegularExpression
    let pattern: String

    init(_ pattern: String) throws(LinePatternError) {
        do {
            expression = try NSRegularExpression(pattern: pattern, options: [])
        } catch {
            throw LinePatternError(pattern: pattern, reason: "\(error)")
        }
        self.pattern = pattern
    }

    /// Tests a line's bytes without its line ending ("\n" or "\r\n"), so `$` means the end of the text.
    func matchesStart(ofLine line: [UInt8]) -> Bool {
        var textEnd = line.count
        if textEnd > 0, line[textEnd - 1] == 0x0A { textEnd -= 1 }
        if textEnd > 0, line[textEnd - 1] == 0x0D { textEnd -= 1 }
        let text = String(decoding: line[0..<textEnd], as: UTF8.self)
        let range = NSRange(location: 0, length: text.utf16.count)
        return expression.rangeOfFirstMatch(in: text, options: [.anchored], range: range).location != NSNotFound
    }
}
