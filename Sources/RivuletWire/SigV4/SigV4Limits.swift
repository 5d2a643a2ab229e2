/// Bounds of request signing. They belong with the others in RivuletCore's Limits; they live here until that file
/// takes them, so that this module compiles on its own.
public enum SigV4Limits {
    /// How far a request's signing time may lie from the server's clock, either way: AWS allows 15 minutes.
    public static let clockSkewSecondsMax: Int64 = 15 * 60
    /// Longest region name accepted in a credential scope. Real ones are under 20 characters; the region names a
    /// directory of streams on the server, so it is kept short and plain.
    public static let regionLengthMax = 64
}
