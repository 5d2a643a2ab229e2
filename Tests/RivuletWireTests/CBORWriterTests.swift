import RivuletCore
import Testing

@testable import RivuletWire

@Suite struct CBORWriterTests {
    private func hex(_ write: (inout CBORWriter) -> Void) -> String {
        var writer = CBORWriter()
        write(&writer)
        return HexBytes.encode(writer.bytes)
    }

    /// Every boundary of the head's argument widths, for both signs.
    @Test(arguments: [
        (Int64(0), "00"), (23, "17"), (24, "1818"), (255, "18ff"), (256, "190100"), (65535, "19ffff"),
        (65536, "1a00010000"), (4_294_967_295, "1affffffff"), (4_294_967_296, "1b0000000100000000"),
        (.max, "1b7fffffffffffffff"), (-1, "20"), (-24, "37"), (-25, "3818"), (-256, "38ff"), (-257, "390100"),
        (-65537, "3a00010000"), (.min, "3b7fffffffffffffff"),
    ])
    func writesIntegersInTheShortestForm(value: Int64, expected: String) throws {
        #expect(hex { $0.integer(value) } == expected)
        #expect(try CBORCodec.parse(HexBytes.decode(expected)) == .integer(value))
    }

    @Test func writesDoublesAsFloat64() {
        #expect(hex { $0.double(1.5) } == "fb3ff8000000000000")
        #expect(hex { $0.double(1.1) } == "fb3ff199999999999a")
        #expect(hex { $0.double(-4.1) } == "fbc010666666666666")
        #expect(hex { $0.double(0) } == "fb0000000000000000")
    }

    @Test func writesBooleansAndStrings() {
        #expect(hex { $0.boolean(true) } == "f5")
        #expect(hex { $0.boolean(false) } == "f4")
        #expect(hex { $0.string("") } == "60")
        #expect(hex { $0.string("IETF") } == "6449455446")
        #expect(hex { $0.string("\u{fc}") } == "62c3bc")
        #expect(hex { $0.string(String(repeating: "a", count: 24)) } == "7818" + String(repeating: "61", count: 24))
    }

    @Test func writesBlobsAsByteStringsNotBase64() throws {
        #expect(hex { $0.blob([]) } == "40")
        #expect(hex { $0.blob([1, 2, 3, 4]) } == "4401020304")
        let large = (0..<300).map { UInt8(truncatingIfNeeded: $0) }
        let written = hex { $0.blob(large) }
        #expect(written.hasPrefix("59012c0001"))
        #expect(try CBORCodec.parse(HexBytes.decode(written)) == .bytes(large))
    }

    /// Tag 1 (0xC1) around integer epoch milliseconds, as the AWS SDK for Java reads timestamps.
    @Test func writesTimestampsAsTaggedMilliseconds() throws {
        #expect(hex { $0.timestamp(WireTimestamp(epochMilliseconds: 1_700_000_000_507)) } == "c11b0000018bcfe569fb")
        #expect(hex { $0.timestamp(WireTimestamp(epochMilliseconds: 0)) } == "c100")
        #expect(hex { $0.timestamp(WireTimestamp(epochMilliseconds: -1)) } == "c120")
        let parsed = try CBORCodec.parse(HexBytes.decode("c11b0000018bcfe569fb"))
        #expect(WireTimestamp(wire: parsed) == WireTimestamp(epochMilliseconds: 1_700_000_000_507))
    }

    @Test func writesContainersWithIndefiniteLengths() {
        let written = hex { writer in
            writer.beginObject()
            writer.key("a")
            writer.integer(1)
            writer.key("b")
            writer.beginArray()
            writer.integer(2)
            writer.integer(3)
            writer.beginObject()
            writer.endObject()
            writer.endArray()
            writer.key("c" as String)
            writer.boolean(true)
            writer.endObject()
        }
        #expect(written == "bf61610161629f0203bfffff6163f5ff")
    }

    @Test func writesErrorsAsTheSameMapAsJSON() throws {
        let error = KinesisError(.resourceNotFound, "busy")
        let expected =
            "bf665f5f74797065" + "7819" + HexBytes.encode(Array("ResourceNotFoundException".utf8))
            + "676d657373616765" + "6462757379" + "ff"
        #expect(HexBytes.encode(ErrorEnvelope.encodeCBOR(error)) == expected)
        #expect(ErrorEnvelope.decodeCBOR(ErrorEnvelope.encodeCBOR(error), httpStatus: 400) == error)
        let typeError = KinesisError(.serializationException, "Expected null")
        #expect(ErrorEnvelope.decodeCBOR(ErrorEnvelope.encodeCBOR(typeError), httpStatus: 400) == typeError)
        let bare = KinesisError(.serializationException, "")
        #expect(
            try CBORCodec.parse(ErrorEnvelope.encodeCBOR(bare))
                == .object(WireObject([.init(name: "__type", value: .string("SerializationException"))])))
        #expect(ErrorEnvelope.decodeCBOR([0xFF], httpStatus: 502).code == .internalFailure)
    }

    @Test func decodesEveryErrorCodeItEncodes() {
        for code in KinesisErrorCode.allCases {
            let error = KinesisError(code, "why \(code)")
            #expect(ErrorEnvelope.decodeCBOR(ErrorEnvelope.encodeCBOR(error), httpStatus: code.httpStatus) == error)
        }
    }

    /// As in JSON, an output without members writes nothing at all, and an empty body reads as no members.
    @Test func outputsWithoutMembersHaveEmptyBodies() throws {
        #expect(CBORWire.encode(CreateStreamOutput()).isEmpty)
        #expect(try CBORWire.decode(DeleteStreamOutput.self, from: [UInt8]()) == DeleteStreamOutput())
        #expect(throws: KinesisError(.serializationException, "")) {
            try CBORWire.decode(DeleteStreamInput.self, from: [UInt8]())
        }
    }

    @Test func writesGetRecordsWithRawDataAndTaggedTimestamps() throws {
        let output = GetRecordsOutput(
            records: [
                Record(
                    sequenceNumber: "49",
                    approximateArrivalTimestamp: WireTimestamp(epochMilliseconds: 1_700_000_000_123),
                    data: [0, 1, 0xFF], partitionKey: "k")
            ],
            nextShardIterator: "it", millisBehindLatest: 0)
        let bytes = CBORWire.encode(output)
        let written = HexBytes.encode(bytes)
        #expect(written.contains("430001ff"), "the data is a raw byte string")
        #expect(written.contains("c11b0000018bcfe5687b"))
        #expect(try CBORWire.decode(GetRecordsOutput.self, from: bytes) == output)
    }
}
