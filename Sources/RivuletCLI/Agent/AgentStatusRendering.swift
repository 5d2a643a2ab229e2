import Foundation

/// `rivulet agent status` output: a table per flow, or one JSON document.
enum AgentStatusRendering {
    static func text(_ flows: [AgentFlowStatus]) -> String {
        var output = ""
        for flow in flows {
            output += "flow \(flow.flow) -> stream \(flow.stream)\(flow.hasRun ? "" : " (has not run)")\n"
            let errorTime = flow.lastErrorMilliseconds.map { " (first seen \(timestamp($0)))" } ?? ""
            output += "  last error: \(flow.lastError ?? "none")\(flow.lastError == nil ? "" : errorTime)\n"
            if flow.files.isEmpty {
                output += "  no files checkpointed\n"
                continue
            }
            output += "  \(pad("OFFSET", 14)) \(pad("SIZE", 14)) \(pad("BEHIND", 14)) \(pad("UPDATED", 24)) FILE\n"
            for file in flow.files {
                let updated = timestamp(file.updatedMilliseconds)
                output += "  \(pad("\(file.offsetBytes)", 14)) \(pad("\(file.sizeBytes)", 14)) "
                output += "\(pad("\(file.behindBytes)", 14)) \(pad(updated, 24)) \(file.path)"
                output += file.isPresent ? "\n" : " (gone)\n"
            }
        }
        return output
    }

    static func json(_ flows: [AgentFlowStatus]) -> String {
        let document: [String: Any] = [
            "flows": flows.map { flow -> [String: Any] in
                [
                    "flow": flow.flow, "stream": flow.stream, "hasRun": flow.hasRun,
                    "lastError": flow.lastError.map { $0 as Any } ?? NSNull(),
                    "lastErrorMilliseconds": flow.lastErrorMilliseconds.map { $0 as Any } ?? NSNull(),
                    "files": flow.files.map { file -> [String: Any] in
                        [
                            "path": file.path, "offset": file.offsetBytes, "sizeBytes": file.sizeBytes,
                            "behindBytes": file.behindBytes, "present": file.isPresent,
                            "updatedMilliseconds": file.updatedMilliseconds,
                        ]
                    },
                ]
            }
        ]
        guard let data = try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .prettyPrinted])
        else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    private static func timestamp(_ milliseconds: Int64) -> String {
        ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: Double(milliseconds) / 1000))
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
