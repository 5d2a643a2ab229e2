/// Every error type the API answers with. The raw value is the `__type` sent on the wire.
public enum KinesisErrorCode: String, Sendable, CaseIterable {
    case accessDenied = "AccessDeniedException"
    case expiredIterator = "ExpiredIteratorException"
    case expiredNextToken = "ExpiredNextTokenException"
    case incompleteSignature = "IncompleteSignatureException"
    case internalFailure = "InternalFailure"
    case invalidArgument = "InvalidArgumentException"
    case invalidSignature = "InvalidSignatureException"
    case kmsAccessDenied = "KMSAccessDeniedException"
    case kmsDisabled = "KMSDisabledException"
    case kmsInvalidState = "KMSInvalidStateException"
    case kmsNotFound = "KMSNotFoundException"
    case kmsOptInRequired = "KMSOptInRequired"
    case kmsThrottling = "KMSThrottlingException"
    case limitExceeded = "LimitExceededException"
    case missingAuthenticationToken = "MissingAuthenticationTokenException"
    case provisionedThroughputExceeded = "ProvisionedThroughputExceededException"
    case requestEntityTooLarge = "RequestEntityTooLargeException"
    case resourceInUse = "ResourceInUseException"
    case resourceNotFound = "ResourceNotFoundException"
    case serializationException = "SerializationException"
    case serviceUnavailable = "ServiceUnavailable"
    case unknownOperation = "UnknownOperationException"
    case unrecognizedClient = "UnrecognizedClientException"
    case validation = "ValidationException"

    /// The HTTP status AWS sends with this error.
    public var httpStatus: Int {
        switch self {
        case .internalFailure: 500
        case .serviceUnavailable: 503
        case .requestEntityTooLarge: 413
        case .missingAuthenticationToken, .incompleteSignature, .invalidSignature, .unrecognizedClient,
            .accessDenied:
            400
        default: 400
        }
    }
}
