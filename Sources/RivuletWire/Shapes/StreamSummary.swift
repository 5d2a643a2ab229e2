import RivuletCore

/// A stream as ListStreams lists it.
public struct StreamSummary: Sendable, Equatable {
    public var streamName: String
    public var streamARN: String
    public var streamStatus: StreamStatus
    public var streamModeDetails: StreamModeDetails?
    public var streamCreationTimestamp: WireTimestamp?

    public init(
        streamName: String, streamARN: String, streamStatus: StreamStatus,
        streamModeDetails: StreamModeDetails? = nil, streamCreationTimestamp: WireTimestamp? = nil
    ) {
        self.streamName = streamName
        self.streamARN = streamARN
        self.streamStatus = streamStatus
        self.streamModeDetails = streamModeDetails
        self.streamCreationTimestamp = streamCreationTimestamp
    }
}

extension StreamSummary: WireStructure {
    init(members: WireMembers) throws(KinesisError) {
        streamName = try members.required("StreamName")
        streamARN = try members.required("StreamARN")
        streamStatus = try members.required("StreamStatus")
        streamModeDetails = members.optional("StreamModeDetails")
        streamCreationTimestamp = members.optional("StreamCreationTimestamp")
    }

    func encode<Writer: WireWriter>(to writer: inout Writer) {
        writer.beginObject()
        writer.member("StreamName", streamName)
        writer.member("StreamARN", streamARN)
        writer.member("StreamStatus", streamStatus)
        writer.member("StreamModeDetails", streamModeDetails)
        writer.member("StreamCreationTimestamp", streamCreationTimestamp)
        writer.endObject()
    }
}
