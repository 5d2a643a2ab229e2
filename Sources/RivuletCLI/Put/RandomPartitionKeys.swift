/// Random partition keys, cheaply: a SplitMix64 sequence seeded once from the system generator. Keys are short
/// enough to be stored inline in a String, so making one allocates nothing; spreading records over shards is
/// all they are for, so a statistical generator suffices.
struct RandomPartitionKeys {
    private var state: UInt64

    init() {
        var system = SystemRandomNumberGenerator()
        state = system.next()
    }

    mutating func next() -> String {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        mixed ^= mixed >> 31
        // 64 bits in base 36 take at most 13 characters.
        return String(mixed, radix: 36)
    }
}
