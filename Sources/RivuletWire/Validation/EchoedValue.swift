import RivuletCore

/// A value an error message repeats back to the caller, cut at `Limits.echoedValueCharactersMax` characters with
/// "..." so a hostile request cannot make its error answer as large as itself (or larger: a list of 300,000
/// entries printed whole). Built piece by piece, a long list stops being printed once the cut is reached.
struct EchoedValue {
    private(set) var text = ""
    private var characterCount = 0
    private(set) var isFull = false

    static let ellipsis = "..."

    mutating func append(_ piece: String) {
        guard !isFull else { return }
        let room = Limits.echoedValueCharactersMax - characterCount
        let kept = piece.prefix(room + 1)
        if kept.count > room {
            text += kept.prefix(room) + Self.ellipsis
            isFull = true
        } else {
            text += kept
            characterCount += kept.count
        }
    }

    /// The whole value when it is short enough, otherwise its first characters and "...".
    static func cut(_ value: String) -> String {
        var echo = EchoedValue()
        echo.append(value)
        return echo.text
    }
}
