import RivuletCore
import RivuletStorage

/// What AWS checks when a stream's retention changes, beyond the model's minimum of 1 hour: the account-wide bounds,
/// and that Increase only lengthens and Decrease only shortens.
enum RetentionRules {
    enum Direction {
        case increase
        case decrease
    }

    static func change(
        _ key: StreamKey, to hours: Int, _ direction: Direction, service: KinesisService
    ) async throws {
        try checkBounds(hours)
        try await service.changeActiveStream(key) { stream in
            switch direction {
            case .increase where hours < stream.retentionHours:
                throw KinesisError(
                    .invalidArgument,
                    "Requested retention period (\(hours) hours) for stream \(key.name) can not be shorter than "
                        + "existing retention period (\(stream.retentionHours) hours). Use DecreaseRetentionPeriod API.")
            case .decrease where hours > stream.retentionHours:
                throw KinesisError(
                    .invalidArgument,
                    "Requested retention period (\(hours) hours) for stream \(key.name) can not be longer than "
                        + "existing retention period (\(stream.retentionHours) hours). Use IncreaseRetentionPeriod API.")
            default:
                stream.retentionHours = hours
            }
        }
    }

    private static func checkBounds(_ hours: Int) throws {
        if hours < Limits.retentionHoursMin {
            throw KinesisError(
                .invalidArgument,
                "Minimum allowed retention period is \(Limits.retentionHoursMin) hours. Requested retention period "
                    + "(\(hours) hours) is too short.")
        }
        if hours > Limits.retentionHoursMax {
            throw KinesisError(
                .invalidArgument,
                "Maximum allowed retention period is \(Limits.retentionHoursMax) hours. Requested retention period "
                    + "(\(hours) hours) is too long.")
        }
    }
}
