/// Splits a record on a fixed delimiter the way Java's `String.split` would: a record without the delimiter is one
/// field (even when empty), and empty fields at the end are dropped, so they become null rather than "" in
/// CSVTOJSON's output.
enum LiteralFieldSplitter {
    /// Writes the start and end of the first `fieldCountMax` fields of `input[0..<end]` into `bounds` (two entries a
    /// field) and returns how many of them exist after Java drops trailing empty fields.
    @inline(__always)
    static func split(
        _ input: UnsafeBufferPointer<UInt8>, end: Int, delimiter: UnsafeBufferPointer<UInt8>,
        bounds: UnsafeMutableBufferPointer<Int>, fieldCountMax: Int
    ) -> Int {
        let delimiterLength = delimiter.count
        let firstByte = delimiter[0]
        var fieldIndex = 0
        var fieldStart = 0
        var lastNonEmptyIndex = -1
        var index = 0
        while index + delimiterLength <= end {
            guard input[index] == firstByte, matchesRest(input, at: index, delimiter: delimiter) else {
                index += 1
                continue
            }
            if fieldIndex < fieldCountMax {
                bounds[2 * fieldIndex] = fieldStart
                bounds[2 * fieldIndex + 1] = index
            }
            if index > fieldStart { lastNonEmptyIndex = fieldIndex }
            fieldIndex += 1
            index += delimiterLength
            fieldStart = index
            // Every wanted field is known to be present once one at or after the last wanted one is non-empty.
            if fieldIndex >= fieldCountMax && lastNonEmptyIndex >= fieldCountMax - 1 { return fieldCountMax }
        }
        if fieldIndex < fieldCountMax {
            bounds[2 * fieldIndex] = fieldStart
            bounds[2 * fieldIndex + 1] = end
        }
        if end > fieldStart { lastNonEmptyIndex = fieldIndex }
        if fieldIndex == 0 { return min(1, fieldCountMax) }
        return min(lastNonEmptyIndex + 1, fieldCountMax)
    }

    @inline(__always)
    private static func matchesRest(
        _ input: UnsafeBufferPointer<UInt8>, at index: Int, delimiter: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        var offset = 1
        while offset < delimiter.count {
            if input[index + offset] != delimiter[offset] { return false }
            offset += 1
        }
        return true
    }
}
