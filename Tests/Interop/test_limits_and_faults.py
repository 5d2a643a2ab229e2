"""`--enforce-limits` applies the real service's rate limits, answered as AWS answers them, and `--fault-injection`
adds failures and latency, so producers' back-off and retries can be tested against a local server.
"""

from __future__ import annotations

import subprocess
import threading
import time

import pytest
from botocore.exceptions import ClientError

from interop import binary_path, create_stream, make_client, shard_id, unique_name, wait_for

pytestmark = pytest.mark.rivulet_only


def rate_message(stream: str, shard: int = 0) -> str:
    return f"Rate exceeded for shard {shard_id(shard)} in stream {stream} under account 000000000000."


def stored(client, stream: str) -> list[bytes]:
    iterator = client.get_shard_iterator(StreamName=stream, ShardId=shard_id(0),
                                         ShardIteratorType="TRIM_HORIZON")["ShardIterator"]
    records = []
    while True:
        answer = client.get_records(ShardIterator=iterator, Limit=10000)
        records += [r["Data"] for r in answer["Records"]]
        if not answer["Records"] and answer.get("MillisBehindLatest", 0) == 0:
            return records
        iterator = answer["NextShardIterator"]


def test_enforced_write_limit_fails_records_individually_and_retries_succeed(server_factory):
    server = server_factory(extra_args=["--enforce-limits"])
    client = make_client(server.endpoint, retries=1)
    name = unique_name("limit")
    create_stream(client, name, 1)
    # 500 records of 4 KiB is 2 MiB, twice what one shard takes in a second.
    pending = [{"Data": f"{i:06d}".encode() + b"x" * 4090, "PartitionKey": "k"} for i in range(500)]
    first = client.put_records(StreamName=name, Records=pending)
    assert 0 < first["FailedRecordCount"] < 500
    failures = [entry for entry in first["Records"] if "ErrorCode" in entry]
    assert {entry["ErrorCode"] for entry in failures} == {"ProvisionedThroughputExceededException"}
    assert {entry["ErrorMessage"] for entry in failures} == {rate_message(name)}
    # A producer that retries its failed records gets every one stored, once.
    remaining = [record for record, entry in zip(pending, first["Records"]) if "ErrorCode" in entry]

    def retry():
        nonlocal remaining
        answer = client.put_records(StreamName=name, Records=remaining)
        remaining = [record for record, entry in zip(remaining, answer["Records"]) if "ErrorCode" in entry]
        return not remaining

    wait_for(retry, 60, "all records accepted", interval=0.25)
    # Reads are limited too (5 calls/s, 2 MiB/s); read patiently.
    data = wait_for(lambda: _try(lambda: stored(client, name)), 60, "records readable", interval=0.5)
    assert sorted(data) == sorted(record["Data"] for record in pending)


def _try(call):
    try:
        return call()
    except ClientError as error:
        if error.response["Error"]["Code"] == "ProvisionedThroughputExceededException":
            return None
        raise


def test_enforced_read_and_control_plane_limits(server_factory):
    server = server_factory(extra_args=["--enforce-limits"])
    client = make_client(server.endpoint, retries=1)
    name = unique_name("reads")
    create_stream(client, name, 1)
    iterator = client.get_shard_iterator(StreamName=name, ShardId=shard_id(0),
                                         ShardIteratorType="TRIM_HORIZON")["ShardIterator"]
    # A burst from several threads outruns 5 calls/s however slow each call is on a loaded machine.
    read_errors = burst(lambda: client.get_records(ShardIterator=iterator), calls=40)
    assert read_errors, "no GetRecords call was throttled"
    assert {(e["Code"], e["Message"]) for e in read_errors} == {
        ("ProvisionedThroughputExceededException", rate_message(name))}

    describe_errors = burst(lambda: client.describe_stream(StreamName=name), calls=60)
    assert describe_errors and all(e["Code"] == "LimitExceededException" for e in describe_errors)
    assert "Rate exceeded" in describe_errors[0]["Message"]


def burst(call, calls: int) -> list[dict]:
    """Makes `calls` calls from 8 threads at once; returns the errors."""
    errors = []

    def worker(count):
        for _ in range(count):
            try:
                call()
            except ClientError as error:
                errors.append(error.response["Error"])

    threads = [threading.Thread(target=worker, args=(calls // 8,)) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def test_fault_injection(server_factory):
    server = server_factory(extra_args=[
        "--fault-injection", "PutRecords:record-error-rate=0.5",
        "--fault-injection", "ListStreams:error-rate=1,error=InternalFailure",
        "--fault-injection", "DescribeLimits:latency-ms=300",
    ])
    client = make_client(server.endpoint, retries=1)
    name = unique_name("faults")
    create_stream(client, name, 1)
    records = [{"Data": f"r{i}".encode(), "PartitionKey": "k"} for i in range(400)]
    answer = client.put_records(StreamName=name, Records=records)
    assert 80 < answer["FailedRecordCount"] < 320
    accepted = [record["Data"] for record, entry in zip(records, answer["Records"]) if "SequenceNumber" in entry]
    assert sorted(stored(client, name)) == sorted(accepted)

    with pytest.raises(ClientError) as injected:
        client.list_streams()
    assert injected.value.response["Error"]["Code"] == "InternalFailure"
    assert injected.value.response["ResponseMetadata"]["HTTPStatusCode"] == 500

    started = time.monotonic()
    client.describe_limits()
    assert time.monotonic() - started >= 0.3


def test_bad_fault_injection_is_refused_at_start(tmp_path):
    result = subprocess.run(
        [str(binary_path()), "server", "--port", "0", "--data-dir", str(tmp_path / "data"),
         "--fault-injection", "PutRecords:record-error-rate=2"],
        capture_output=True, text=True, timeout=120)
    assert result.returncode != 0
    assert "record-error-rate must be a fraction in 0...1" in result.stderr
