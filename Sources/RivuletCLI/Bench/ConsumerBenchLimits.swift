enum ConsumerBenchLimits {
    /// The KPL's default AggregationMaxSize.
    static let aggregateBytesMax = 51_200
}
