import RivuletCore

/// Java reads each record into a String before processing it and writes the result back as UTF-8, so ill-formed
/// UTF-8 in a record comes out with U+FFFD in its place. Processors that pass text through unchanged
/// (SINGLELINE, ADDBRACKETS) do the same here.
enum UTF8Repair {
    /// `bytes` with every ill-formed sequence replaced by U+FFFD; the same array when there is none.
    static func repaired(_ bytes: [UInt8]) -> [UInt8] {
        let firstIllFormed = bytes.withUnsafeBufferPointer { firstIllFormedIndex(in: $0) }
        guard let firstIllFormed else { return bytes }
        return bytes.withUnsafeBufferPointer { input in
            [UInt8](unsafeUninitializedCapacity: input.count * 3) { output, count in
                let base = output.baseAddress!
                var position = 0
                for index in 0..<firstIllFormed { base[index] = input[index] }
                position = firstIllFormed
                var index = firstIllFormed
                while index < input.count {
                    if input[index] < 0x80 {
                        base[position] = input[index]
                        position += 1
                        index += 1
                        continue
                    }
                    index = JSONStringEscaping.copyUTF8Sequence(
                        input, from: index, end: input.count, into: base, position: &position)
                }
                count = position
            }
        }
    }

    private static func firstIllFormedIndex(in input: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        while index < input.count {
            if input[index] < 0x80 {
                index += 1
                continue
            }
            let length = JSONStringEscaping.wellFormedLength(input, from: index, end: input.count)
            if length == 0 { return index }
            index += length
        }
        return nil
    }
}
