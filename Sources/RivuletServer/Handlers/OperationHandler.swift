import RivuletWire

/// One API operation's behaviour. Each operation has its own handler type in its own file; the dispatcher decodes
/// the input, calls `handle`, and encodes the output or the error.
protocol OperationHandler: Sendable {
    associatedtype Operation: KinesisOperation
    func handle(_ input: Operation.Input, context: RequestContext) async throws -> Operation.Output
}
