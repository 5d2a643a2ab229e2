import RivuletCore

/// One API operation: its action name and its input and output shapes. Each operation lives in its own file under
/// Actions/, e.g. `PutRecordsOperation` with `PutRecordsInput` and `PutRecordsOutput`.
public protocol KinesisOperation {
    associatedtype Input: WireInput
    associatedtype Output: WireOutput
    static var action: KinesisAction { get }
}

/// A request shape. The server decodes it from a parsed body, checking in AWS's order: member types first
/// (SerializationException), then the model's constraints (ValidationException listing up to 10 violations).
/// The client encodes it.
public protocol WireInput: Sendable {
    init(decoding value: WireValue) throws(KinesisError)
    func encode<Writer: WireWriter>(to writer: inout Writer)
}

/// A response shape. The server encodes it; the client decodes it leniently (unknown members are ignored, as SDKs do).
public protocol WireOutput: Sendable {
    init(decoding value: WireValue) throws(KinesisError)
    func encode<Writer: WireWriter>(to writer: inout Writer)
}
