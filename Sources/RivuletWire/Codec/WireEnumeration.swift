import RivuletCore

/// An enum of the model: written and read as its raw value. A value this build does not know reads as nil.
protocol WireEnumeration: RawRepresentable, CaseIterable, Sendable, WireEncodable, WireDecodable
where RawValue == String {}

extension WireEnumeration {
    func encode<Writer: WireWriter>(to writer: inout Writer) { writer.string(rawValue) }

    init?(wire value: WireValue) {
        guard case .string(let text) = value else { return nil }
        self.init(rawValue: text)
    }
}

extension StreamStatus: WireEnumeration {}
extension StreamMode: WireEnumeration {}
