import RivuletAWS
import RivuletCore
import Synchronization

@testable import RivuletClient

/// A transport that answers from a script, in order, and keeps every request it was given.
final class ScriptedTransport: AWSTransport {
    enum Reply {
        case response(status: Int, body: String, requestId: String = "request-1")
        case failure(AWSTransportError)
    }

    /// A request as it was sent: where, with which headers, and its body.
    struct SentRequest {
        var endpoint: AWSEndpoint
        var headers: [(name: String, value: String)]
        var body: [UInt8]
    }

    private struct State {
        var replies: [Reply]
        var requests: [SentRequest] = []
        var isShutDown = false
    }

    private let state: Mutex<State>

    init(_ replies: [Reply]) {
        state = Mutex(State(replies: replies))
    }

    var requests: [SentRequest] { state.withLock { $0.requests } }
    var isShutDown: Bool { state.withLock { $0.isShutDown } }

    func execute(_ request: AWSRequest) async throws -> AWSStreamedResponse {
        guard case .bytes(let body) = request.body else {
            preconditionFailure("the Kinesis client sends whole bodies")
        }
        let reply = state.withLock { state in
            state.requests.append(SentRequest(endpoint: request.endpoint, headers: request.headers, body: body))
            precondition(!state.replies.isEmpty, "the client sent more requests than the test scripted")
            return state.replies.removeFirst()
        }
        switch reply {
        case .response(let status, let body, let requestId):
            return AWSStreamedResponse(
                status: status, headers: [("x-amzn-RequestId", requestId)], body: AWSResponseBody(bytes: Array(body.utf8)))
        case .failure(let error):
            throw error
        }
    }

    func shutdown() async throws {
        state.withLock { $0.isShutDown = true }
    }
}
