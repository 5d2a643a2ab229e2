import Metrics
import Prometheus

/// Installs the process's metrics backend: Prometheus, in one registry whose text `GET /metrics` serves. Commands
/// that serve metrics call it once at start; libraries only record through swift-metrics and never install one.
enum MetricsBootstrap {
    static func prometheus() -> PrometheusCollectorRegistry {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }
}
