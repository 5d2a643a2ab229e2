/// Bounds on what an agent configuration (and a record read by its field scanner) may hold, so that a mistaken or
/// hostile file can exhaust neither memory nor the stack, in one place.
public enum ConfigurationLimits {
    /// Largest configuration file read (agent.json or one agent.d file).
    public static let documentBytesMax = 4 * 1024 * 1024
    /// Deepest nesting of objects and arrays in a configuration file; the parser recurses once per level.
    public static let nestingDepthMax = 64
    /// Deepest nesting skipped in a record while looking for a top-level field; deeper records have no field.
    public static let recordNestingDepthMax = 256
    /// Most agent.d/*.json files read.
    public static let fragmentFilesMax = 256
    /// Most flows across all files.
    public static let flowsMax = 1_000
    /// Longest value quoted in a problem, in characters; longer values are cut with an ellipsis.
    public static let shownValueCharactersMax = 120
    /// Longest truncatedRecordTerminator: it is appended to a record, so it must stay far below a record's size.
    public static let truncatedRecordTerminatorBytesMax = 1_024
    /// Longest file pattern, as Linux bounds a path.
    public static let filePatternBytesMax = 4_096
}
