import Crypto
import RivuletCore
import Testing

@testable import RivuletWire

@Suite struct ShardIteratorCodecTests {
    private let codec = ShardIteratorCodec(key: SymmetricKey(size: .bits256))
    private let issued: Int64 = 1_700_000_000_000
    private var iterator: IteratorPosition {
        IteratorPosition(
            account: "123456789012", region: "eu-west-1", streamName: String(repeating: "s", count: 128),
            streamCreatedMilliseconds: 1_690_000_000_000, shardIndex: 42, position: .max,
            issuedMilliseconds: issued)
    }

    @Test func roundTripsWithinTheModelsLength() throws {
        let text = codec.seal(iterator)
        #expect(text.utf8.count <= Limits.shardIteratorLengthMax)
        #expect(text.utf8.allSatisfy { $0.isASCIIAlphanumeric || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") })
        #expect(try codec.open(text, nowMilliseconds: issued + 1000) == iterator)
        #expect(codec.seal(iterator) != text, "every iterator has its own nonce")
    }

    @Test func refusesEveryTamperedByte() throws {
        let text = Array(codec.seal(iterator).utf8)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
        for index in text.indices {
            var tampered = text
            let current = alphabet.firstIndex(of: text[index])!
            // Flipping the sextet's top bit changes a decoded bit even in the last, partly used character.
            tampered[index] = alphabet[(current + 32) % alphabet.count]
            #expect(throws: KinesisError(.invalidArgument, "Invalid ShardIterator.")) {
                try codec.open(String(decoding: tampered, as: UTF8.self), nowMilliseconds: issued)
            }
        }
    }

    @Test(arguments: ["", "garbage", "AAAA", String(repeating: "A", count: 600), "not base64 at all!"])
    func refusesGarbage(text: String) {
        #expect(throws: KinesisError(.invalidArgument, "Invalid ShardIterator.")) {
            try codec.open(text, nowMilliseconds: issued)
        }
    }

    @Test func refusesIteratorsSealedWithAnotherKeyOrForAnotherPurpose() {
        let other = ShardIteratorCodec(key: SymmetricKey(size: .bits256))
        #expect(throws: KinesisError(.invalidArgument, "Invalid ShardIterator.")) {
            try other.open(codec.seal(iterator), nowMilliseconds: issued)
        }
        let key = SymmetricKey(size: .bits256)
        let token = NextTokenCodec(key: key).seal(
            PagePosition(
                account: "1", region: "r", streamName: "s", streamCreatedMilliseconds: 1, lastKey: "k",
                issuedMilliseconds: issued))
        #expect(throws: KinesisError(.invalidArgument, "Invalid ShardIterator.")) {
            try ShardIteratorCodec(key: key).open(token, nowMilliseconds: issued)
        }
    }

    @Test func expiresAfterFiveMinutesWithTheServicesMessage() throws {
        let text = codec.seal(iterator)
        let lifetime = Limits.shardIteratorLifetimeMilliseconds
        #expect(try codec.open(text, nowMilliseconds: issued + lifetime) == iterator)
        #expect(
            throws: KinesisError(
                .expiredIterator,
                "Iterator expired. The iterator was created at time Tue Nov 14 22:13:20 UTC 2023 while right now it is "
                    + "Tue Nov 14 22:18:20 UTC 2023 which is further in the future than the tolerated delay of "
                    + "300000 milliseconds.")
        ) {
            try codec.open(text, nowMilliseconds: issued + lifetime + 1)
        }
    }

    @Test func formatsDatesAsJavaDoes() {
        #expect(JavaDateText.format(epochMilliseconds: 0) == "Thu Jan 01 00:00:00 UTC 1970")
        #expect(JavaDateText.format(epochMilliseconds: 951_782_400_000) == "Tue Feb 29 00:00:00 UTC 2000")
        #expect(JavaDateText.format(epochMilliseconds: -1) == "Wed Dec 31 23:59:59 UTC 1969")
        #expect(JavaDateText.format(epochMilliseconds: 4_102_444_799_999) == "Thu Dec 31 23:59:59 UTC 2099")
    }

    @Test func nextTokensRoundTripAndExpire() throws {
        let codec = NextTokenCodec(key: SymmetricKey(size: .bits256))
        let page = PagePosition(
            account: "123456789012", region: "us-east-1", streamName: "orders",
            streamCreatedMilliseconds: 1_690_000_000_000, lastKey: "shardId-000000000007", issuedMilliseconds: issued)
        let token = codec.seal(page)
        #expect(try codec.open(token, nowMilliseconds: issued + 10) == page)
        #expect(throws: KinesisError.self) {
            try codec.open(token, nowMilliseconds: issued + Limits.nextTokenLifetimeMilliseconds + 1)
        }
        #expect(throws: KinesisError(.invalidArgument, "Invalid NextToken.")) {
            try codec.open(token + "A", nowMilliseconds: issued)
        }
    }
}

extension UInt8 {
    fileprivate var isASCIIAlphanumeric: Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(self)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self)
    }
}
