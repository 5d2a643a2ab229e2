"""Bad requests get the exact error type and message that Amazon Kinesis sends.

Requests are built by hand (SigV4-signed with botocore where needed) so that bodies and
headers are fully under the test's control. Expected texts are the ones AWS is recorded
sending; where the current API model changed a limit, the model's value is used.
"""

from __future__ import annotations

import json
import re
import socket
import time
from urllib.parse import urlparse

import pytest
import requests
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
from botocore.exceptions import ClientError

from interop import (
    ACCOUNT_ID,
    DUMMY_ACCESS_KEY,
    DUMMY_SECRET_KEY,
    HASH_KEY_MAX,
    create_stream,
    make_client,
    shard_id,
    unique_name,
    wait_stream_gone,
)

pytestmark = pytest.mark.rivulet_only

JSON_11 = "application/x-amz-json-1.1"
TARGET_PREFIX = "Kinesis_20131202."
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
ITERATOR_RULE = ("Must either specify (1) AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER and StartingSequenceNumber "
                 "or (2) TRIM_HORIZON or LATEST and no StartingSequenceNumber. ")


class Reply:
    def __init__(self, response: requests.Response):
        self.status = response.status_code
        self.headers = response.headers
        self.text = response.text
        try:
            self.body = response.json() if response.content else {}
        except ValueError:
            self.body = {}

    @property
    def type(self):
        return self.body.get("__type")

    @property
    def message(self):
        # AWS spells it "message" for most errors and "Message" for SerializationException.
        return self.body.get("message", self.body.get("Message"))

    def __repr__(self):
        return f"<{self.status} {self.text[:300]!r}>"


def call(endpoint, operation=None, body=None, *, raw: bytes | None = None, sign=True, region="us-east-1",
         headers=None, content_type=JSON_11, access_key=DUMMY_ACCESS_KEY, secret_key=DUMMY_SECRET_KEY) -> Reply:
    data = raw if raw is not None else json.dumps(body if body is not None else {}).encode()
    all_headers = {}
    if content_type:
        all_headers["Content-Type"] = content_type
    if operation:
        all_headers["X-Amz-Target"] = TARGET_PREFIX + operation
    all_headers.update(headers or {})
    if sign:
        request = AWSRequest(method="POST", url=endpoint + "/", data=data, headers=all_headers)
        SigV4Auth(Credentials(access_key, secret_key), "kinesis", region).add_auth(request)
        all_headers = dict(request.headers.items())
    response = requests.post(endpoint + "/", data=data, headers=all_headers, timeout=60)
    reply = Reply(response)
    assert UUID.match(response.headers.get("x-amzn-RequestId", "")), f"missing x-amzn-RequestId on {reply}"
    return reply


def assert_error(reply: Reply, error_type: str, message: str | None = None, status: int = 400):
    assert reply.status == status, reply
    assert reply.type == error_type, reply
    if message is not None:
        assert reply.message == message, reply


def assert_validation(reply: Reply, *parts: str):
    """Validation messages list their failures; AWS's order is not part of the contract."""
    assert_error(reply, "ValidationException")
    count = len(parts)
    prefix = f"{count} validation error{'s' if count != 1 else ''} detected: "
    assert reply.message.startswith(prefix), reply
    assert sorted(reply.message[len(prefix):].split("; ")) == sorted(parts), reply


def not_null(member):
    return f"Value null at '{member}' failed to satisfy constraint: Member must not be null"


def pattern(value, member, regex):
    return f"Value '{value}' at '{member}' failed to satisfy constraint: Member must satisfy regular expression pattern: {regex}"


def min_length(value, member, bound=1):
    return f"Value '{value}' at '{member}' failed to satisfy constraint: Member must have length greater than or equal to {bound}"


def echoed(value) -> str:
    """A value as an error message repeats it: at most 256 characters, then "..."."""
    text = str(value)
    return text if len(text) <= 256 else text[:256] + "..."


def max_length(value, member, bound):
    return f"Value '{echoed(value)}' at '{member}' failed to satisfy constraint: Member must have length less than or equal to {bound}"


def min_value(value, member, bound=1):
    return f"Value '{value}' at '{member}' failed to satisfy constraint: Member must have value greater than or equal to {bound}"


def max_value(value, member, bound):
    return f"Value '{value}' at '{member}' failed to satisfy constraint: Member must have value less than or equal to {bound}"


STREAM_NAME_PATTERN = "[a-zA-Z0-9_.-]+"
HASH_KEY_PATTERN = "0|([1-9]\\d{0,38})"
SEQUENCE_PATTERN = "0|([1-9]\\d{0,128})"


@pytest.fixture(scope="module")
def endpoint(server):
    return server.endpoint


@pytest.fixture(scope="module")
def stream(server):
    """A 3-shard stream shared by the read-only error checks of this module."""
    client = make_client(server.endpoint)
    name = unique_name("errors")
    create_stream(client, name, 3)
    return name


# -- framing and authentication ------------------------------------------------------------------

def test_malformed_json_is_serialization_exception(endpoint):
    assert_error(call(endpoint, "ListStreams", raw=b"{not json"), "SerializationException")
    assert_error(call(endpoint, "ListStreams", raw=b"hello", sign=False), "SerializationException")


def test_wrong_member_type_is_serialization_exception(endpoint):
    reply = call(endpoint, "CreateStream", {"StreamName": True, "ShardCount": 1})
    assert_error(reply, "SerializationException", "class java.lang.Boolean can not be converted to an String")
    reply = call(endpoint, "CreateStream", {"StreamName": "x", "ShardCount": "23"})
    assert_error(reply, "SerializationException", "class java.lang.String can not be converted to an Integer")


def test_unknown_target_is_unknown_operation(endpoint):
    assert_error(call(endpoint, "ListStream"), "UnknownOperationException")
    assert_error(call(endpoint, None), "UnknownOperationException")
    assert_error(call(endpoint, None, sign=False), "UnknownOperationException")


def test_missing_authorization(endpoint):
    assert_error(call(endpoint, "ListStreams", {}, sign=False),
                 "MissingAuthenticationTokenException", "Missing Authentication Token")


def test_malformed_authorization(endpoint):
    reply = call(endpoint, "ListStreams", {}, sign=False, headers={"Authorization": "X"})
    assert_error(reply, "IncompleteSignatureException",
                 "Authorization header requires 'Credential' parameter. "
                 "Authorization header requires 'Signature' parameter. "
                 "Authorization header requires 'SignedHeaders' parameter. "
                 "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. "
                 "Authorization=X")
    reply = call(endpoint, "ListStreams", {}, sign=False,
                 headers={"Authorization": "AWS4- Signature=b Credential=a", "Date": "a"})
    assert_error(reply, "IncompleteSignatureException",
                 "Authorization header requires 'SignedHeaders' parameter. "
                 "Authorization=AWS4- Signature=b Credential=a")


def test_success_also_carries_request_id(endpoint):
    reply = call(endpoint, "ListStreams", {})
    assert reply.status == 200, reply
    assert "StreamNames" in reply.body
    assert reply.headers["Content-Type"].startswith(JSON_11)


# -- validation -------------------------------------------------------------------------------------

def test_validation_single_error(endpoint):
    name = "a" * 129
    assert_validation(call(endpoint, "CreateStream", {"StreamName": name, "ShardCount": 1}),
                      max_length(name, "streamName", 128))
    assert_validation(call(endpoint, "CreateStream", {"StreamName": "bad name!", "ShardCount": 1}),
                      pattern("bad name!", "streamName", STREAM_NAME_PATTERN))
    assert_validation(call(endpoint, "GetRecords", {}), not_null("shardIterator"))


def test_validation_multiple_errors(endpoint):
    assert_validation(
        call(endpoint, "CreateStream", {"StreamName": "", "ShardCount": 0}),
        min_value(0, "shardCount"),
        pattern("", "streamName", STREAM_NAME_PATTERN),
        min_length("", "streamName"),
    )
    assert_validation(
        call(endpoint, "GetRecords", {"ShardIterator": "", "Limit": 0}),
        min_value(0, "limit"),
        min_length("", "shardIterator"),
    )
    long_iterator = "a" * 513
    assert_validation(
        call(endpoint, "GetRecords", {"ShardIterator": long_iterator, "Limit": 100000}),
        max_value(100000, "limit", 10000),
        max_length(long_iterator, "shardIterator", 512),
    )
    assert_validation(
        call(endpoint, "PutRecord", {"StreamName": "", "PartitionKey": "", "Data": "",
                                     "ExplicitHashKey": "", "SequenceNumberForOrdering": ""}),
        pattern("", "sequenceNumberForOrdering", SEQUENCE_PATTERN),
        min_length("", "partitionKey"),
        pattern("", "explicitHashKey", HASH_KEY_PATTERN),
        pattern("", "streamName", STREAM_NAME_PATTERN),
        min_length("", "streamName"),
    )
    name = "a" * 129
    assert_validation(
        call(endpoint, "ListShards", {"StreamName": name, "MaxResults": 100000, "ExclusiveStartShardId": name}),
        max_value(100000, "maxResults", 10000),
        max_length(name, "exclusiveStartShardId", 128),
        max_length(name, "streamName", 128),
    )


def test_validation_wrong_iterator_type_lists_the_enum(endpoint, stream):
    reply = call(endpoint, "GetShardIterator",
                 {"StreamName": stream, "ShardId": shard_id(0), "ShardIteratorType": "BOGUS"})
    assert_error(reply, "ValidationException")
    prefix = ("1 validation error detected: Value 'BOGUS' at 'shardIteratorType' failed to satisfy constraint: "
              "Member must satisfy enum value set: [")
    assert reply.message.startswith(prefix) and reply.message.endswith("]"), reply
    listed = reply.message[len(prefix):-1].split(", ")
    assert sorted(listed) == sorted(
        ["AT_SEQUENCE_NUMBER", "AFTER_SEQUENCE_NUMBER", "TRIM_HORIZON", "LATEST", "AT_TIMESTAMP"]), reply


def test_put_records_over_500_records(endpoint, stream):
    records = [{"PartitionKey": "a", "Data": ""} for _ in range(501)]
    reply = call(endpoint, "PutRecords", {"StreamName": stream, "Records": records})
    assert_error(reply, "ValidationException")
    assert reply.message.startswith("1 validation error detected: Value '"), reply
    assert reply.message.endswith(
        "at 'records' failed to satisfy constraint: Member must have length less than or equal to 500"), reply


def test_put_records_record_over_one_mebibyte_is_refused(endpoint, server, stream):
    import base64

    big = base64.b64encode(b"x" * (1024 * 1024 + 1)).decode()
    reply = call(endpoint, "PutRecords", {"StreamName": stream, "Records": [
        {"PartitionKey": "big", "Data": big},
        {"PartitionKey": "small", "Data": "AA=="},
    ]})
    # The model now allows Data up to 10 MiB; a stream's MaxRecordSizeInKiB (default 1024) decides.
    if reply.status == 200:
        results = reply.body["Records"]
        assert reply.body["FailedRecordCount"] >= 1
        assert results[0].get("ErrorCode"), reply
    else:
        assert reply.status == 400, reply
        assert reply.type in {"ValidationException", "InvalidArgumentException"}, reply
        assert "1048576" in reply.message or "1024" in reply.message, reply


# -- resources ------------------------------------------------------------------------------------------

def test_nonexistent_stream(endpoint):
    name = unique_name("missing")
    expected = f"Stream {name} under account {ACCOUNT_ID} not found."
    for operation, body in [
        ("DescribeStream", {"StreamName": name}),
        ("DescribeStreamSummary", {"StreamName": name}),
        ("DeleteStream", {"StreamName": name}),
        ("ListShards", {"StreamName": name}),
        ("PutRecord", {"StreamName": name, "PartitionKey": "a", "Data": ""}),
        ("PutRecords", {"StreamName": name, "Records": [{"PartitionKey": "a", "Data": ""}]}),
        ("IncreaseStreamRetentionPeriod", {"StreamName": name, "RetentionPeriodHours": 25}),
    ]:
        assert_error(call(endpoint, operation, body), "ResourceNotFoundException", expected)


def test_nonexistent_shard(endpoint, stream):
    reply = call(endpoint, "GetShardIterator", {"StreamName": stream, "ShardId": "shardId-5",
                                                "ShardIteratorType": "LATEST"})
    assert_error(reply, "ResourceNotFoundException",
                 f"Shard shardId-000000000005 in stream {stream} under account {ACCOUNT_ID} does not exist")


def test_create_existing_stream(endpoint, stream):
    assert_error(call(endpoint, "CreateStream", {"StreamName": stream, "ShardCount": 1}),
                 "ResourceInUseException", f"Stream {stream} under account {ACCOUNT_ID} already exists.")


def test_bad_and_tampered_iterators(endpoint, stream):
    assert_error(call(endpoint, "GetRecords", {"ShardIterator": unique_name("junk")}),
                 "InvalidArgumentException", "Invalid ShardIterator.")
    good = call(endpoint, "GetShardIterator", {"StreamName": stream, "ShardId": shard_id(0),
                                               "ShardIteratorType": "TRIM_HORIZON"}).body["ShardIterator"]
    assert len(good) <= 512
    middle = len(good) // 2
    tampered = good[:middle] + ("A" if good[middle] != "A" else "B") + good[middle + 1:]
    assert_error(call(endpoint, "GetRecords", {"ShardIterator": tampered}), "InvalidArgumentException")


def test_iterator_of_deleted_stream(server):
    client = make_client(server.endpoint)
    name = unique_name("deleted")
    create_stream(client, name, 1)
    iterator = client.get_shard_iterator(StreamName=name, ShardId=shard_id(0),
                                         ShardIteratorType="LATEST")["ShardIterator"]
    client.delete_stream(StreamName=name)
    wait_stream_gone(client, name)
    assert_error(call(server.endpoint, "GetRecords", {"ShardIterator": iterator}), "ResourceNotFoundException",
                 f"Shard {shard_id(0)} in stream {name} under account {ACCOUNT_ID} does not exist")


def test_contradictory_iterator_arguments(endpoint, stream):
    base = {"StreamName": stream, "ShardId": shard_id(0)}
    assert_error(call(endpoint, "GetShardIterator", {**base, "ShardIteratorType": "AT_SEQUENCE_NUMBER"}),
                 "InvalidArgumentException",
                 ITERATOR_RULE + "Request specified AT_SEQUENCE_NUMBER and no StartingSequenceNumber.")
    assert_error(call(endpoint, "GetShardIterator", {**base, "ShardIteratorType": "AFTER_SEQUENCE_NUMBER"}),
                 "InvalidArgumentException",
                 ITERATOR_RULE + "Request specified AFTER_SEQUENCE_NUMBER and no StartingSequenceNumber.")
    assert_error(call(endpoint, "GetShardIterator", {**base, "ShardIteratorType": "LATEST",
                                                     "StartingSequenceNumber": "5"}),
                 "InvalidArgumentException",
                 ITERATOR_RULE + "Request specified LATEST and also a StartingSequenceNumber.")
    assert_error(call(endpoint, "GetShardIterator", {**base, "ShardIteratorType": "TRIM_HORIZON",
                                                     "StartingSequenceNumber": "5"}),
                 "InvalidArgumentException",
                 ITERATOR_RULE + "Request specified TRIM_HORIZON and also a StartingSequenceNumber.")


def test_sequence_number_of_another_shard(endpoint, stream):
    put = call(endpoint, "PutRecord", {"StreamName": stream, "PartitionKey": "a", "Data": "AA==",
                                       "ExplicitHashKey": str(HASH_KEY_MAX)})
    assert put.status == 200 and put.body["ShardId"] == shard_id(2), put
    reply = call(endpoint, "GetShardIterator", {"StreamName": stream, "ShardId": shard_id(0),
                                                "ShardIteratorType": "AT_SEQUENCE_NUMBER",
                                                "StartingSequenceNumber": put.body["SequenceNumber"]})
    assert_error(reply, "InvalidArgumentException",
                 f"Invalid StartingSequenceNumber. It encodes {shard_id(2)}, "
                 f"while it was used in a call to a shard with {shard_id(0)}")


def test_future_timestamp_iterator_is_refused(endpoint, stream):
    reply = call(endpoint, "GetShardIterator", {"StreamName": stream, "ShardId": shard_id(0),
                                                "ShardIteratorType": "AT_TIMESTAMP",
                                                "Timestamp": time.time() + 86400})
    assert_error(reply, "InvalidArgumentException")


def test_explicit_hash_key_out_of_range(endpoint, stream):
    too_big = str(HASH_KEY_MAX + 1)
    assert_error(call(endpoint, "PutRecord", {"StreamName": stream, "PartitionKey": "a", "Data": "",
                                              "ExplicitHashKey": too_big}),
                 "InvalidArgumentException",
                 f"Invalid ExplicitHashKey. ExplicitHashKey must be in the range: [0, 2^128-1]. "
                 f"Specified value was {too_big}")


def test_list_shards_conflicting_arguments(endpoint, stream):
    assert_error(call(endpoint, "ListShards", {"StreamName": stream, "NextToken": "abc"}),
                 "InvalidArgumentException", "NextToken and StreamName cannot be provided together.")


def test_retention_out_of_range(server):
    client = make_client(server.endpoint)
    name = unique_name("retention")
    create_stream(client, name, 1)
    endpoint = server.endpoint
    for operation in ("IncreaseStreamRetentionPeriod", "DecreaseStreamRetentionPeriod"):
        assert_error(call(endpoint, operation, {"StreamName": name, "RetentionPeriodHours": 23}),
                     "InvalidArgumentException",
                     "Minimum allowed retention period is 24 hours. Requested retention period (23 hours) is too short.")
        assert_error(call(endpoint, operation, {"StreamName": name, "RetentionPeriodHours": 8761}),
                     "InvalidArgumentException",
                     "Maximum allowed retention period is 8760 hours. Requested retention period (8761 hours) is too long.")
    assert_error(call(endpoint, "DecreaseStreamRetentionPeriod", {"StreamName": name, "RetentionPeriodHours": 25}),
                 "InvalidArgumentException",
                 f"Requested retention period (25 hours) for stream {name} can not be longer than existing "
                 "retention period (24 hours). Use IncreaseRetentionPeriod API.")
    client.increase_stream_retention_period(StreamName=name, RetentionPeriodHours=48)
    assert_error(call(endpoint, "IncreaseStreamRetentionPeriod", {"StreamName": name, "RetentionPeriodHours": 30}),
                 "InvalidArgumentException",
                 f"Requested retention period (30 hours) for stream {name} can not be shorter than existing "
                 "retention period (48 hours). Use DecreaseRetentionPeriod API.")


# -- transport limits -------------------------------------------------------------------------------------

def test_oversize_body_is_refused_without_reading_it(endpoint):
    url = urlparse(endpoint)
    head = (
        "POST / HTTP/1.1\r\n"
        f"Host: {url.hostname}:{url.port}\r\n"
        f"Content-Type: {JSON_11}\r\n"
        f"X-Amz-Target: {TARGET_PREFIX}ListStreams\r\n"
        f"Content-Length: {100 * 1024 * 1024}\r\n"
        "\r\n"
    ).encode() + b'{"Limit": 1'
    with socket.create_connection((url.hostname, url.port), timeout=60) as sock:
        sock.sendall(head)
        received = b""
        deadline = time.monotonic() + 60
        closed = False
        while time.monotonic() < deadline:
            try:
                chunk = sock.recv(65536)
            except ConnectionResetError:
                closed = True
                break
            except socket.timeout:
                break
            if not chunk:
                closed = True
                break
            received += chunk
        status_line = received.split(b"\r\n", 1)[0]
        assert status_line.startswith(b"HTTP/1.1 413"), received[:500]
        assert closed, "the server must close a connection whose body it will not read"


# -- credentials ----------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def secured(tmp_path_factory):
    from interop import ServerProcess

    base = tmp_path_factory.mktemp("secured")
    credentials = base / "credentials.json"
    credentials.write_text(json.dumps({
        "AKIDRIVULETTEST01": "rivulet-test-secret",
        "ASIARIVULETTEMP01": {"secretAccessKey": "temporary-secret", "sessionToken": "the-session-token"},
    }))
    process = ServerProcess(base / "data", base / "logs", ["--credentials", str(credentials)])
    process.start()
    yield process
    process.kill()


def test_valid_credentials_are_accepted(secured):
    client = make_client(secured.endpoint, access_key="AKIDRIVULETTEST01", secret_key="rivulet-test-secret")
    assert "StreamNames" in client.list_streams()


def test_wrong_secret_is_invalid_signature(secured):
    client = make_client(secured.endpoint, access_key="AKIDRIVULETTEST01", secret_key="not-the-secret", retries=1)
    with pytest.raises(ClientError) as excinfo:
        client.list_streams()
    error = excinfo.value.response["Error"]
    assert error["Code"] == "InvalidSignatureException"
    assert error["Message"].startswith(
        "The request signature we calculated does not match the signature you provided."), error
    reply = call(secured.endpoint, "ListStreams", {}, access_key="AKIDRIVULETTEST01", secret_key="nope")
    assert_error(reply, "InvalidSignatureException")


def test_unknown_key_is_unrecognized_client(secured):
    reply = call(secured.endpoint, "ListStreams", {}, access_key="AKIDUNKNOWN", secret_key="whatever")
    assert_error(reply, "UnrecognizedClientException", "The security token included in the request is invalid.")


def test_session_tokens_are_checked_against_the_credentials_file(secured):
    def code_of(client):
        try:
            client.list_streams()
            return "accepted"
        except ClientError as error:
            return error.response["Error"]["Code"]

    temporary = dict(access_key="ASIARIVULETTEMP01", secret_key="temporary-secret", retries=1)
    assert code_of(make_client(secured.endpoint, **temporary, session_token="the-session-token")) == "accepted"
    assert code_of(make_client(secured.endpoint, **temporary)) == "UnrecognizedClientException"
    assert code_of(make_client(secured.endpoint, **temporary, session_token="another")) == "UnrecognizedClientException"
    # AWS refuses a token sent with a permanent key, rather than ignoring it.
    permanent = make_client(secured.endpoint, access_key="AKIDRIVULETTEST01", secret_key="rivulet-test-secret",
                            retries=1, session_token="made-up-token")
    assert code_of(permanent) == "UnrecognizedClientException"


def test_tampered_body_fails_signature(secured):
    body = json.dumps({"Limit": 1}).encode()
    request = AWSRequest(method="POST", url=secured.endpoint + "/", data=body,
                         headers={"Content-Type": JSON_11, "X-Amz-Target": TARGET_PREFIX + "ListStreams"})
    SigV4Auth(Credentials("AKIDRIVULETTEST01", "rivulet-test-secret"), "kinesis", "us-east-1").add_auth(request)
    response = requests.post(secured.endpoint + "/", data=json.dumps({"Limit": 2}).encode(),
                             headers=dict(request.headers.items()), timeout=60)
    assert_error(Reply(response), "InvalidSignatureException")
