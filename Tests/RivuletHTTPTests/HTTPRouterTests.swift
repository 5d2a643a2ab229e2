import Foundation
import NIOCore
import NIOHTTP1
import RivuletHTTP
import Testing

@Suite struct HTTPRouterTests {
    private func request(_ method: HTTPMethod, _ uri: String) -> HTTPRequest {
        HTTPRequest(method: method, uri: uri, headers: [:], body: ByteBuffer())
    }

    private func echoing(_ name: String) -> HTTPRouter.Handler {
        { request in
            let parameters = request.pathParameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            return .text(.ok, ([name] + parameters).joined(separator: " "))
        }
    }

    @Test func routesByMethodAndPathWithParameters() async {
        var router = HTTPRouter()
        router.add(.GET, "/streams", echoing("list"))
        router.add(.POST, "/streams/{stream-name}", echoing("create"))
        router.add(.PUT, "/streams/{stream-name}/record", echoing("put"))
        #expect(await body(router, .GET, "/streams") == "list")
        #expect(await body(router, .POST, "/streams/orders") == "create stream-name=orders")
        #expect(await body(router, .PUT, "/streams/a%20b/record?x=1") == "put stream-name=a b")
        // Segment counts must agree: a trailing slash is another path.
        #expect(await router.respond(to: request(.GET, "/streams/")).status == .notFound)
        #expect(await router.respond(to: request(.PUT, "/streams/orders/record/extra")).status == .notFound)
    }

    @Test func aRestPatternTakesTheRemainderOfThePath() async {
        var router = HTTPRouter()
        router.add(.GET, "/console/*", echoing("asset"))
        #expect(await body(router, .GET, "/console/") == "asset *=")
        #expect(await body(router, .GET, "/console/js/app.js") == "asset *=js/app.js")
        #expect(await router.respond(to: request(.GET, "/console")).status == .notFound)
    }

    @Test func otherMethodsAre405WithAllowAndUnknownPaths404() async {
        var router = HTTPRouter()
        router.add(.GET, "/streams/{name}", echoing("describe"))
        router.add(.DELETE, "/streams/{name}", echoing("delete"))
        let refused = await router.respond(to: request(.POST, "/streams/orders"))
        #expect(refused.status == .methodNotAllowed)
        #expect(refused.headers.first(name: "allow") == "GET, DELETE")
        #expect(await router.respond(to: request(.GET, "/nothing")).status == .notFound)
        // HEAD is served by the GET route.
        #expect(await router.respond(to: request(.HEAD, "/streams/orders")).status == .ok)
    }

    @Test func badPercentEncodingMatchesNoParameter() async {
        var router = HTTPRouter()
        router.add(.GET, "/streams/{name}", echoing("describe"))
        #expect(await router.respond(to: request(.GET, "/streams/bad%zz")).status == .notFound)
        #expect(await router.respond(to: request(.GET, "/streams/%FF")).status == .notFound)
    }

    @Test func theFallbackTakesWhatNoRouteTakes() async {
        var router = HTTPRouter(fallback: Fallback())
        router.add(.GET, "/metrics", echoing("metrics"))
        #expect(await body(router, .GET, "/metrics") == "metrics")
        // Another method on a routed path goes to the fallback too: the API behind it answers in its own words.
        #expect(await body(router, .POST, "/metrics") == "fallback POST /metrics")
        #expect(await body(router, .POST, "/") == "fallback POST /")
        #expect(router.respondToOversizeBody(HTTPRequestHead(version: .http1_1, method: .POST, uri: "/")).status
            == .insufficientStorage)
    }

    @Test func webSocketRoutesAreFoundForGetUpgradesOnly() async {
        var router = HTTPRouter()
        #expect(!router.acceptsWebSockets)
        router.addWebSocket("/streams/{name}/socket") { _, _ in }
        #expect(router.acceptsWebSockets)
        #expect(router.webSocketHandler(for: HTTPRequestHead(version: .http1_1, method: .GET, uri: "/streams/a/socket?k=1")) != nil)
        #expect(router.webSocketHandler(for: HTTPRequestHead(version: .http1_1, method: .POST, uri: "/streams/a/socket")) == nil)
        #expect(router.webSocketHandler(for: HTTPRequestHead(version: .http1_1, method: .GET, uri: "/streams/a")) == nil)
        // A plain request to a WebSocket path is told to upgrade.
        #expect(await router.respond(to: request(.GET, "/streams/a/socket")).status == .upgradeRequired)
    }

    private func body(_ router: HTTPRouter, _ method: HTTPMethod, _ uri: String) async -> String {
        let response = await router.respond(to: request(method, uri))
        return String(buffer: response.body).trimmingCharacters(in: .newlines)
    }

    private struct Fallback: HTTPResponder {
        func respond(to request: HTTPRequest) async -> HTTPResponse {
            .text(.ok, "fallback \(request.method) \(request.uri)")
        }

        func respondToOversizeBody(_ head: HTTPRequestHead) -> HTTPResponse {
            HTTPResponse(status: .insufficientStorage)
        }
    }
}
