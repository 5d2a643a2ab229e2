import Foundation

/// Splits text on a regular expression with Java's `String.split` rules: a zero-width match at the very start
/// makes no empty first field, no match at all leaves the text as one field, and empty fields at the end are
/// dropped. Field bounds are given as UTF-8 offsets into the text.
enum PatternFieldSplitter {
    static func fieldBounds(of text: String, splitBy expression: NSRegularExpression) -> [Range<Int>] {
        let length = text.utf16.count
        var pieces: [Range<Int>] = []
        var index = 0
        for match in expression.matches(in: text, range: NSRange(location: 0, length: length)) {
            let range = match.range
            if index == 0 && range.location == 0 && range.length == 0 { continue }
            pieces.append(index..<range.location)
            index = range.location + range.length
        }
        if index == 0 && pieces.isEmpty { return [0..<text.utf8.count] }
        pieces.append(index..<length)
        while let last = pieces.last, last.isEmpty { pieces.removeLast() }
        return pieces.map { utf8Range(of: $0, in: text) }
    }

    private static func utf8Range(of utf16Range: Range<Int>, in text: String) -> Range<Int> {
        let lower = utf8Offset(ofUTF16Offset: utf16Range.lowerBound, in: text)
        let upper = utf8Offset(ofUTF16Offset: utf16Range.upperBound, in: text)
        return lower..<upper
    }

    private static func utf8Offset(ofUTF16Offset offset: Int, in text: String) -> Int {
        let index = text.utf16.index(text.utf16.startIndex, offsetBy: offset)
        return text.utf8.distance(from: text.utf8.startIndex, to: index)
    }
}
