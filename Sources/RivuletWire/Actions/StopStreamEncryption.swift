import RivuletCore

/// Stops encrypting a stream's new records at rest; the stream is UPDATING meanwhile.
public enum StopStreamEncryptionOperation: KinesisOperation {
    public typealias Input = StopStreamEncryptionInput
    public typealias Output = StopStreamEncryptionOutput
    public static let action = KinesisAction.stopStreamEncryption
}

public struct StopStreamEncryptionInput: WireInput, Equatable {
    public var streamName: String?
    /// Both required in the model even to stop encrypting, with the same constraints as when starting.
    public var encryptionType: EncryptionType
    public var keyId: String
    public var streamARN: String?
    public var streamId: String?

    public init(
        streamName: String? = nil, encryptionType: EncryptionType, keyId: String, streamARN: String? = nil,
        streamId: String? = nil
    ) {
        self.streamName = streamName
        self.encryptionType = encryptionType
        self.keyId = keyId
        self.streamARN = streamARN
        self.streamId = streamId
    }

    static let rules = ShapeRules(
        "StopStreamEncryptionInput",
        [
            .streamName,
            .encryptionType,
            .keyId,
            .streamARN,
            .streamId,
        ])

    public init(decoding value: WireValue) throws(KinesisError) {
        let members = try InputChecker.check(value, against: Self.rules)
        streamName = members.optional("StreamName")
        encryptionType = try members.required("EncryptionType")
        keyId = try members.required("KeyId")
        streamARN = members.optional("StreamARN")
        streamId = members.optional("StreamId")
    }

    public func encode<Writer: WireWriter>(to writer: inout Writer) {
        writer.beginObject()
        writer.member("StreamName", streamName)
        writer.member("EncryptionType", encryptionType)
        writer.member("KeyId", keyId)
        writer.member("StreamARN", streamARN)
        writer.member("StreamId", streamId)
        writer.endObject()
    }
}

public struct StopStreamEncryptionOutput: WireOutput, Equatable {
    public init() {}

    /// The service answers with an empty body; whatever a body holds is ignored.
    public init(decoding value: WireValue) throws(KinesisError) {}

    public func encode<Writer: WireWriter>(to writer: inout Writer) {}
}
