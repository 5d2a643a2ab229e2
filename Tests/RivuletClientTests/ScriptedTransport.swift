import RivuletCore
import Synchronization

@testable import RivuletClient

/// A transport that answers from a script, in order, and keeps every request it was given.
final class ScriptedTransport: HTTPTransport {
    enum Reply {
        case response(status: Int, body: String, requestId: String = "request-1")
        case failure(KinesisClientError)
    }

    private struct State {
        var replies: [Reply]
        var requests: [HTTPTransportRequest] = []
        var isShutDown = false
    }

    private let state: Mutex<State>

    init(_ replies: [Reply]) {
        state = Mutex(State(replies: replies))
    }

    var requests: [HTTPTransportRequest] { state.withLock { $0.requests } }
    var isShutDown: Bool { state.withLock { $0.isShutDown } }

    func post(_ request: HTTPTransportRequest) async throws -> HTTPTransportResponse {
        let reply = state.withLock { state in
            state.requests.append(request)
            precondition(!state.replies.isEmpty, "the client sent more requests than the test scripted")
            return state.replies.removeFirst()
        }
        switch reply {
        case .response(let status, let body, let requestId):
            return HTTPTransportResponse(
                status: status, headers: [("x-amzn-RequestId", requestId)], body: Array(body.utf8))
        case .failure(let error):
            throw error
        }
    }

    func shutdown() async throws {
        state.withLock { $0.isShutDown = true }
    }
}
