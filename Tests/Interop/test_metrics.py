"""GET /metrics serves Prometheus text with request counters by operation."""

from __future__ import annotations

import re

import pytest
import requests

from interop import make_client

pytestmark = pytest.mark.rivulet_only

SAMPLE = re.compile(
    r'^(?P<name>[a-zA-Z_:][a-zA-Z0-9_:]*)'
    r'(?:\{(?P<labels>(?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*",?)*)\})?'
    r' (?P<value>[-+]?(?:[0-9.eE+-]+|Inf|NaN))(?: -?[0-9]+)?$'
)
LABEL = re.compile(r'([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"')
TYPE_LINE = re.compile(r"^# TYPE [a-zA-Z_:][a-zA-Z0-9_:]* (counter|gauge|histogram|summary|untyped)$")


def scrape(endpoint: str) -> dict[tuple[str, tuple], float]:
    response = requests.get(endpoint + "/metrics", timeout=30)
    assert response.status_code == 200, response.text[:500]
    assert response.headers.get("Content-Type", "").startswith("text/plain"), response.headers
    samples = {}
    for line in response.text.splitlines():
        if not line.strip():
            continue
        if line.startswith("# TYPE"):
            assert TYPE_LINE.match(line), f"bad TYPE line: {line!r}"
            continue
        if line.startswith("#"):
            continue
        match = SAMPLE.match(line)
        assert match, f"not Prometheus text exposition: {line!r}"
        labels = tuple(sorted(LABEL.findall(match.group("labels") or "")))
        samples[(match.group("name"), labels)] = float(match.group("value"))
    return samples


def operation_total(samples, operation: str) -> float:
    """The largest counter among series labelled with this operation (e.g. operation="ListStreams")."""
    values = [value for (name, labels), value in samples.items()
              if any(v == operation or v.endswith("." + operation) for _, v in labels)
              and not name.endswith(("_bucket", "_sum"))]
    return max(values, default=0.0)


def test_metrics_count_requests_by_operation(server):
    client = make_client(server.endpoint)
    before = scrape(server.endpoint)
    for _ in range(3):
        client.list_streams()
    for _ in range(2):
        client.describe_limits()
    after = scrape(server.endpoint)

    assert operation_total(after, "ListStreams") >= operation_total(before, "ListStreams") + 3, \
        "no series labelled ListStreams grew by the 3 calls made"
    assert operation_total(after, "DescribeLimits") >= operation_total(before, "DescribeLimits") + 2
    assert any("DescribeLimits" in v for (_, labels) in after for _, v in labels)


def test_metrics_is_not_an_api_call(server):
    # /metrics needs no signature and does not disturb the API on the same port.
    response = requests.get(server.endpoint + "/metrics", timeout=30)
    assert response.status_code == 200
    assert "StreamNames" in make_client(server.endpoint).list_streams()


def test_enhanced_monitoring_switches_shard_level_metrics_on_and_off(server):
    from interop import create_stream, shard_id, unique_name

    client = make_client(server.endpoint)
    name = unique_name("shardmetrics")
    create_stream(client, name, 1)
    shard_labels = (("shard", shard_id(0)), ("stream", name))
    client.put_record(StreamName=name, Data=b"unmonitored", PartitionKey="k")
    assert ("rivulet_shard_incoming_records_total", shard_labels) not in scrape(server.endpoint)

    answer = client.enable_enhanced_monitoring(StreamName=name, ShardLevelMetrics=["IncomingRecords", "IncomingBytes"])
    assert answer["DesiredShardLevelMetrics"] == ["IncomingBytes", "IncomingRecords"]
    for index in range(3):
        client.put_record(StreamName=name, Data=b"x" * 10, PartitionKey=f"k{index}")
    samples = scrape(server.endpoint)
    assert samples[("rivulet_shard_incoming_records_total", shard_labels)] == 3
    assert samples[("rivulet_shard_incoming_bytes_total", shard_labels)] == 3 * 12
    # Outgoing metrics were not enabled, so a read adds none.
    iterator = client.get_shard_iterator(StreamName=name, ShardId=shard_id(0),
                                         ShardIteratorType="TRIM_HORIZON")["ShardIterator"]
    client.get_records(ShardIterator=iterator)
    assert ("rivulet_shard_outgoing_records_total", shard_labels) not in scrape(server.endpoint)

    client.disable_enhanced_monitoring(StreamName=name, ShardLevelMetrics=["ALL"])
    client.put_record(StreamName=name, Data=b"after", PartitionKey="k")
    assert scrape(server.endpoint)[("rivulet_shard_incoming_records_total", shard_labels)] == 3
