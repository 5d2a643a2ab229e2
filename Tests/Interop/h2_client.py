"""A small HTTP/2 client for the interop suite, built on the `h2` package: prior knowledge on a plain socket
(what the AWS SDK for Java does against http:// endpoints) or ALPN h2 over TLS. Requests are SigV4-signed by
botocore exactly as boto3 would sign them, then sent as HTTP/2 headers and data frames.
"""

from __future__ import annotations

import socket
import ssl
import time
from urllib.parse import urlparse

import cbor2
import h2.config
import h2.connection
import h2.events
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
from botocore.eventstream import EventStreamBuffer

from interop import DUMMY_ACCESS_KEY, DUMMY_SECRET_KEY

JSON = "application/x-amz-json-1.1"
CBOR = "application/x-amz-cbor-1.1"


class EpochMilliseconds(int):
    """A CBOR tag 1 value: the AWS SDK for Java's timestamps are integer epoch milliseconds."""


def cbor_loads(data: bytes):
    """Decodes CBOR keeping tag 1 as epoch milliseconds (cbor2 alone would read them as seconds)."""
    return cbor2.loads(data, semantic_decoders={1: lambda value, immutable: EpochMilliseconds(value)})


def signed_headers(endpoint: str, operation: str, body: bytes, content_type: str,
                   region: str = "us-east-1") -> list[tuple[str, str]]:
    request = AWSRequest(method="POST", url=endpoint.rstrip("/") + "/", data=body, headers={
        "Content-Type": content_type,
        "X-Amz-Target": f"Kinesis_20131202.{operation}",
    })
    SigV4Auth(Credentials(DUMMY_ACCESS_KEY, DUMMY_SECRET_KEY), "kinesis", region).add_auth(request)
    return [(name.lower(), value) for name, value in request.headers.items() if name.lower() != "host"]


class Response:
    def __init__(self):
        self.status: int | None = None
        self.headers: dict[str, str] = {}
        self.body = bytearray()
        self.ended = False


class H2Client:
    """One HTTP/2 connection. Not thread-safe; every call pumps the socket until its condition holds."""

    def __init__(self, endpoint: str, tls_ca: str | None = None, timeout: float = 60):
        parsed = urlparse(endpoint)
        self.endpoint = endpoint
        self.authority = parsed.netloc
        self.scheme = parsed.scheme
        self.timeout = timeout
        raw = socket.create_connection((parsed.hostname, parsed.port), timeout=timeout)
        if parsed.scheme == "https":
            context = ssl.create_default_context(cafile=tls_ca)
            context.set_alpn_protocols(["h2"])
            self.sock = context.wrap_socket(raw, server_hostname=parsed.hostname)
            self.negotiated = self.sock.selected_alpn_protocol()
        else:
            self.sock = raw
            self.negotiated = "h2c"
        self.connection = h2.connection.H2Connection(h2.config.H2Configuration(client_side=True))
        self.connection.initiate_connection()
        self.sock.sendall(self.connection.data_to_send())
        self.responses: dict[int, Response] = {}

    def close(self):
        try:
            self.connection.close_connection()
            self.sock.sendall(self.connection.data_to_send())
        except OSError:
            pass
        self.sock.close()

    def start(self, operation: str, body: bytes, content_type: str) -> int:
        stream = self.connection.get_next_available_stream_id()
        headers = [(":method", "POST"), (":path", "/"), (":scheme", self.scheme), (":authority", self.authority)]
        headers += signed_headers(self.endpoint, operation, body, content_type)
        headers.append(("content-length", str(len(body))))
        self.connection.send_headers(stream, headers)
        self.connection.send_data(stream, body, end_stream=True)
        self.sock.sendall(self.connection.data_to_send())
        self.responses[stream] = Response()
        return stream

    def pump(self):
        data = self.sock.recv(65536)
        if not data:
            raise ConnectionError("server closed the connection")
        for event in self.connection.receive_data(data):
            if isinstance(event, h2.events.ResponseReceived):
                response = self.responses[event.stream_id]
                response.headers = {k.decode() if isinstance(k, bytes) else k: v.decode() if isinstance(v, bytes) else v
                                    for k, v in event.headers}
                response.status = int(response.headers[":status"])
            elif isinstance(event, h2.events.DataReceived):
                self.responses[event.stream_id].body.extend(event.data)
                self.connection.acknowledge_received_data(event.flow_controlled_length, event.stream_id)
            elif isinstance(event, (h2.events.StreamEnded, h2.events.StreamReset)):
                self.responses[event.stream_id].ended = True
        pending = self.connection.data_to_send()
        if pending:
            self.sock.sendall(pending)

    def wait(self, stream: int) -> Response:
        deadline = time.monotonic() + self.timeout
        while not self.responses[stream].ended:
            if time.monotonic() > deadline:
                raise TimeoutError(f"stream {stream} did not end")
            self.pump()
        return self.responses[stream]

    def call(self, operation: str, body: bytes, content_type: str = JSON) -> Response:
        return self.wait(self.start(operation, body, content_type))

    def events(self, stream: int, deadline_seconds: float = 60):
        """Yields the event stream messages of a streamed response as they arrive."""
        parser = EventStreamBuffer()
        consumed = 0
        deadline = time.monotonic() + deadline_seconds
        while True:
            response = self.responses[stream]
            if len(response.body) > consumed:
                parser.add_data(bytes(response.body[consumed:]))
                consumed = len(response.body)
                for message in parser:
                    yield message
            if response.ended or time.monotonic() > deadline:
                return
            self.pump()
