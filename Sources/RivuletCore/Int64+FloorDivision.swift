extension Int64 {
    /// The quotient rounded towards negative infinity, so that a moment before 1970 still falls in the second, day
    /// or era that contains it (Swift's `/` rounds towards zero). `divisor` must be positive.
    public func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return self % divisor < 0 ? quotient - 1 : quotient
    }
}
