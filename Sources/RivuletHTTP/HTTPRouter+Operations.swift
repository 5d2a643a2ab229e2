/// The routes every Rivulet process with a port serves the same way.
extension HTTPRouter {
    /// `GET /metrics`: the metrics in Prometheus text, as `render` gives them, without authentication.
    public mutating func addMetrics(render: @escaping @Sendable () -> [UInt8]) {
        add(.GET, "/metrics") { _ in
            HTTPResponse(status: .ok, contentType: "text/plain; version=0.0.4", body: render())
        }
    }

    /// `GET /health`: `ok` for as long as the process serves requests.
    public mutating func addHealth() {
        add(.GET, "/health") { _ in HTTPResponse(status: .ok, contentType: "text/plain", body: Array("ok\n".utf8)) }
    }
}
