import Testing

@testable import RivuletAWS

/// Expected canonical paths and queries are botocore's for the same request lines (see SigV4SignerTests).
@Suite struct SigV4CanonicalRequestTests {
    @Test(arguments: [
        ("/", "/"),
        ("", "/"),
        ("/a//./b/../c/", "/a/c/"),
        ("/foo%20bar", "/foo%2520bar"),
        ("/-._~0-9A-Za-z", "/-._~0-9A-Za-z"),
        ("/..", "/"),
        ("/example/..", "/"),
    ])
    func pathsAreNormalisedThenEncodedAgain(path: String, canonical: String) {
        #expect(SigV4PathEncoding.normalizedAndEncoded.canonicalURI(path) == canonical)
    }

    @Test(arguments: [
        ("", ""),
        ("Param2=value2&Param1=value1", "Param1=value1&Param2=value2"),
        ("b=2&a=1&a=0&c=%2F", "a=0&a=1&b=2&c=%2F"),
        ("flag&x=%7e", "flag=&x=~"),
        ("space=a%20b&lower=%2f", "lower=%2F&space=a%20b"),
    ])
    func queriesAreSortedWithCanonicalEscapes(query: String, canonical: String) {
        #expect(SigV4CanonicalRequest.canonicalQuery(query) == canonical)
    }

    @Test func headerValuesAreTrimmedAndRepeatedHeadersJoined() {
        let request = SigV4Request(
            method: "post", path: "/", query: "",
            headers: [
                ("Host", "localhost:4567"), ("X-Custom", "  first   value "), ("x-custom", "second\tvalue"),
            ],
            body: [])
        let canonical = SigV4CanonicalRequest(request, signedHeaders: ["host", "x-custom"])

        #expect(
            canonical.text == """
                POST
                /

                host:localhost:4567
                x-custom:first value,second value

                host;x-custom
                e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
                """)
    }

    @Test func aSignedHeaderTheRequestLacksIsSignedEmpty() {
        let request = SigV4Request(method: "POST", path: "/", query: "", headers: [("host", "h")], body: [])
        let canonical = SigV4CanonicalRequest(request, signedHeaders: ["host", "x-absent"])
        #expect(canonical.text.contains("\nhost:h\nx-absent:\n\nhost;x-absent\n"))
    }
}
