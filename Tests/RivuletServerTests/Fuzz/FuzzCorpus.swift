import Foundation
import RivuletCore

@testable import RivuletWire

/// The dispatcher fuzzer's kept corpus: Tests/Fuzz/dispatcher-corpus, one request per file (the operation's name on
/// the first line, its JSON body after it). `seed-*` files are a valid request per operation; `finding-*` files are
/// requests that once broke the server, replayed on every run so the defect stays fixed. Bodies may name live
/// values as placeholders (`$STREAM`, `$STREAM_ARN`, `$CONSUMER_ARN`, `$ITERATOR`, `$SEQUENCE`), filled in per run.
struct FuzzCorpus {
    struct Entry {
        let fileName: String
        let action: String
        let body: WireValue
    }

    let entries: [Entry]

    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz/dispatcher-corpus")

    static func load(placeholders: [String: String]) throws -> FuzzCorpus {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".json") }
        var entries: [Entry] = []
        for name in names.sorted() {
            var text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            // Longest first, so `$STREAM_ARN` is not taken for `$STREAM` followed by `_ARN`.
            for (placeholder, value) in placeholders.sorted(by: { $0.key.count > $1.key.count }) {
                text = text.replacingOccurrences(of: placeholder, with: value)
            }
            guard let newline = text.firstIndex(of: "\n") else { continue }
            let action = String(text[..<newline])
            let body = Array(text[text.index(after: newline)...].utf8)
            let value = try body.withUnsafeBytes { buffer in try WireFormat.json.parseRequest(buffer) }
            entries.append(Entry(fileName: name, action: action, body: value))
        }
        return FuzzCorpus(entries: entries)
    }

    /// Every member name in the corpus, for mutations that add a member.
    var memberNames: [String] {
        var names: Set<String> = []
        func collect(_ value: WireValue) {
            switch value {
            case .object(let object):
                for member in object.members {
                    names.insert(member.name)
                    collect(member.value)
                }
            case .array(let elements): elements.forEach(collect)
            default: break
            }
        }
        entries.forEach { collect($0.body) }
        return names.sorted()
    }

    /// Writes a request that broke the server where a person can look at it and add it to the corpus.
    static func saveFinding(action: String, body: [UInt8], format: WireFormat, number: Int) -> String {
        let folder = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build-fuzz/dispatcher")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("finding-\(action)-\(number).\(format.rawValue)")
        try? Data(Array((action + "\n").utf8) + body).write(to: file)
        return file.path
    }
}
