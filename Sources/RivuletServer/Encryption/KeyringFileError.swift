/// Why the keyring could not be used at start, with the file's path so the operator can fix it.
public enum KeyringFileError: Error, CustomStringConvertible {
    case missing(path: String)
    case unreadable(path: String, reason: String)
    case invalid(path: String, reason: String)
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .missing(let path):
            "the keyring \(path) does not exist: write one (see `rivulet server --help`), or leave out --keyring to "
                + "use the data directory's, created when missing"
        case .unreadable(let path, let reason): "cannot read the keyring \(path): \(reason)"
        case .invalid(let path, let reason): "the keyring \(path) is invalid: \(reason)"
        case .cannotWrite(let path, let reason): "cannot write the keyring \(path): \(reason)"
        }
    }
}
