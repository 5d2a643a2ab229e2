/// Rows of text in aligned columns, for the text output of the admin commands. The last column is not padded,
/// so a long value there (a record's data, a hash key) costs no trailing spaces.
struct TextTable {
    static let columnGap = "  "

    var header: [String]?
    var rows: [[String]]

    init(header: [String]? = nil, rows: [[String]]) {
        self.header = header
        self.rows = rows
    }

    /// A two-column table of names and values, for describing one thing.
    static func fields(_ fields: [(name: String, value: String?)]) -> TextTable {
        TextTable(rows: fields.compactMap { field in field.value.map { [field.name, $0] } })
    }

    func render() -> String {
        let lines = (header.map { [$0] } ?? []) + rows
        let columnCount = lines.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columnCount)
        for line in lines {
            for (column, cell) in line.enumerated() { widths[column] = max(widths[column], cell.count) }
        }
        return lines.map { line in
            line.enumerated().map { column, cell in
                column == line.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - cell.count)
            }.joined(separator: Self.columnGap)
        }.joined(separator: "\n")
    }
}
