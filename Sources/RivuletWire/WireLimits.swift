/// Bounds of the wire protocol itself. They belong with the others in RivuletCore's Limits; they live here until
/// that file takes them, so that this module compiles on its own.
public enum WireLimits {
    /// Deepest nesting of arrays and objects a body may have. The deepest shape of the API nests four levels; the
    /// margin tolerates clients that wrap, while a hostile body cannot exhaust the parser's stack.
    public static let jsonNestingDepthMax = 64
    /// The model's bound on a ShardIterator.
    public static let shardIteratorLengthMax = 512
    /// Longest account id or region name an iterator carries, so that every iterator fits the 512 characters.
    public static let iteratorScopeBytesMax = 64
}
