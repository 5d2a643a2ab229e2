import Foundation

/// A record's data as the text output shows it: the text itself when it is UTF-8, else `base64:` and the
/// base64 of the bytes. Line breaks and tabs are written as `\n`, `\r` and `\t` so each record keeps to one line;
/// `--output json` gives the exact bytes.
enum RecordDataText {
    static func text(_ data: [UInt8]) -> String {
        guard let text = String(validating: data, as: UTF8.self) else {
            return "base64:" + Data(data).base64EncodedString()
        }
        var shown = ""
        shown.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "\n": shown += "\\n"
            case "\r": shown += "\\r"
            case "\t": shown += "\\t"
            default: shown.unicodeScalars.append(character)
            }
        }
        return shown
    }
}
