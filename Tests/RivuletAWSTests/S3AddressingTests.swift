import Testing

@testable import RivuletAWS

@Suite struct S3AddressingTests {
    @Test func pathStylePutsTheBucketFirstInThePath() throws {
        let addressing = S3Addressing.custom(try AWSEndpoint.parse("http://127.0.0.1:5000"))
        let located = addressing.locate(bucket: "logs", key: "2026/12/03/part 1 ü.json")
        #expect(located.endpoint.hostHeader == "127.0.0.1:5000")
        #expect(located.path == "/logs/2026/12/03/part%201%20%C3%BC.json")
        #expect(addressing.locate(bucket: "logs", key: nil).path == "/logs")
    }

    @Test func virtualHostedStylePutsTheBucketInTheHost() {
        let addressing = S3Addressing.aws(region: "ap-south-1")
        let located = addressing.locate(bucket: "examplebucket", key: "test$file.text")
        #expect(located.endpoint.description == "https://examplebucket.s3.ap-south-1.amazonaws.com")
        #expect(located.path == "/test%24file.text")
        #expect(addressing.locate(bucket: "examplebucket", key: nil).path == "/")
    }
}
