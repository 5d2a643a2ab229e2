import RivuletCore
import RivuletWire

/// One decoded request on its way through a handler: decodes the input from the parsed body, runs the handler, and
/// encodes its output in the request's format.
struct HandlerCall {
    let body: WireValue
    let context: RequestContext
    let format: WireFormat

    func run<Handler: OperationHandler>(_ handler: Handler) async throws -> [UInt8] {
        let input = try Handler.Operation.Input(decoding: body)
        let output = try await handler.handle(input, context: context)
        return format.encode(output)
    }
}
