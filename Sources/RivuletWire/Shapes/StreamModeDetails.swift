import RivuletCore

/// Whether a stream is provisioned or on demand.
public struct StreamModeDetails: Sendable, Equatable {
    public var streamMode: StreamMode

    public init(streamMode: StreamMode) {
        self.streamMode = streamMode
    }

    static let rules = ShapeRules(
        "StreamModeDetails",
        [
            MemberRule("StreamMode", .string(.enumeration(StreamMode.self)), required: true),
        ])
}

extension StreamModeDetails: WireStructure {
    init(members: WireMembers) throws(KinesisError) {
        streamMode = try members.required("StreamMode")
    }

    func encode<Writer: WireWriter>(to writer: inout Writer) {
        writer.beginObject()
        writer.member("StreamMode", streamMode)
        writer.endObject()
    }
}
