import RivuletCore
import Testing

@testable import RivuletAggregation

@Suite struct RoutingHashKeyTests {
    @Test(arguments: ["a", "partition-key", "", "\u{00E9}t\u{00E9}", String(repeating: "long key ", count: 40)])
    func matchesTheCoreDefinition(partitionKey: String) {
        #expect(RoutingHashKey.of(partitionKey: partitionKey) == HashKey.of(partitionKey: partitionKey))
    }

    @Test func anExplicitHashKeyWins() {
        #expect(RoutingHashKey.of(UserRecord(partitionKey: "k", explicitHashKey: "17", data: [])) == 17)
        #expect(
            RoutingHashKey.of(UserRecord(partitionKey: "k", data: [])) == HashKey.of(partitionKey: "k"))
    }
}
