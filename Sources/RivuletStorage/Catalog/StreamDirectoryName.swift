import RivuletCore

/// The folder of a stream's shard logs: `<account>.<region>.<name>.<createdMilliseconds>`, each part escaped so that
/// any name is a safe file name. The creation time keeps a re-created stream of the same name apart from the files of
/// the deleted one.
enum StreamDirectoryName {
    /// Escaped names longer than this are shortened and suffixed with a checksum of the full name, to stay well within
    /// the 255-byte file name limit of common file systems.
    static let namePartBytesMax = 160

    static func of(_ descriptor: StreamDescriptor) -> String {
        let key = descriptor.key
        var name = escape(key.name)
        if name.utf8.count > namePartBytesMax {
            let checksum = CRC32CChecksum.checksum(Array(key.name.utf8))
            name = String(name.utf8.prefix(namePartBytesMax))! + "~" + String(checksum, radix: 16)
        }
        return [escape(key.scope.account), escape(key.scope.region), name, String(descriptor.createdMilliseconds)]
            .joined(separator: ".")
    }

    static func shard(_ index: Int) -> String {
        ShardID(index: index).description
    }

    /// Keeps letters, digits and '-'; every other byte becomes `%XX`, so '.' is free to separate parts and no part can
    /// be "." or "..".
    private static func escape(_ text: String) -> String {
        var escaped = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"):
                escaped.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                escaped += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return escaped
    }
}
