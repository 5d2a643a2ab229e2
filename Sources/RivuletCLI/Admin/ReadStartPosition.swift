import ArgumentParser
import RivuletWire

/// Where `get-records --from` starts reading a shard when it fetches the iterator itself.
enum ReadStartPosition: String, ExpressibleByArgument, CaseIterable {
    /// The oldest record the stream still keeps.
    case trimHorizon = "trim-horizon"
    /// Just after the newest record, so only records written from now on are read.
    case latest

    var iteratorType: ShardIteratorType {
        switch self {
        case .trimHorizon: .trimHorizon
        case .latest: .latest
        }
    }
}
