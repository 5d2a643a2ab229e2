import Testing

@testable import RivuletWire

@Suite struct WirePatternTests {
    @Test(arguments: [
        (WirePattern.name, "a-Z_0.9", true), (.name, "", false), (.name, "a b", false), (.name, "é", false),
        (.hashKey, "0", true), (.hashKey, "340282366920938463463374607431768211455", true),
        (.hashKey, "01", false), (.hashKey, String(repeating: "9", count: 40), false), (.hashKey, "-1", false),
        (.sequenceNumber, String(repeating: "9", count: 129), true), (.sequenceNumber, "", false),
        (.streamId, "abcdefghij0123456789-abc", true), (.streamId, "ABCDEFGHIJ0123456789-abc", false),
        (.streamARN, "arn:aws:kinesis:us-east-1:123456789012:stream/orders", true),
        (.streamARN, "arn:aws-cn:kinesis:cn-north-1:123456789012:stream/a:b", true),
        (.streamARN, "arn:aws:kinesis:us-east-1:12345678901:stream/orders", false),
        (.streamARN, "arn:aws:kinesis:us-east-1:123456789012:stream/", false),
        (.streamARN, "arn:aws:kinesis:us-east-1:123456789012:stream/a b", false),
        (.streamARN, "arn:aws:kinesis:us-east\n-1:123456789012:stream/a", false),
        (.streamARN, "arn:aws:kinesis:us-east-1:123456789012:stream/s/consumer/c:1", true),
        (.streamARN, "arn:aws:s3:::bucket", false),
        (.resourceARN, "arn:aws:kinesis:us-east-1:123456789012:stream/s/consumer/c:1", true),
        (.resourceARN, "arn:aws:kinesis:us-east-1:123456789012:xstream/s", true),
        (.resourceARN, "arn:aws:kinesis:us-east-1:123456789012:table/s", false),
    ])
    func matchesLikeJava(pattern: WirePattern, text: String, expected: Bool) {
        #expect(pattern.matches(text) == expected)
    }
}
