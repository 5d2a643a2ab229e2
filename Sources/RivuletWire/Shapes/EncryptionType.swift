/// How a stream's records are encrypted at rest.
public enum EncryptionType: String, WireEnumeration {
    case none = "NONE"
    case kms = "KMS"
}
