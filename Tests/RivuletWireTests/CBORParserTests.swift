import RivuletCore
import Testing

@testable import RivuletWire

/// The examples of RFC 8949 Appendix A, its malformed items (Appendix F) and Rivulet's own refusals.
@Suite struct CBORParserTests {
    private func parse(_ hex: String) throws(KinesisError) -> WireValue {
        try CBORCodec.parse(HexBytes.decode(hex))
    }

    private func expectRefused(_ hex: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(throws: KinesisError(.serializationException, ""), "\(hex)", sourceLocation: sourceLocation) {
            try parse(hex)
        }
    }

    // MARK: Appendix A

    @Test(arguments: [
        ("00", Int64(0)), ("01", 1), ("0a", 10), ("17", 23), ("1818", 24), ("1819", 25), ("1864", 100),
        ("1903e8", 1000), ("1a000f4240", 1_000_000), ("1b000000e8d4a51000", 1_000_000_000_000),
        ("1b7fffffffffffffff", .max), ("20", -1), ("29", -10), ("3863", -100), ("3903e7", -1000),
        ("3b7fffffffffffffff", .min),
    ])
    func readsIntegers(hex: String, expected: Int64) throws {
        #expect(try parse(hex) == .integer(expected))
    }

    /// Integers beyond 64 bits become doubles, as JSON's do, rounded to the nearest one.
    @Test func readsIntegersBeyondSixtyFourBitsAsDoubles() throws {
        #expect(try parse("1bffffffffffffffff") == .double(Double(UInt64.max)))
        #expect(try parse("1b8000000000000000") == .double(0x1p63))
        #expect(try parse("3bffffffffffffffff") == .double(-1 - Double(UInt64.max)))
        #expect(try parse("3b8000000000000000") == .double(-1 - 0x1p63))
    }

    /// 2^64 and -1 - 2^64, the RFC's examples.
    @Test func readsBignumsAsDoubles() throws {
        #expect(try parse("c249010000000000000000") == .double(0x1p64))
        #expect(try parse("c349010000000000000000") == .double(-1 - 0x1p64))
        #expect(try parse("c240") == .double(0))
        #expect(try parse("c35f4101ff") == .double(-2))
    }

    @Test(arguments: [
        ("f90000", 0.0), ("f98000", -0.0), ("f93c00", 1.0), ("fb3ff199999999999a", 1.1), ("f93e00", 1.5),
        ("f97bff", 65504.0), ("fa47c35000", 100_000.0), ("fa7f7fffff", 3.4028234663852886e+38),
        ("fb7e37e43c8800759c", 1.0e+300), ("f90001", 5.960464477539063e-8), ("f90400", 0.00006103515625),
        ("f9c400", -4.0), ("fbc010666666666666", -4.1),
    ])
    func readsFloatsOfEveryWidth(hex: String, expected: Double) throws {
        let value = try parse(hex)
        #expect(value == .double(expected))
        if case .double(let number) = value {
            #expect(number.sign == expected.sign, "the sign of zero is kept")
        }
    }

    /// CBOR can carry NaN and infinities, JSON cannot; the tree holds finite numbers only, so they are refused.
    @Test(arguments: [
        "f97c00", "f97e00", "f9fc00", "fa7f800000", "fa7fc00000", "faff800000", "fb7ff0000000000000",
        "fb7ff8000000000000", "fbfff0000000000000",
    ])
    func refusesNonFiniteFloats(hex: String) {
        expectRefused(hex)
    }

    @Test func readsSimpleValues() throws {
        #expect(try parse("f4") == .bool(false))
        #expect(try parse("f5") == .bool(true))
        #expect(try parse("f6") == .null)
        #expect(try parse("f7") == .null, "undefined reads as null")
    }

    /// simple(16) and simple(255) are well-formed but mean nothing in a body.
    @Test func refusesUnassignedSimpleValues() {
        expectRefused("f0")
        expectRefused("f8ff")
    }

    @Test func readsByteAndTextStrings() throws {
        #expect(try parse("40") == .bytes([]))
        #expect(try parse("4401020304") == .bytes([1, 2, 3, 4]))
        #expect(try parse("60") == .string(""))
        #expect(try parse("6161") == .string("a"))
        #expect(try parse("6449455446") == .string("IETF"))
        #expect(try parse("62225c") == .string("\"\\"))
        #expect(try parse("62c3bc") == .string("\u{fc}"))
        #expect(try parse("63e6b0b4") == .string("\u{6c34}"))
        #expect(try parse("64f0908591") == .string("\u{10151}"))
    }

    @Test func readsArraysAndMaps() throws {
        #expect(try parse("80") == .array([]))
        #expect(try parse("83010203") == .array([.integer(1), .integer(2), .integer(3)]))
        #expect(try parse("8301820203820405") == Self.nested)
        #expect(try parse("98190102030405060708090a0b0c0d0e0f101112131415161718181819") == Self.oneToTwentyFive)
        #expect(try parse("a0") == .object(WireObject()))
        #expect(
            try parse("a26161016162820203")
                == .object(WireObject([.init(name: "a", value: .integer(1)), .init(name: "b", value: Self.twoThree)])))
        #expect(
            try parse("826161a161626163")
                == .array([.string("a"), .object(WireObject([.init(name: "b", value: .string("c"))]))]))
        let letters = ["a", "b", "c", "d", "e"].map { WireObject.Member(name: $0, value: .string($0.uppercased())) }
        #expect(try parse("a56161614161626142616361436164614461656145") == .object(WireObject(letters)))
    }

    @Test func readsIndefiniteLengths() throws {
        #expect(try parse("5f42010243030405ff") == .bytes([1, 2, 3, 4, 5]))
        #expect(try parse("5fff") == .bytes([]))
        #expect(try parse("7f657374726561646d696e67ff") == .string("streaming"))
        #expect(try parse("9fff") == .array([]))
        #expect(try parse("9f018202039f0405ffff") == Self.nested)
        #expect(try parse("9f01820203820405ff") == Self.nested)
        #expect(try parse("83018202039f0405ff") == Self.nested)
        #expect(try parse("83019f0203ff820405") == Self.nested)
        #expect(try parse("9f0102030405060708090a0b0c0d0e0f101112131415161718181819ff") == Self.oneToTwentyFive)
        #expect(
            try parse("bf61610161629f0203ffff")
                == .object(WireObject([.init(name: "a", value: .integer(1)), .init(name: "b", value: Self.twoThree)])))
        #expect(
            try parse("826161bf61626163ff")
                == .array([.string("a"), .object(WireObject([.init(name: "b", value: .string("c"))]))]))
        #expect(
            try parse("bf6346756ef563416d7421ff")
                == .object(
                    WireObject([.init(name: "Fun", value: .bool(true)), .init(name: "Amt", value: .integer(-2))])))
        #expect(try parse("bf7f61616162ff01ff") == .object(WireObject([.init(name: "ab", value: .integer(1))])))
    }

    @Test func keepsMemberOrderAndRepeatedNamesLikeJSON() throws {
        guard case .object(let object) = try parse("a3616201616102616203") else {
            Issue.record("not an object")
            return
        }
        #expect(object.members.map(\.name) == ["b", "a", "b"])
        #expect(object["b"] == .integer(3))
    }

    // MARK: Tags

    /// The AWS SDK for Java writes tag 1 around epoch milliseconds, so the RFC's seconds are read as milliseconds.
    @Test func readsEpochTimeTagsAsMilliseconds() throws {
        #expect(try parse("c11a514b67b0") == .timestamp(WireTimestamp(epochMilliseconds: 1_363_896_240)))
        #expect(try parse("c1fb41d452d9ec200000") == .timestamp(WireTimestamp(epochMilliseconds: 1_363_896_240)))
        #expect(try parse("c11b0000018bcfe569fb") == .timestamp(WireTimestamp(epochMilliseconds: 1_700_000_000_507)))
        #expect(try parse("c120") == .timestamp(WireTimestamp(epochMilliseconds: -1)))
        #expect(try parse("c1f9b800") == .timestamp(WireTimestamp(epochMilliseconds: -1)), "-0.5 floors to -1")
        #expect(try parse("c11bffffffffffffffff") == .timestamp(WireTimestamp(epochMilliseconds: .max)))
    }

    @Test func refusesEpochTimeTagsAroundAnythingButANumber() {
        expectRefused("c16161")
        expectRefused("c1f6")
        expectRefused("c180")
        expectRefused("c1f97e00")
        expectRefused("c1c101")
    }

    @Test func dropsOtherTags() throws {
        #expect(try parse("c074323031332d30332d32315432303a30343a30305a") == .string("2013-03-21T20:04:00Z"))
        #expect(try parse("d74401020304") == .bytes([1, 2, 3, 4]))
        #expect(try parse("d818456449455446") == .bytes(Array("dIETF".utf8)))
        #expect(
            try parse("d82076687474703a2f2f7777772e6578616d706c652e636f6d") == .string("http://www.example.com"))
        #expect(try parse("d9d9f7a0") == .object(WireObject()), "self-described CBOR")
        #expect(try parse("dbffffffffffffffff01") == .integer(1))
    }

    @Test func refusesBignumsAroundAnythingButBytes() {
        expectRefused("c201")
        expectRefused("c36161")
    }

    // MARK: Malformed

    @Test(arguments: [
        "", "18", "1901", "1a010203", "1b01020304050607", "38", "58", "78", "98", "9a01ff00", "b8", "d8", "f8",
        "f900", "fa0000", "fb000000", "41", "61", "5affffffff00", "5bffffffffffffffff010203", "7affffffff00",
        "7b7fffffffffffffff010203", "81", "818181818181818181", "8200", "a1", "a16161", "a2616101", "c1", "c2",
    ])
    func refusesTruncatedItems(hex: String) {
        expectRefused(hex)
    }

    @Test(arguments: [
        "5f4100", "7f6100", "9f", "9f0102", "bf", "bf616101", "819f", "9f8000", "9f9f9f9f9fffffffff",
        "9f819f819f9fffffff",
    ])
    func refusesIndefiniteItemsWithoutBreak(hex: String) {
        expectRefused(hex)
    }

    @Test(arguments: [
        "1c", "1d", "1e", "3c", "3d", "3e", "5c", "5d", "5e", "7c", "7d", "7e", "9c", "9d", "9e", "bc", "bd", "be",
        "dc", "dd", "de", "fc", "fd", "fe",
    ])
    func refusesReservedAdditionalInformation(hex: String) {
        expectRefused(hex)
    }

    /// Integers, negative integers and tags have no indefinite form.
    @Test(arguments: ["1f", "3f", "df"])
    func refusesIndefiniteLengthWhereNoneExists(hex: String) {
        expectRefused(hex)
    }

    @Test(arguments: [
        "ff", "81ff", "8200ff", "a1ff", "a1ff00", "a1616101ff", "a2616100ff", "9f81ff", "9f829f819f9fffffffff",
        "bf6161ff", "c1ff",
    ])
    func refusesBreakOutsideAnIndefiniteItem(hex: String) {
        expectRefused(hex)
    }

    /// The chunks of an indefinite string must be definite strings of its own major type.
    @Test(arguments: [
        "5f00ff", "5f21ff", "5f6100ff", "5f80ff", "5fa0ff", "5fc000ff", "5fe0ff", "7f4100ff", "5f5f4100ffff",
        "7f7f6100ffff",
    ])
    func refusesForeignChunksInIndefiniteStrings(hex: String) {
        expectRefused(hex)
    }

    @Test(arguments: ["62c328", "61ff", "61c3", "63eda080", "7f61c361bcff", "a162c32801"])
    func refusesInvalidUTF8(hex: String) {
        expectRefused(hex)
    }

    @Test(arguments: ["a10102", "a1416101", "a1f601", "a1800102", "bf0102ff", "a1c1616101"])
    func refusesMapKeysThatAreNotText(hex: String) {
        expectRefused(hex)
    }

    /// A length or count beyond what is left is refused from its head, before anything is allocated for it.
    @Test(arguments: [
        "5bffffffffffffffff", "7b7fffffffffffffff", "9b7fffffffffffffff", "bb7fffffffffffffff", "9bffffffffffffffff",
        "bbffffffffffffffff", "9a00010000" + String(repeating: "00", count: 100), "a2616100", "4201",
    ])
    func refusesLengthsLargerThanTheInput(hex: String) {
        expectRefused(hex)
    }

    @Test func boundsNestingOfContainersAndTags() throws {
        let limit = Limits.bodyNestingDepthMax
        _ = try parse(String(repeating: "81", count: limit) + "00")
        expectRefused(String(repeating: "81", count: limit + 1) + "00")
        _ = try parse(String(repeating: "9f", count: limit) + String(repeating: "ff", count: limit))
        expectRefused(String(repeating: "9f", count: limit + 1) + String(repeating: "ff", count: limit + 1))
        expectRefused(String(repeating: "a16161", count: limit + 1) + "00")
        expectRefused(String(repeating: "c6", count: 100_000) + "00")
        expectRefused(String(repeating: "9f", count: 100_000))
    }

    @Test(arguments: ["0000", "a000", "80ff", "6161ff", "f6f6", "9fff00"])
    func refusesTrailingBytes(hex: String) {
        expectRefused(hex)
    }

    // MARK: Values used above

    private static let twoThree = WireValue.array([.integer(2), .integer(3)])
    private static let nested = WireValue.array([.integer(1), twoThree, .array([.integer(4), .integer(5)])])
    private static let oneToTwentyFive = WireValue.array((1...25).map { .integer(Int64($0)) })
}
