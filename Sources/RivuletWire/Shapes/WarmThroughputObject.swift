import RivuletCore

/// A stream's warm throughput: what was asked for and what is in place.
public struct WarmThroughputObject: Sendable, Equatable {
    public var targetMiBps: Int?
    public var currentMiBps: Int?

    public init(targetMiBps: Int? = nil, currentMiBps: Int? = nil) {
        self.targetMiBps = targetMiBps
        self.currentMiBps = currentMiBps
    }
}

extension WarmThroughputObject: WireStructure {
    init(members: WireMembers) throws(KinesisError) {
        targetMiBps = members.optional("TargetMiBps")
        currentMiBps = members.optional("CurrentMiBps")
    }

    func encode<Writer: WireWriter>(to writer: inout Writer) {
        writer.beginObject()
        writer.member("TargetMiBps", targetMiBps)
        writer.member("CurrentMiBps", currentMiBps)
        writer.endObject()
    }
}
