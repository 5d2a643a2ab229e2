"""HTTP/2 and CBOR, as the AWS SDK for Java and the KCL speak them: h2c with prior knowledge on the plain port beside
HTTP/1.1, h2 and HTTP/1.1 by ALPN under TLS, and CBOR bodies answered in CBOR that say exactly what the JSON
answers say (timestamps as tag 1 epoch milliseconds, blobs as byte strings).
"""

from __future__ import annotations

import base64
import json
import socket
import subprocess
import time

import cbor2
import pytest

from h2_client import CBOR, JSON, EpochMilliseconds, H2Client, Response, cbor_loads
from interop import create_stream, make_client, shard_id, unique_name, wait_for

pytestmark = pytest.mark.rivulet_only


def cbor_dumps(value) -> bytes:
    return cbor2.dumps(value)


def tag_milliseconds(milliseconds: int) -> cbor2.CBORTag:
    return cbor2.CBORTag(1, milliseconds)


def call_json(client: H2Client, operation: str, body: dict):
    response = client.call(operation, json.dumps(body).encode(), JSON)
    assert response.headers["content-type"] == JSON
    return response.status, (json.loads(response.body) if response.body else {})


def call_cbor(client: H2Client, operation: str, body: dict):
    response = client.call(operation, cbor_dumps(body), CBOR)
    assert response.headers["content-type"] == CBOR, response.headers
    return response.status, (cbor_loads(bytes(response.body)) if response.body else {})


# Members that are blobs or timestamps in the model, by name, for comparing JSON with CBOR answers.
BLOB_MEMBERS = {"Data"}
TIMESTAMP_MEMBERS = {"StreamCreationTimestamp", "ApproximateArrivalTimestamp", "ConsumerCreationTimestamp"}


def normalize_json(value, name=None):
    """JSON as the model means it: blobs as bytes, timestamps as integer epoch milliseconds."""
    if isinstance(value, dict):
        return {key: normalize_json(item, key) for key, item in value.items()}
    if isinstance(value, list):
        return [normalize_json(item, name) for item in value]
    if name in BLOB_MEMBERS:
        return base64.b64decode(value)
    if name in TIMESTAMP_MEMBERS:
        return round(value * 1000)
    return value


def normalize_cbor(value, name=None):
    if isinstance(value, dict):
        return {key: normalize_cbor(item, key) for key, item in value.items()}
    if isinstance(value, list):
        return [normalize_cbor(item, name) for item in value]
    if name in BLOB_MEMBERS:
        assert isinstance(value, bytes), f"{name} must be a CBOR byte string"
    if name in TIMESTAMP_MEMBERS:
        assert isinstance(value, EpochMilliseconds), f"{name} must be tag 1 epoch milliseconds, got {value!r}"
        return int(value)
    return value


def test_h2c_prior_knowledge_beside_http1(server):
    name = unique_name("h2c")
    boto = make_client(server.endpoint)
    create_stream(boto, name, 2)
    h2 = H2Client(server.endpoint)
    try:
        # Several requests in flight at once on one connection, each on its own stream.
        streams = [h2.start("PutRecord", json.dumps({
            "StreamName": name, "PartitionKey": f"key-{i}", "Data": base64.b64encode(f"r{i}".encode()).decode(),
        }).encode(), JSON) for i in range(20)]
        for stream in streams:
            response = h2.wait(stream)
            assert response.status == 200, response.body
            assert json.loads(response.body)["SequenceNumber"].isdigit()
        status, summary = call_json(h2, "DescribeStreamSummary", {"StreamName": name})
        assert status == 200 and summary["StreamDescriptionSummary"]["OpenShardCount"] == 2
        status, error = call_json(h2, "DescribeStreamSummary", {"StreamName": name + "-missing"})
        assert status == 400 and error["__type"] == "ResourceNotFoundException"
    finally:
        h2.close()
    # HTTP/1.1 keeps working on the same port.
    read = []
    for index in range(2):
        iterator = boto.get_shard_iterator(StreamName=name, ShardId=shard_id(index),
                                           ShardIteratorType="TRIM_HORIZON")["ShardIterator"]
        read += [r["Data"] for r in boto.get_records(ShardIterator=iterator)["Records"]]
    assert sorted(read) == sorted(f"r{i}".encode() for i in range(20))


def test_cbor_answers_match_json_field_by_field(server):
    name = unique_name("cbor")
    h2 = H2Client(server.endpoint)
    try:
        status, created = call_cbor(h2, "CreateStream", {"StreamName": name, "ShardCount": 1})
        assert status == 200 and created == {}
        wait_for(lambda: call_json(h2, "DescribeStreamSummary", {"StreamName": name})[1]
                 ["StreamDescriptionSummary"]["StreamStatus"] == "ACTIVE", 60, "stream ACTIVE")
        payloads = [bytes([0, 1, 2, 255]), b"", "h\u00e9llo".encode()][:2] + [b"x" * 3000]
        payloads = [p for p in payloads if p]
        status, put = call_cbor(h2, "PutRecords", {"StreamName": name, "Records": [
            {"Data": data, "PartitionKey": "k"} for data in payloads]})
        assert status == 200 and put["FailedRecordCount"] == 0
        assert all(isinstance(entry["SequenceNumber"], str) for entry in put["Records"])

        def same(operation, body):
            json_status, json_answer = call_json(h2, operation, body)
            cbor_status, cbor_answer = call_cbor(h2, operation, body)
            assert (json_status, normalize_json(json_answer)) == (cbor_status, normalize_cbor(cbor_answer)), operation
            return normalize_cbor(cbor_answer)

        summary = same("DescribeStreamSummary", {"StreamName": name})
        assert summary["StreamDescriptionSummary"]["StreamCreationTimestamp"] > 1_600_000_000_000
        same("ListShards", {"StreamName": name})
        same("DescribeStream", {"StreamName": name})
        same("ListStreams", {})
        same("DescribeLimits", {})
        missing = same("DescribeStream", {"StreamName": name + "-missing"})
        assert missing["__type"] == "ResourceNotFoundException" and "not found" in missing["message"]
        invalid = same("CreateStream", {"StreamName": "bad name!", "ShardCount": 1})
        assert invalid["__type"] == "ValidationException"

        # Reads: the same iterator position gives the same records; CBOR carries data as byte strings.
        status, iterator = call_cbor(h2, "GetShardIterator", {
            "StreamName": name, "ShardId": shard_id(0), "ShardIteratorType": "TRIM_HORIZON"})
        status, json_records = call_json(h2, "GetRecords", {"ShardIterator": iterator["ShardIterator"]})
        status, cbor_records = call_cbor(h2, "GetRecords", {"ShardIterator": iterator["ShardIterator"]})
        json_records.pop("NextShardIterator")
        cbor_records.pop("NextShardIterator")
        assert normalize_json(json_records) == normalize_cbor(cbor_records)
        assert [r["Data"] for r in cbor_records["Records"]] == payloads

        # A timestamp sent as tag 1 epoch milliseconds means milliseconds.
        arrival = int(cbor_records["Records"][-1]["ApproximateArrivalTimestamp"])
        status, at_last = call_cbor(h2, "GetShardIterator", {
            "StreamName": name, "ShardId": shard_id(0), "ShardIteratorType": "AT_TIMESTAMP",
            "Timestamp": tag_milliseconds(arrival)})
        assert status == 200, at_last
        status, from_timestamp = call_cbor(h2, "GetRecords", {"ShardIterator": at_last["ShardIterator"]})
        assert [r["Data"] for r in from_timestamp["Records"]][-1] == payloads[-1]

        # Malformed CBOR is a SerializationException in CBOR.
        response = h2.call("ListStreams", b"\xbf\x61", CBOR)
        assert response.status == 400
        assert cbor_loads(bytes(response.body))["__type"] == "SerializationException"
    finally:
        h2.close()


def test_subscribe_to_shard_over_h2c_in_cbor(server):
    name = unique_name("h2sub")
    boto = make_client(server.endpoint)
    stream_arn = create_stream(boto, name, 1)["StreamARN"]
    consumer_arn = boto.register_stream_consumer(StreamARN=stream_arn, ConsumerName="java")["Consumer"]["ConsumerARN"]
    wait_for(lambda: boto.describe_stream_consumer(ConsumerARN=consumer_arn)["ConsumerDescription"]
             ["ConsumerStatus"] == "ACTIVE", 30, "consumer ACTIVE")
    h2 = H2Client(server.endpoint)
    try:
        stream = h2.start("SubscribeToShard", cbor_dumps({
            "ConsumerARN": consumer_arn, "ShardId": shard_id(0), "StartingPosition": {"Type": "LATEST"}}), CBOR)
        messages = h2.events(stream)
        first = next(messages)
        assert first.headers[":event-type"] == "initial-response"
        assert h2.responses[stream].headers["content-type"] == "application/vnd.amazon.eventstream"
        sent = [f"pushed-{i}".encode() for i in range(5)]
        for data in sent:
            boto.put_record(StreamName=name, Data=data, PartitionKey="k")
        received = []
        for message in messages:
            assert message.headers[":message-type"] == "event", message.headers
            assert message.headers[":event-type"] == "SubscribeToShardEvent"
            assert message.headers[":content-type"] == CBOR
            event = cbor_loads(message.payload)
            for record in event["Records"]:
                assert isinstance(record["ApproximateArrivalTimestamp"], EpochMilliseconds)
                received.append(record["Data"])
            if len(received) >= len(sent):
                break
        assert received == sent
    finally:
        h2.close()


@pytest.fixture
def certificate(tmp_path):
    key, cert = tmp_path / "server.key", tmp_path / "server.crt"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
         "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
        check=True, capture_output=True)
    return cert, key


def test_tls_offers_http2_and_http1_by_alpn(server_factory, certificate):
    cert, key = certificate
    server = server_factory(extra_args=["--tls-cert", str(cert), "--tls-key", str(key)])
    assert server.endpoint.startswith("https://")
    boto = make_client(server.endpoint, verify=str(cert))
    name = unique_name("tls")
    create_stream(boto, name, 1)
    boto.put_record(StreamName=name, Data=b"over https", PartitionKey="k")
    h2 = H2Client(server.endpoint, tls_ca=str(cert))
    try:
        assert h2.negotiated == "h2"
        status, summary = call_cbor(h2, "DescribeStreamSummary", {"StreamName": name})
        assert status == 200 and summary["StreamDescriptionSummary"]["StreamName"] == name
    finally:
        h2.close()
    # A plain-text client on the TLS port gets no answer in plain text.
    plain = make_client(server.endpoint.replace("https://", "http://"), retries=1, read_timeout=10)
    with pytest.raises(Exception):
        plain.list_streams()


def test_request_body_limit_holds_on_http2_streams(server):
    h2 = H2Client(server.endpoint)
    try:
        stream = h2.connection.get_next_available_stream_id()
        # A declared length over the 16 MiB limit is refused before any of the body is sent.
        h2.connection.send_headers(stream, [
            (":method", "POST"), (":path", "/"), (":scheme", "http"), (":authority", h2.authority),
            ("content-type", JSON), ("x-amz-target", "Kinesis_20131202.PutRecords"),
            ("content-length", str(17 * 1024 * 1024))])
        h2.sock.sendall(h2.connection.data_to_send())
        h2.responses[stream] = Response()
        deadline = time.monotonic() + 60
        while h2.responses[stream].status is None and time.monotonic() < deadline:
            h2.pump()
        assert h2.responses[stream].status == 413
        # The connection goes on serving other streams.
        status, answer = call_json(h2, "ListStreams", {})
        assert status == 200 and "StreamNames" in answer
    finally:
        h2.close()


def test_an_http2_connection_error_closes_the_connection(server):
    """DATA on stream 0 is a connection error: at most one GOAWAY, then the server closes, however much more is
    sent (it used to answer each frame with another GOAWAY and keep reading, growing without bound)."""
    host, port = server.endpoint.split("://")[1].split(":")
    frame = lambda kind, stream, payload: (  # noqa: E731
        len(payload).to_bytes(3, "big") + bytes([kind, 0]) + stream.to_bytes(4, "big") + payload)
    with socket.create_connection((host, int(port)), timeout=30) as sock:
        sock.sendall(b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n" + frame(0x4, 0, b""))
        flood = frame(0x0, 0, b"a" * 1024) * 1024
        received = bytearray()
        try:
            for _ in range(64):
                sock.sendall(flood)
        except OSError:
            pass  # the server closed while the flood was going out
        closed = False
        try:
            while chunk := sock.recv(65536):
                received += chunk
            closed = True
        except socket.timeout:
            pass
        except OSError:
            closed = True  # a reset: the server closed with part of the flood unread
    assert closed, "the server kept the connection open"
    kinds, offset = [], 0
    while offset + 9 <= len(received):
        kinds.append(received[offset + 3])
        offset += 9 + int.from_bytes(received[offset:offset + 3], "big")
    # The GOAWAY itself may be lost to that reset; there is never more than one.
    assert kinds.count(0x7) <= 1, kinds
