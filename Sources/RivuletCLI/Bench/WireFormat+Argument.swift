import ArgumentParser
import RivuletWire

/// `--wire json|cbor`.
extension WireFormat: ExpressibleByArgument {}
