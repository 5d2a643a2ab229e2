"""Resharding (SplitShard, MergeShards, UpdateShardCount) through boto3 and the rivulet CLI, as applications and
consumers see it: lineage, ChildShards at the end of a closed shard, AWS's refusals, and no record lost or
reordered per partition key while a stream is resharded under a steady writer."""

from __future__ import annotations

import os
import subprocess
import threading
import time

import pytest
from botocore.exceptions import ClientError

from interop import (
    ACCOUNT_ID,
    HASH_KEY_MAX,
    binary_path,
    create_stream,
    even_split,
    list_all_shards,
    make_client,
    shard_id,
    wait_for,
    wait_stream_active,
)

pytestmark = pytest.mark.rivulet_only

FAST_WAITER = {"Delay": 1, "MaxAttempts": 60}
STATUS_DELAY_ARGS = ["--status-delay-ms", "3000"]


def error(excinfo) -> tuple[str, str]:
    response = excinfo.value.response["Error"]
    return response["Code"], response.get("Message", "")


def is_open(shard: dict) -> bool:
    return "EndingSequenceNumber" not in shard["SequenceNumberRange"]


def hash_range(shard: dict) -> tuple[int, int]:
    return int(shard["HashKeyRange"]["StartingHashKey"]), int(shard["HashKeyRange"]["EndingHashKey"])


def read_closed_shard(client, stream: str, shard: str, timeout: float = 60) -> tuple[list[dict], dict]:
    """Every record of a closed shard from TRIM_HORIZON, and the last GetRecords answer (the one without an
    iterator)."""
    iterator = client.get_shard_iterator(StreamName=stream, ShardId=shard,
                                         ShardIteratorType="TRIM_HORIZON")["ShardIterator"]
    records = []
    deadline = time.monotonic() + timeout
    while True:
        response = client.get_records(ShardIterator=iterator, Limit=1000)
        records.extend(response["Records"])
        if "NextShardIterator" not in response:
            return records, response
        iterator = response["NextShardIterator"]
        assert time.monotonic() < deadline, f"{shard} did not reach its end within {timeout}s"


def read_open_shard(client, stream: str, shard: str, timeout: float = 60) -> list[dict]:
    iterator = client.get_shard_iterator(StreamName=stream, ShardId=shard,
                                         ShardIteratorType="TRIM_HORIZON")["ShardIterator"]
    records = []
    deadline = time.monotonic() + timeout
    while True:
        response = client.get_records(ShardIterator=iterator, Limit=1000)
        records.extend(response["Records"])
        assert "NextShardIterator" in response, f"open shard {shard} lost its iterator"
        iterator = response["NextShardIterator"]
        if not response["Records"] and response["MillisBehindLatest"] == 0:
            return records
        assert time.monotonic() < deadline, f"reading {shard} did not finish within {timeout}s"


@pytest.fixture
def slow_client(server_factory, client_factory):
    """A client of a server whose status transitions take a moment, so UPDATING is observable."""
    server = server_factory(extra_args=STATUS_DELAY_ARGS)
    return client_factory(server.endpoint)


# -- SplitShard -------------------------------------------------------------------------------

def test_split_shard_goes_updating_then_active(slow_client, stream_name):
    client = slow_client
    create_stream(client, stream_name, 1)
    before = client.put_record(StreamName=stream_name, Data=b"before", PartitionKey="k", ExplicitHashKey="5")
    split_at = 2**127
    client.split_shard(StreamName=stream_name, ShardToSplit=shard_id(0), NewStartingHashKey=str(split_at))
    described = client.describe_stream(StreamName=stream_name)["StreamDescription"]
    assert described["StreamStatus"] == "UPDATING"
    # Until the update completes the stream keeps its old layout and takes records in the parent.
    assert [s["ShardId"] for s in described["Shards"]] == [shard_id(0)]
    during = client.put_record(StreamName=stream_name, Data=b"during", PartitionKey="k", ExplicitHashKey="5")
    assert during["ShardId"] == shard_id(0)
    with pytest.raises(ClientError) as excinfo:
        client.split_shard(StreamName=stream_name, ShardToSplit=shard_id(0), NewStartingHashKey=str(split_at))
    assert error(excinfo) == (
        "ResourceInUseException",
        f"Stream {stream_name} under account {ACCOUNT_ID} not ACTIVE, instead in state UPDATING")

    client.get_waiter("stream_exists").wait(StreamName=stream_name, WaiterConfig=FAST_WAITER)
    shards = {s["ShardId"]: s for s in list_all_shards(client, stream_name)}
    assert sorted(shards) == [shard_id(i) for i in range(3)]
    parent, low, high = shards[shard_id(0)], shards[shard_id(1)], shards[shard_id(2)]
    assert not is_open(parent) and is_open(low) and is_open(high)
    assert low["ParentShardId"] == shard_id(0) and high["ParentShardId"] == shard_id(0)
    assert "AdjacentParentShardId" not in low
    assert hash_range(low) == (0, split_at - 1)
    assert hash_range(high) == (split_at, HASH_KEY_MAX)
    parent_end = int(parent["SequenceNumberRange"]["EndingSequenceNumber"])
    assert parent_end >= int(during["SequenceNumber"]) > int(before["SequenceNumber"])
    for child in (low, high):
        assert int(child["SequenceNumberRange"]["StartingSequenceNumber"]) > parent_end

    after = client.put_record(StreamName=stream_name, Data=b"after", PartitionKey="k", ExplicitHashKey="5")
    assert after["ShardId"] == shard_id(1)
    assert int(after["SequenceNumber"]) > parent_end
    summary = client.describe_stream_summary(StreamName=stream_name)["StreamDescriptionSummary"]
    assert summary["OpenShardCount"] == 2


def test_get_records_at_the_end_of_a_parent_returns_child_shards(client, stream_name):
    create_stream(client, stream_name, 1)
    written = [client.put_record(StreamName=stream_name, Data=f"r{i}".encode(), PartitionKey=f"p{i}")
               for i in range(25)]
    client.split_shard(StreamName=stream_name, ShardToSplit=shard_id(0), NewStartingHashKey=str(2**127))
    wait_stream_active(client, stream_name)

    records, last = read_closed_shard(client, stream_name, shard_id(0))
    assert [r["SequenceNumber"] for r in records] == [w["SequenceNumber"] for w in written]
    assert "NextShardIterator" not in last
    children = sorted(last["ChildShards"], key=lambda c: c["ShardId"])
    assert [c["ShardId"] for c in children] == [shard_id(1), shard_id(2)]
    assert all(c["ParentShards"] == [shard_id(0)] for c in children)
    assert hash_range(children[0]) == (0, 2**127 - 1)

    # An iterator taken at LATEST on the closed parent also ends at once with the children.
    latest = client.get_shard_iterator(StreamName=stream_name, ShardId=shard_id(0),
                                       ShardIteratorType="LATEST")["ShardIterator"]
    response = client.get_records(ShardIterator=latest)
    assert response["Records"] == [] and "NextShardIterator" not in response
    assert len(response["ChildShards"]) == 2


# -- MergeShards ------------------------------------------------------------------------------

def test_merge_shards(slow_client, stream_name):
    client = slow_client
    create_stream(client, stream_name, 3)
    client.put_record(StreamName=stream_name, Data=b"zero", PartitionKey="k", ExplicitHashKey="9")
    client.merge_shards(StreamName=stream_name, ShardToMerge=shard_id(0), AdjacentShardToMerge=shard_id(1))
    assert client.describe_stream_summary(StreamName=stream_name)["StreamDescriptionSummary"]["StreamStatus"] \
        == "UPDATING"
    client.get_waiter("stream_exists").wait(StreamName=stream_name, WaiterConfig=FAST_WAITER)

    shards = {s["ShardId"]: s for s in list_all_shards(client, stream_name)}
    child = shards[shard_id(3)]
    assert child["ParentShardId"] == shard_id(0)
    assert child["AdjacentParentShardId"] == shard_id(1)
    assert hash_range(child) == (even_split(3)[0][0], even_split(3)[1][1])
    assert not is_open(shards[shard_id(0)]) and not is_open(shards[shard_id(1)]) and is_open(shards[shard_id(2)])

    records, last = read_closed_shard(client, stream_name, shard_id(1))
    assert records == []
    assert [(c["ShardId"], c["ParentShards"]) for c in last["ChildShards"]] == \
        [(shard_id(3), [shard_id(0), shard_id(1)])]
    assert client.put_record(StreamName=stream_name, Data=b"one", PartitionKey="k",
                             ExplicitHashKey="9")["ShardId"] == shard_id(3)


# -- UpdateShardCount -------------------------------------------------------------------------

def test_update_shard_count_up_and_down(slow_client, stream_name):
    client = slow_client
    create_stream(client, stream_name, 2)
    answer = client.update_shard_count(StreamName=stream_name, TargetShardCount=4, ScalingType="UNIFORM_SCALING")
    assert answer["StreamName"] == stream_name
    assert answer["CurrentShardCount"] == 2
    assert answer["TargetShardCount"] == 4
    assert answer["StreamARN"] == f"arn:aws:kinesis:us-east-1:{ACCOUNT_ID}:stream/{stream_name}"
    assert client.describe_stream_summary(StreamName=stream_name)["StreamDescriptionSummary"]["StreamStatus"] \
        == "UPDATING"
    client.get_waiter("stream_exists").wait(StreamName=stream_name, WaiterConfig=FAST_WAITER)
    shards = list_all_shards(client, stream_name)
    assert len(shards) == 6
    assert [hash_range(s) for s in shards if is_open(s)] == even_split(4)

    client.update_shard_count(StreamName=stream_name, TargetShardCount=3, ScalingType="UNIFORM_SCALING")
    client.get_waiter("stream_exists").wait(StreamName=stream_name, WaiterConfig=FAST_WAITER)
    shards = list_all_shards(client, stream_name)
    open_shards = [s for s in shards if is_open(s)]
    assert [hash_range(s) for s in open_shards] == even_split(3)
    for shard in shards[2:]:
        assert "ParentShardId" in shard
    summary = client.describe_stream_summary(StreamName=stream_name)["StreamDescriptionSummary"]
    assert summary["OpenShardCount"] == 3


# -- refusals ---------------------------------------------------------------------------------

def test_resharding_refusals_use_aws_messages(client, stream_name):
    create_stream(client, stream_name, 3)
    account = f"under account {ACCOUNT_ID}"
    end0 = even_split(3)[0][1]

    with pytest.raises(ClientError) as excinfo:
        client.split_shard(StreamName=stream_name, ShardToSplit="shardId-000000000007", NewStartingHashKey="5")
    assert error(excinfo) == (
        "ResourceNotFoundException", f"Could not find shard shardId-000000000007 in stream {stream_name} {account}.")

    with pytest.raises(ClientError) as excinfo:
        client.split_shard(StreamName=stream_name, ShardToSplit=shard_id(0), NewStartingHashKey=str(end0))
    assert error(excinfo) == (
        "InvalidArgumentException",
        f"NewStartingHashKey {end0} used in SplitShard() on shard {shard_id(0)} in stream {stream_name} {account} "
        f"is not both greater than one plus the shard's StartingHashKey 0 and less than the shard's EndingHashKey "
        f"{end0}.")

    with pytest.raises(ClientError) as excinfo:
        client.merge_shards(StreamName=stream_name, ShardToMerge=shard_id(0), AdjacentShardToMerge=shard_id(2))
    assert error(excinfo) == (
        "InvalidArgumentException",
        f"Shards {shard_id(0)} and {shard_id(2)} in stream {stream_name} {account} are not an adjacent pair of "
        f"shards eligible for merging")

    client.split_shard(StreamName=stream_name, ShardToSplit=shard_id(0), NewStartingHashKey=str(end0 // 2))
    wait_stream_active(client, stream_name)
    closed = (
        "InvalidArgumentException",
        f"Shard {shard_id(0)} in stream {stream_name} {account} has already been merged or split, and thus is not "
        f"eligible for merging or splitting.")
    with pytest.raises(ClientError) as excinfo:
        client.split_shard(StreamName=stream_name, ShardToSplit=shard_id(0), NewStartingHashKey=str(end0 // 4))
    assert error(excinfo) == closed
    with pytest.raises(ClientError) as excinfo:
        client.merge_shards(StreamName=stream_name, ShardToMerge=shard_id(0), AdjacentShardToMerge=shard_id(1))
    assert error(excinfo) == closed

    open_count = 4
    with pytest.raises(ClientError) as excinfo:
        client.update_shard_count(StreamName=stream_name, TargetShardCount=9, ScalingType="UNIFORM_SCALING")
    assert error(excinfo) == (
        "LimitExceededException",
        f"UpdateShardCount cannot scale up over double your current open shard count. Current open shard count: "
        f"{open_count}, Target shard count: 9")
    with pytest.raises(ClientError) as excinfo:
        client.update_shard_count(StreamName=stream_name, TargetShardCount=1, ScalingType="UNIFORM_SCALING")
    assert error(excinfo) == (
        "LimitExceededException",
        f"UpdateShardCount cannot scale down below half your current open shard count. Current open shard count: "
        f"{open_count}, Target shard count: 1")


def test_on_demand_streams_refuse_resharding(client, stream_name):
    client.create_stream(StreamName=stream_name, StreamModeDetails={"StreamMode": "ON_DEMAND"})
    wait_stream_active(client, stream_name)
    calls = [
        lambda: client.split_shard(StreamName=stream_name, ShardToSplit=shard_id(0), NewStartingHashKey="5"),
        lambda: client.merge_shards(StreamName=stream_name, ShardToMerge=shard_id(0),
                                    AdjacentShardToMerge=shard_id(1)),
        lambda: client.update_shard_count(StreamName=stream_name, TargetShardCount=5,
                                          ScalingType="UNIFORM_SCALING"),
    ]
    for call in calls:
        with pytest.raises(ClientError) as excinfo:
            call()
        code, message = error(excinfo)
        assert code == "ValidationException"
        assert "ON_DEMAND" in message


# -- writes while resharding ------------------------------------------------------------------

class SteadyWriter(threading.Thread):
    """Writes numbered records for several partition keys, in order, until stopped; remembers every
    acknowledgement per key."""

    KEYS = [f"key-{n}" for n in range(12)]

    def __init__(self, client, stream: str):
        super().__init__(daemon=True)
        self.client, self.stream = client, stream
        self.stop = threading.Event()
        self.acknowledged: dict[str, list[tuple[int, str, str]]] = {key: [] for key in self.KEYS}
        self.failure: BaseException | None = None
        self.batches = 0

    def run(self):
        counter = 0
        try:
            while not self.stop.is_set():
                batch = []
                for key in self.KEYS:
                    batch.append((key, counter))
                    counter += 1
                response = self.client.put_records(
                    StreamName=self.stream,
                    Records=[{"PartitionKey": key, "Data": f"{key}:{number}".encode()} for key, number in batch])
                assert response["FailedRecordCount"] == 0, response
                for (key, number), result in zip(batch, response["Records"]):
                    self.acknowledged[key].append((number, result["ShardId"], result["SequenceNumber"]))
                # A single PutRecord too, so both write paths cross the reshards.
                single = self.client.put_record(StreamName=self.stream, PartitionKey=self.KEYS[0],
                                                Data=f"{self.KEYS[0]}:{counter}".encode())
                self.acknowledged[self.KEYS[0]].append((counter, single["ShardId"], single["SequenceNumber"]))
                counter += 1
                self.batches += 1
        except BaseException as failure:  # noqa: BLE001 - reported by the test
            self.failure = failure


def test_records_written_while_resharding_are_all_there_in_order(server_factory, client_factory, stream_name):
    server = server_factory(extra_args=STATUS_DELAY_ARGS)
    client = client_factory(server.endpoint)
    create_stream(client, stream_name, 2)
    writer = SteadyWriter(client_factory(server.endpoint), stream_name)
    writer.start()
    try:
        def progressed(count):
            return lambda: writer.failure is not None or writer.batches >= count

        wait_for(progressed(5), 60, "the writer to start")
        reshard = client_factory(server.endpoint)
        reshard.split_shard(StreamName=stream_name, ShardToSplit=shard_id(0), NewStartingHashKey=str(2**126))
        wait_stream_active(reshard, stream_name)
        wait_for(progressed(writer.batches + 5), 60, "writes after the split")
        reshard.merge_shards(StreamName=stream_name, ShardToMerge=shard_id(3), AdjacentShardToMerge=shard_id(1))
        wait_stream_active(reshard, stream_name)
        wait_for(progressed(writer.batches + 5), 60, "writes after the merge")
        reshard.update_shard_count(StreamName=stream_name, TargetShardCount=3, ScalingType="UNIFORM_SCALING")
        wait_stream_active(reshard, stream_name)
        wait_for(progressed(writer.batches + 5), 60, "writes after the shard count update")
    finally:
        writer.stop.set()
        writer.join(timeout=120)
    assert not writer.is_alive(), "the writer did not stop"
    assert writer.failure is None, f"the writer failed: {writer.failure!r}"

    shards = sorted(list_all_shards(client, stream_name), key=lambda s: s["ShardId"])
    assert sum(1 for s in shards if is_open(s)) == 3
    by_shard: dict[str, list[dict]] = {}
    # Children have higher ids than their parents, so reading in id order reads every parent before its children.
    for shard in shards:
        if is_open(shard):
            by_shard[shard["ShardId"]] = read_open_shard(client, stream_name, shard["ShardId"])
        else:
            by_shard[shard["ShardId"]], _ = read_closed_shard(client, stream_name, shard["ShardId"])
            end = int(shard["SequenceNumberRange"]["EndingSequenceNumber"])
            assert all(int(r["SequenceNumber"]) <= end for r in by_shard[shard["ShardId"]])

    read_per_key: dict[str, list[tuple[int, str, str]]] = {key: [] for key in SteadyWriter.KEYS}
    for shard in shards:
        for record in by_shard[shard["ShardId"]]:
            key, number = record["Data"].decode().split(":")
            assert key == record["PartitionKey"]
            read_per_key[key].append((int(number), shard["ShardId"], record["SequenceNumber"]))
    total = 0
    for key in SteadyWriter.KEYS:
        acknowledged = writer.acknowledged[key]
        total += len(acknowledged)
        assert read_per_key[key] == acknowledged, f"{key}: records lost, duplicated or out of order"
        numbers = [number for number, _, _ in acknowledged]
        assert numbers == sorted(numbers)
    assert total > 0
    # Records really crossed shards: every key was written to more than one shard.
    assert all(len({shard for _, shard, _ in writer.acknowledged[key]}) > 1 for key in SteadyWriter.KEYS)


# -- the rivulet CLI --------------------------------------------------------------------------

def run_cli(endpoint: str, tmp_path, *args: str) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if not key.startswith("AWS_")}
    env["AWS_CONFIG_FILE"] = str(tmp_path / "aws-config-absent")
    env["AWS_SHARED_CREDENTIALS_FILE"] = str(tmp_path / "aws-credentials-absent")
    result = subprocess.run([str(binary_path()), *args, "--endpoint-url", endpoint], env=env,
                            capture_output=True, timeout=120, stdin=subprocess.DEVNULL)
    assert result.returncode == 0, f"{args} exited {result.returncode}: {result.stderr!r}"
    return result


def test_cli_split_merge_and_update_shard_count(server, client, stream_name, tmp_path):
    create_stream(client, stream_name, 2)
    run_cli(server.endpoint, tmp_path, "split-shard", "--stream-name", stream_name,
            "--shard-to-split", shard_id(0), "--new-starting-hash-key", str(2**126), "--wait")
    assert client.describe_stream_summary(StreamName=stream_name)["StreamDescriptionSummary"]["OpenShardCount"] == 3
    run_cli(server.endpoint, tmp_path, "merge-shards", "--stream-name", stream_name,
            "--shard-to-merge", shard_id(2), "--adjacent-shard-to-merge", shard_id(3), "--wait")
    assert client.describe_stream_summary(StreamName=stream_name)["StreamDescriptionSummary"]["OpenShardCount"] == 2
    result = run_cli(server.endpoint, tmp_path, "update-shard-count", "--stream-name", stream_name,
                     "--target-shard-count", "4", "--wait")
    assert "2 -> 4" in result.stdout.decode()
    shards = list_all_shards(client, stream_name)
    assert [hash_range(s) for s in shards if is_open(s)] == even_split(4)


# -- durability -------------------------------------------------------------------------------

@pytest.mark.slow
def test_a_reshard_survives_sigkill(server_factory, tmp_path):
    data_dir = tmp_path / "data"
    server = server_factory(data_dir=data_dir, extra_args=["--fsync", "always"])
    client = make_client(server.endpoint)
    create_stream(client, "resharded", 2)
    before = [client.put_record(StreamName="resharded", Data=f"b{i}".encode(), PartitionKey=f"p{i}")
              for i in range(40)]
    client.split_shard(StreamName="resharded", ShardToSplit=shard_id(0), NewStartingHashKey=str(2**126))
    wait_stream_active(client, "resharded")
    client.merge_shards(StreamName="resharded", ShardToMerge=shard_id(3), AdjacentShardToMerge=shard_id(1))
    wait_stream_active(client, "resharded")
    after = [client.put_record(StreamName="resharded", Data=f"a{i}".encode(), PartitionKey=f"p{i}")
             for i in range(40)]
    layout = list_all_shards(client, "resharded")

    assert server.kill() == -9
    server.restart()
    client = make_client(server.endpoint)
    wait_stream_active(client, "resharded")
    assert list_all_shards(client, "resharded") == layout
    stored = {}
    for shard in layout:
        if is_open(shard):
            records = read_open_shard(client, "resharded", shard["ShardId"])
        else:
            records, last = read_closed_shard(client, "resharded", shard["ShardId"])
            assert last["ChildShards"], f"{shard['ShardId']} lost its children"
        stored.update({r["SequenceNumber"]: r["Data"] for r in records})
    for put, data in [(p, f"b{i}".encode()) for i, p in enumerate(before)] + \
                     [(p, f"a{i}".encode()) for i, p in enumerate(after)]:
        assert stored.get(put["SequenceNumber"]) == data
    # The closed parents still refuse records; new ones go to the open shards.
    again = client.put_record(StreamName="resharded", Data=b"again", PartitionKey="p0")
    assert again["ShardId"] in {s["ShardId"] for s in layout if is_open(s)}
