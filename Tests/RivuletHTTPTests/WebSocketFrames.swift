/// WebSocket frames built and read by hand, as RFC 6455 section 5 lays them out, so the tests do not trust the
/// server's own framing code to check itself.
enum WebSocketFrames {
    /// A client frame: masked, as every client frame must be, with a short (< 126) or 16-bit length.
    static func masked(opcode: UInt8, _ payload: [UInt8], final: Bool = true) -> [UInt8] {
        let mask: [UInt8] = [0x37, 0xFA, 0x21, 0x3D]
        var frame: [UInt8] = [(final ? 0x80 : 0x00) | opcode]
        if payload.count < 126 {
            frame.append(0x80 | UInt8(payload.count))
        } else {
            frame.append(0x80 | 126)
            frame.append(UInt8(payload.count >> 8))
            frame.append(UInt8(payload.count & 0xFF))
        }
        frame.append(contentsOf: mask)
        for (index, byte) in payload.enumerated() { frame.append(byte ^ mask[index % 4]) }
        return frame
    }

    /// The length of the whole server frame at the front of `bytes`, or nil while it is incomplete. Server frames
    /// are never masked.
    static func length(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 2 else { return nil }
        let short = Int(bytes[1] & 0x7F)
        let total: Int
        switch short {
        case 126:
            guard bytes.count >= 4 else { return nil }
            total = 4 + (Int(bytes[2]) << 8 | Int(bytes[3]))
        case 127:
            guard bytes.count >= 10 else { return nil }
            total = 10 + bytes[2..<10].reduce(0) { $0 << 8 | Int($1) }
        default:
            total = 2 + short
        }
        return bytes.count >= total ? total : nil
    }

    static func opcode(_ frame: [UInt8]) -> UInt8 { frame[0] & 0x0F }

    static func payload(_ frame: [UInt8]) -> [UInt8] {
        let short = Int(frame[1] & 0x7F)
        let start = short == 126 ? 4 : short == 127 ? 10 : 2
        return Array(frame[start...])
    }

    /// A close frame's status code (big-endian, the payload's first two bytes).
    static func closeCode(_ frame: [UInt8]) -> Int? {
        let body = payload(frame)
        guard body.count >= 2 else { return nil }
        return Int(body[0]) << 8 | Int(body[1])
    }
}
