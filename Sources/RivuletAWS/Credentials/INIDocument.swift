/// The INI dialect of the shared `credentials` and `config` files, read as AWS's tools read it: `[section]`
/// headers, `key = value` or `key: value` lines with keys compared without case, whole-line comments starting with
/// `#` or `;`, and indented lines continuing the previous value (how nested settings such as `s3 =` are written).
/// Text after a value is part of it; these files have no inline comments.
struct INIDocument: Equatable {
    private(set) var sections: [String: [String: String]] = [:]

    init(parsing text: String) {
        var section: String?
        var lastKey: String?
        for rawLine in text.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline) {
            let line = rawLine.trimmingWhitespace()
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if let first = rawLine.first, first == " " || first == "\t" {
                if let section, let lastKey { sections[section]?[lastKey, default: ""] += "\n" + line }
                continue
            }
            if line.hasPrefix("["), line.hasSuffix("]") {
                // `[profile  name]` and `[ profile name ]` name the same section.
                let name = line.dropFirst().dropLast().split(whereSeparator: { $0 == " " || $0 == "\t" })
                    .joined(separator: " ")
                section = name
                lastKey = nil
                if sections[name] == nil { sections[name] = [:] }
                continue
            }
            guard let section, let separator = line.firstIndex(where: { $0 == "=" || $0 == ":" }) else { continue }
            let key = line[..<separator].trimmingWhitespace().lowercased()
            sections[section]?[key] = line[line.index(after: separator)...].trimmingWhitespace()
            lastKey = key
        }
    }

    func section(_ name: String) -> [String: String]? { sections[name] }
}

extension StringProtocol {
    fileprivate func trimmingWhitespace() -> String {
        let isWhitespace = { (character: Character) in character == " " || character == "\t" || character == "\r" }
        guard let start = firstIndex(where: { !isWhitespace($0) }),
            let end = lastIndex(where: { !isWhitespace($0) })
        else { return "" }
        return String(self[start...end])
    }
}
