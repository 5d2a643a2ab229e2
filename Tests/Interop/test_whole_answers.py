"""Large answers arrive whole however the connection ends: a GetRecords answer of about 13 MB over a kept-alive
HTTP/1.1 connection, with `Connection: close`, over HTTP/1.0 (whose end is the connection's end), over h2c, and
over TLS by both ALPN protocols. The server must close a connection only after the last byte is written.
"""

from __future__ import annotations

import base64
import json
import socket
import ssl

import pytest

from h2_client import JSON, H2Client, signed_headers
from interop import create_stream, make_client, shard_id, shard_iterator, unique_name
from test_http2_cbor import certificate  # noqa: F401  (a fixture)

pytestmark = pytest.mark.rivulet_only

RECORD_BYTES = 1_000_000  # with its key within the 1 MiB record limit; ten fill one GetRecords
RECORD_COUNT = 10


def fill_stream(client) -> tuple[str, str]:
    """A one-shard stream holding ten records of 1 MB; returns its name and a TRIM_HORIZON iterator."""
    name = unique_name("whole")
    create_stream(client, name, 1)
    for index in range(RECORD_COUNT):
        client.put_record(StreamName=name, Data=bytes([index]) * RECORD_BYTES, PartitionKey="k")
    return name, shard_iterator(client, name, shard_id(0))


def check_answer(body: bytes):
    answer = json.loads(body)
    records = answer["Records"]
    assert len(records) == RECORD_COUNT
    for index, record in enumerate(records):
        assert base64.b64decode(record["Data"]) == bytes([index]) * RECORD_BYTES


def raw_exchange(endpoint: str, iterator: str, version: str, connection_header: str | None,
                 tls_ca: str | None = None) -> bytes:
    """Sends a signed GetRecords over a socket of its own and returns everything received until the server closes."""
    host, port = endpoint.split("://")[1].split(":")
    body = json.dumps({"ShardIterator": iterator}).encode()
    headers = signed_headers(endpoint, "GetRecords", body, JSON)
    lines = [f"POST / {version}", f"Host: {host}:{port}", f"Content-Length: {len(body)}"]
    lines += [f"{name}: {value}" for name, value in headers if name != "content-length"]
    if connection_header:
        lines.append(f"Connection: {connection_header}")
    sock = socket.create_connection((host, int(port)), timeout=60)
    if endpoint.startswith("https://"):
        context = ssl.create_default_context(cafile=tls_ca)
        context.set_alpn_protocols(["http/1.1"])
        sock = context.wrap_socket(sock, server_hostname=host)
    with sock:
        sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
        received = bytearray()
        while True:
            try:
                chunk = sock.recv(1 << 20)
            except ssl.SSLZeroReturnError:
                break
            if not chunk:
                break
            received += chunk
    head, _, rest = bytes(received).partition(b"\r\n\r\n")
    assert head.split(b" ")[1] == b"200", head[:200]
    declared = int(next(line.split(b":")[1] for line in head.split(b"\r\n")
                        if line.lower().startswith(b"content-length:")))
    assert len(rest) == declared, f"declared {declared} bytes, received {len(rest)}"
    return rest


def h2_exchange(endpoint: str, iterator: str, tls_ca: str | None = None) -> bytes:
    client = H2Client(endpoint, tls_ca=tls_ca)
    try:
        response = client.call("GetRecords", json.dumps({"ShardIterator": iterator}).encode())
        assert response.status == 200
        assert len(response.body) == int(response.headers["content-length"])
        return bytes(response.body)
    finally:
        client.close()


def test_large_answers_arrive_whole_on_the_plain_port(server, client):
    _, iterator = fill_stream(client)
    answer = client.get_records(ShardIterator=iterator)
    assert len(answer["Records"]) == RECORD_COUNT
    check_answer(raw_exchange(server.endpoint, iterator, "HTTP/1.1", "close"))
    check_answer(raw_exchange(server.endpoint, iterator, "HTTP/1.0", None))
    check_answer(h2_exchange(server.endpoint, iterator))


def test_large_answers_arrive_whole_over_tls(server_factory, certificate):  # noqa: F811
    cert, key = certificate
    server = server_factory(extra_args=["--tls-cert", str(cert), "--tls-key", str(key)])
    client = make_client(server.endpoint, verify=str(cert))
    _, iterator = fill_stream(client)
    assert len(client.get_records(ShardIterator=iterator)["Records"]) == RECORD_COUNT
    check_answer(raw_exchange(server.endpoint, iterator, "HTTP/1.1", "close", tls_ca=str(cert)))
    check_answer(raw_exchange(server.endpoint, iterator, "HTTP/1.0", None, tls_ca=str(cert)))
    check_answer(h2_exchange(server.endpoint, iterator, tls_ca=str(cert)))
