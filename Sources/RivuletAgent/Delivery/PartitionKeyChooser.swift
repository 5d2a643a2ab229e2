import RivuletCore
import Crypto

/// Picks each record's partition key as the flow's `partitionKeyOption` (or `partitionKeyField`) says. One per
/// tailer, used by its task alone.
struct PartitionKeyChooser {
    let option: PartitionKeyOption
    /// Random keys only spread records over shards: a fast generator seeded once from the system's is enough, and
    /// asking the kernel for randomness per record cost more than the rest of a record's routing.
    private var generator = SplitMix64(seed: UInt64.random(in: .min ... .max))

    init(option: PartitionKeyOption) {
        self.option = option
    }

    /// `data` is the record as it will be sent (after processing).
    mutating func partitionKey(for data: [UInt8]) -> String {
        switch option {
        case .random:
            return randomKey()
        case .deterministic:
            return Self.hexadecimal(Insecure.MD5.hash(data: data))
        case .field(let name):
            guard let value = JSONDocumentParser.topLevelStringField(named: name, in: data), !value.isEmpty else {
                return randomKey()
            }
            // Kinesis takes keys of 1 to 256 characters; a longer value still routes by its first 256.
            return value.utf16.count <= 256 ? value : String(value.prefix(256))
        }
    }

    /// A random decimal, as the Kinesis Agent's RANDOM keys are (there a random double times a million; here an
    /// integer below 10^15, as evenly spread over the hash key space once hashed).
    private mutating func randomKey() -> String {
        String(generator.next() % 1_000_000_000_000_000)
    }

    private static func hexadecimal(_ digest: Insecure.MD5Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(32)
        for byte in digest {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
