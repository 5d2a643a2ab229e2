import RivuletCore

/// The retention bounds AWS enforces beyond the model's minimum of 1 hour.
enum RetentionRules {
    static func checkBounds(_ hours: Int) throws {
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
