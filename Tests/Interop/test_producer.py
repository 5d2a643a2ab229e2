"""`rivulet put`, the producer library's command, against a real server: what it writes must read back through
boto3 and the PyPI aws-kinesis-agg deaggregator exactly as the lines went in.

The deaggregator has a known bug with explicit hash keys in mixed aggregates, so only partition keys, data and
sub-sequence numbers are compared.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import subprocess
from collections import Counter

import pytest

from interop import binary_path, make_client, wait_stream_active

pytestmark = pytest.mark.rivulet_only

COMMAND_TIMEOUT_SECONDS = 300
SHARD_COUNT = 4


def clean_env(tmp_path) -> dict:
    env = {key: value for key, value in os.environ.items() if not key.startswith("AWS_")}
    env["AWS_CONFIG_FILE"] = str(tmp_path / "aws-config-absent")
    env["AWS_SHARED_CREDENTIALS_FILE"] = str(tmp_path / "aws-credentials-absent")
    return env


def rivulet_put(server, tmp_path, stream: str, input_path, *extra: str) -> subprocess.CompletedProcess:
    command = [str(binary_path()), "put", stream, "--file", str(input_path), "--endpoint-url", server.endpoint,
               *extra]
    result = subprocess.run(command, env=clean_env(tmp_path), capture_output=True,
                            timeout=COMMAND_TIMEOUT_SECONDS, stdin=subprocess.DEVNULL)
    assert result.returncode == 0, (
        f"`{' '.join(command)}` exited {result.returncode}\nstdout: {result.stdout!r}\nstderr: {result.stderr!r}")
    return result


def read_shard(client, stream: str, shard_id: str) -> list[dict]:
    """A shard's Kinesis records from the trim horizon, as boto3 returns them."""
    records = []
    iterator = client.get_shard_iterator(StreamName=stream, ShardId=shard_id,
                                         ShardIteratorType="TRIM_HORIZON")["ShardIterator"]
    while iterator:
        page = client.get_records(ShardIterator=iterator, Limit=10000)
        records.extend(page["Records"])
        if not page["Records"]:
            break
        iterator = page.get("NextShardIterator")
    return records


def read_all(client, stream: str) -> list[dict]:
    """Every Kinesis record of every shard."""
    records = []
    for shard in client.list_shards(StreamName=stream)["Shards"]:
        records.extend(read_shard(client, stream, shard["ShardId"]))
    return records


def deaggregate(kinesis_records: list[dict]) -> list[dict]:
    """User records as aws-kinesis-agg sees them (records fetched with boto3), normalised: it returns aggregated
    records' data base64-encoded (as Lambda delivers it) and raw records' data as it came."""
    from aws_kinesis_agg.deaggregator import iter_deaggregate_records

    users = []
    for record in iter_deaggregate_records(kinesis_records, data_format="Boto3"):
        fields = record["kinesis"]
        aggregated = fields.get("aggregated", False)
        users.append({
            "PartitionKey": fields["partitionKey"],
            "Data": base64.b64decode(fields["data"]) if aggregated else bytes(fields["data"]),
            "SequenceNumber": fields["sequenceNumber"],
            "SubSequenceNumber": fields["subSequenceNumber"] if aggregated else None,
        })
    return users


def make_stream(client, stream: str) -> None:
    client.create_stream(StreamName=stream, ShardCount=SHARD_COUNT)
    wait_stream_active(client, stream)


def test_aggregated_put_reads_back_through_aws_kinesis_agg(server, tmp_path, stream_name):
    client = make_client(server.endpoint)
    make_stream(client, stream_name)
    keys = [f"tenant-{index}" for index in range(9)]
    lines = [{"data": f"event {index} for {keys[index % len(keys)]}: " + "x" * (index % 57),
              "partitionKey": keys[index % len(keys)]} for index in range(3000)]
    input_path = tmp_path / "events.jsonl"
    input_path.write_text("".join(json.dumps(line) + "\n" for line in lines))

    result = rivulet_put(server, tmp_path, stream_name, input_path, "--json-lines", "--aggregate")
    assert b"put 3000 records" in result.stderr, result.stderr

    kinesis_records = read_all(client, stream_name)
    assert 0 < len(kinesis_records) < len(lines), "aggregates should hold several lines each"
    user_records = deaggregate(kinesis_records)
    assert len(user_records) == len(lines)

    # Within each Kinesis record, sub-sequence numbers count from zero in order.
    by_sequence: dict[str, list[int]] = {}
    for record in user_records:
        if record["SubSequenceNumber"] is not None:
            by_sequence.setdefault(record["SequenceNumber"], []).append(record["SubSequenceNumber"])
    assert by_sequence, "no aggregated records were found"
    for numbers in by_sequence.values():
        assert numbers == list(range(len(numbers)))

    got = Counter((record["PartitionKey"], bytes(record["Data"]).decode("utf-8")) for record in user_records)
    expected = Counter((line["partitionKey"], line["data"]) for line in lines)
    assert got == expected

    # Every user record sits on the shard its partition key hashes to: aggregates are formed per shard.
    for shard in client.list_shards(StreamName=stream_name)["Shards"]:
        low = int(shard["HashKeyRange"]["StartingHashKey"])
        high = int(shard["HashKeyRange"]["EndingHashKey"])
        for record in read_shard(client, stream_name, shard["ShardId"]):
            for user in deaggregate([record]):
                hash_key = int.from_bytes(hashlib.md5(user["PartitionKey"].encode("utf-8")).digest(), "big")
                assert low <= hash_key <= high, f"{user['PartitionKey']} was put on {shard['ShardId']}"


def test_plain_lines_with_random_keys_are_spread_and_deaggregate(server, tmp_path, stream_name):
    client = make_client(server.endpoint)
    make_stream(client, stream_name)
    lines = [f"line number {index}" for index in range(2000)]
    input_path = tmp_path / "lines.txt"
    input_path.write_text("\n".join(lines) + "\n")

    rivulet_put(server, tmp_path, stream_name, input_path)

    kinesis_records = read_all(client, stream_name)
    assert len(kinesis_records) < len(lines)
    user_records = deaggregate(kinesis_records)
    assert sorted(bytes(record["Data"]).decode("utf-8") for record in user_records) == sorted(lines)
    assert len({record["PartitionKey"] for record in user_records}) > 1000, "keys should be random per line"


def test_no_aggregate_writes_one_kinesis_record_per_line(server, tmp_path, stream_name):
    client = make_client(server.endpoint)
    make_stream(client, stream_name)
    lines = [f"plain {index}" for index in range(700)]
    input_path = tmp_path / "plain.txt"
    input_path.write_text("\n".join(lines) + "\n")

    rivulet_put(server, tmp_path, stream_name, input_path, "--no-aggregate", "--partition-key", "fixed")

    kinesis_records = read_all(client, stream_name)
    assert len(kinesis_records) == len(lines)
    assert {record["PartitionKey"] for record in kinesis_records} == {"fixed"}
    assert sorted(bytes(record["Data"]).decode("utf-8") for record in kinesis_records) == sorted(lines)


def test_input_from_standard_input_and_a_failing_line(server, tmp_path, stream_name):
    client = make_client(server.endpoint)
    make_stream(client, stream_name)
    command = [str(binary_path()), "put", stream_name, "--file", "-", "--json-lines", "--endpoint-url",
               server.endpoint]
    lines = [json.dumps({"data": "good one"}), "not json at all", json.dumps({"data": "good two", "partitionKey": "k"})]
    result = subprocess.run(command, env=clean_env(tmp_path), capture_output=True, timeout=COMMAND_TIMEOUT_SECONDS,
                            input=("\n".join(lines) + "\n").encode())
    assert result.returncode != 0, "a line that could not be put must make the exit status non-zero"
    assert b"line 2" in result.stderr
    # The two good lines may share an aggregate when they are predicted to the same shard: open aggregates first.
    data = sorted(record["Data"].decode("utf-8") for record in deaggregate(read_all(client, stream_name)))
    assert data == ["good one", "good two"]
