// The worked examples of Amazon S3's "Signature Calculations for the Authorization Header: Transferring Payload in a
// Single Chunk (AWS Signature Version 4)" (https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html):
// credentials AKIAIOSFODNN7EXAMPLE / wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY, 20130524T000000Z, us-east-1, the
// virtual-hosted bucket examplebucket.s3.amazonaws.com.

/// A header of an S3 signing example, name as the document writes it.
struct S3Header: Sendable {
    var name: String
    var value: String
}

/// One of the worked examples in Amazon S3's SigV4 documentation.
struct S3SigningExample: Sendable {
    var name: String
    var method: String
    /// As on the request line, percent-encoded, without the query.
    var path: String
    /// Without the `?`; empty when none.
    var query: String
    /// Every header the example signs, in any order, names as the document writes them.
    var headers: [S3Header]
    /// The x-amz-content-sha256 value.
    var payloadHash: String
    var canonicalRequest: String
    var stringToSign: String
    var signature: String
}

enum S3SigningExamples {
    static let accessKeyId = "AKIAIOSFODNN7EXAMPLE"
    static let secretAccessKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
    static let region = "us-east-1"
    static let timestamp = "20130524T000000Z"
    static let examples: [S3SigningExample] = [
        /// The document's request: `GET /test.txt HTTP/1.1` with the headers below (and an `Authorization: SignatureToBeCalculated`
        /// placeholder, not signed). No body.
        S3SigningExample(
            name: "GET Object",
            method: "GET",
            path: "/test.txt",
            query: "",
            headers: [
                S3Header(name: "Host", value: "examplebucket.s3.amazonaws.com"),
                S3Header(name: "Range", value: "bytes=0-9"),
                S3Header(name: "x-amz-content-sha256", value: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
                S3Header(name: "x-amz-date", value: "20130524T000000Z"),
            ],
            payloadHash: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            canonicalRequest: #"""
            GET
            /test.txt

            host:examplebucket.s3.amazonaws.com
            range:bytes=0-9
            x-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
            x-amz-date:20130524T000000Z

            host;range;x-amz-content-sha256;x-amz-date
            e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
            """#,
            stringToSign: #"""
            AWS4-HMAC-SHA256
            20130524T000000Z
            20130524/us-east-1/s3/aws4_request
            7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972
            """#,
            signature: "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41"
        ),
        /// The document's request line reads `PUT test$file.text HTTP/1.1` (object key `test$file.text`, no leading slash);
        /// the path here is the canonical request's URI, `/test%24file.text`. The body is the 21-byte string
        /// "Welcome to Amazon S3." (no newline), whose SHA-256 is the payload hash.
        S3SigningExample(
            name: "PUT Object",
            method: "PUT",
            path: "/test%24file.text",
            query: "",
            headers: [
                S3Header(name: "Host", value: "examplebucket.s3.amazonaws.com"),
                S3Header(name: "Date", value: "Fri, 24 May 2013 00:00:00 GMT"),
                S3Header(name: "x-amz-date", value: "20130524T000000Z"),
                S3Header(name: "x-amz-storage-class", value: "REDUCED_REDUNDANCY"),
                S3Header(name: "x-amz-content-sha256", value: "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072"),
            ],
            payloadHash: "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072",
            canonicalRequest: #"""
            PUT
            /test%24file.text

            date:Fri, 24 May 2013 00:00:00 GMT
            host:examplebucket.s3.amazonaws.com
            x-amz-content-sha256:44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072
            x-amz-date:20130524T000000Z
            x-amz-storage-class:REDUCED_REDUNDANCY

            date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class
            44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072
            """#,
            stringToSign: #"""
            AWS4-HMAC-SHA256
            20130524T000000Z
            20130524/us-east-1/s3/aws4_request
            9e0e90d9c76de8fa5b200d8c849cd5b8dc7a3be3951ddb7f6a76b4158342019d
            """#,
            signature: "98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd"
        ),
        /// The document's request line reads `GET ?lifecycle HTTP/1.1`; the canonical query is `lifecycle=`. No body.
        S3SigningExample(
            name: "GET Bucket Lifecycle",
            method: "GET",
            path: "/",
            query: "lifecycle",
            headers: [
                S3Header(name: "Host", value: "examplebucket.s3.amazonaws.com"),
                S3Header(name: "x-amz-date", value: "20130524T000000Z"),
                S3Header(name: "x-amz-content-sha256", value: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            ],
            payloadHash: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            canonicalRequest: #"""
            GET
            /
            lifecycle=
            host:examplebucket.s3.amazonaws.com
            x-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
            x-amz-date:20130524T000000Z

            host;x-amz-content-sha256;x-amz-date
            e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
            """#,
            stringToSign: #"""
            AWS4-HMAC-SHA256
            20130524T000000Z
            20130524/us-east-1/s3/aws4_request
            9766c798316ff2757b517bc739a67f6213b4ab36dd5da2f94eaebf79c77395ca
            """#,
            signature: "fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543"
        ),
        /// The document's request line reads `GET ?max-keys=2&prefix=J HTTP/1.1`. No body.
        S3SigningExample(
            name: "Get Bucket (List Objects)",
            method: "GET",
            path: "/",
            query: "max-keys=2&prefix=J",
            headers: [
                S3Header(name: "Host", value: "examplebucket.s3.amazonaws.com"),
                S3Header(name: "x-amz-date", value: "20130524T000000Z"),
                S3Header(name: "x-amz-content-sha256", value: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            ],
            payloadHash: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            canonicalRequest: #"""
            GET
            /
            max-keys=2&prefix=J
            host:examplebucket.s3.amazonaws.com
            x-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
            x-amz-date:20130524T000000Z

            host;x-amz-content-sha256;x-amz-date
            e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
            """#,
            stringToSign: #"""
            AWS4-HMAC-SHA256
            20130524T000000Z
            20130524/us-east-1/s3/aws4_request
            df57d21db20da04d7fa30298dd4488ba3a2b47ca3a489c74750e0f1e7df1b9b7
            """#,
            signature: "34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7"
        ),
    ]
}
