import RivuletHTTP

/// What the server's port answers: `GET /metrics` and `GET /health`, and everything else through the Kinesis API
/// (which takes `POST /` and refuses the rest in AWS's words).
public enum ServerRoutes {
    public static func router(dispatcher: KinesisDispatcher, renderMetrics: @escaping @Sendable () -> [UInt8])
        -> HTTPRouter
    {
        var router = HTTPRouter(fallback: dispatcher)
        router.addMetrics(render: renderMetrics)
        router.addHealth()
        return router
    }
}
