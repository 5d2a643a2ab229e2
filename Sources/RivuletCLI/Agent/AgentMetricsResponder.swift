import NIOCore
import NIOHTTP1
import Prometheus
import RivuletServer

/// Serves the agent's metrics: `GET /metrics` in Prometheus text; everything else is 404.
struct AgentMetricsResponder: HTTPResponder {
    let registry: PrometheusCollectorRegistry

    func respond(to request: HTTPRequest) async -> HTTPResponse {
        guard request.method == .GET, request.path == "/metrics" else {
            return HTTPResponse(status: .notFound, headers: ["Content-Type": "text/plain"],
                body: ByteBuffer(string: "only GET /metrics is served here\n"))
        }
        return HTTPResponse(
            status: .ok, headers: ["Content-Type": "text/plain; version=0.0.4"],
            body: ByteBuffer(bytes: registry.emitToBuffer()))
    }

    func respondToOversizeBody(_ head: HTTPRequestHead) -> HTTPResponse {
        HTTPResponse(status: .payloadTooLarge)
    }
}
