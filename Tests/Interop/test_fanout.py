"""Enhanced fan-out through boto3: consumers' life cycle and SubscribeToShard's event stream over HTTP/1.1.

Records written by another process must arrive as pushed events (not once-a-second polls), in order, and a
subscription must end cleanly at a closed shard's end with ChildShards.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time

import pytest
from botocore.exceptions import ClientError

from interop import (
    create_stream,
    make_client,
    shard_id,
    unique_name,
    wait_for,
)

pytestmark = pytest.mark.rivulet_only


def register_active_consumer(client, stream_arn: str, name: str) -> dict:
    consumer = client.register_stream_consumer(StreamARN=stream_arn, ConsumerName=name)["Consumer"]
    assert consumer["ConsumerStatus"] == "CREATING"
    assert consumer["ConsumerName"] == name
    assert consumer["ConsumerARN"].startswith(stream_arn + "/consumer/" + name + ":")

    def active():
        described = client.describe_stream_consumer(ConsumerARN=consumer["ConsumerARN"])["ConsumerDescription"]
        return described if described["ConsumerStatus"] == "ACTIVE" else None

    return wait_for(active, 30, f"consumer {name} ACTIVE")


def test_consumer_life_cycle(server):
    client = make_client(server.endpoint)
    name = unique_name("fan")
    stream_arn = create_stream(client, name, 1)["StreamARN"]
    first = register_active_consumer(client, stream_arn, "alpha")
    assert first["StreamARN"] == stream_arn
    register_active_consumer(client, stream_arn, "beta")

    with pytest.raises(ClientError) as duplicate:
        client.register_stream_consumer(StreamARN=stream_arn, ConsumerName="alpha")
    assert duplicate.value.response["Error"]["Code"] == "ResourceInUseException"

    listed = client.list_stream_consumers(StreamARN=stream_arn, MaxResults=1)
    assert [c["ConsumerName"] for c in listed["Consumers"]] == ["alpha"]
    rest = client.list_stream_consumers(StreamARN=stream_arn, NextToken=listed["NextToken"])
    assert [c["ConsumerName"] for c in rest["Consumers"]] == ["beta"]
    assert "NextToken" not in rest

    summary = client.describe_stream_summary(StreamName=name)["StreamDescriptionSummary"]
    assert summary["ConsumerCount"] == 2

    by_name = client.describe_stream_consumer(StreamARN=stream_arn, ConsumerName="alpha")["ConsumerDescription"]
    assert by_name["ConsumerARN"] == first["ConsumerARN"]

    client.deregister_stream_consumer(ConsumerARN=first["ConsumerARN"])
    client.deregister_stream_consumer(StreamARN=stream_arn, ConsumerName="beta")
    wait_for(lambda: not client.list_stream_consumers(StreamARN=stream_arn)["Consumers"], 30, "consumers gone")
    with pytest.raises(ClientError) as gone:
        client.describe_stream_consumer(ConsumerARN=first["ConsumerARN"])
    assert gone.value.response["Error"]["Code"] == "ResourceNotFoundException"

    with pytest.raises(ClientError) as neither:
        client.describe_stream_consumer(StreamARN=stream_arn)
    assert neither.value.response["Error"]["Code"] == "InvalidArgumentException"

    # A consumer registered again under the same name has a new ARN; the old one names nothing.
    again = register_active_consumer(client, stream_arn, "alpha")
    if again["ConsumerARN"] != first["ConsumerARN"]:
        with pytest.raises(ClientError):
            client.describe_stream_consumer(ConsumerARN=first["ConsumerARN"])


def stream_with_consumer(server, prefix: str):
    """A new one-shard stream with an ACTIVE consumer: (client, stream name, consumer ARN)."""
    client = make_client(server.endpoint)
    name = unique_name(prefix)
    stream_arn = create_stream(client, name, 1)["StreamARN"]
    consumer_arn = register_active_consumer(client, stream_arn, "reader")["ConsumerARN"]
    return client, name, consumer_arn


def first_records(subscription) -> list[bytes]:
    """The data of the first event of a subscription that carries records; closes the subscription."""
    try:
        for event in subscription["EventStream"]:
            records = event["SubscribeToShardEvent"]["Records"]
            if records:
                return [record["Data"] for record in records]
        return []
    finally:
        subscription["EventStream"].close()


WRITER = """
import sys, time
sys.path.insert(0, {interop_dir!r})
from interop import make_client
client = make_client({endpoint!r})
for index in range({count}):
    client.put_record(StreamName={stream!r}, Data=("live-%d" % index).encode(), PartitionKey="k")
    time.sleep(0.02)
"""


def test_subscribe_to_shard_pushes_records_written_by_another_process(server):
    client, name, consumer_arn = stream_with_consumer(server, "push")
    client.put_record(StreamName=name, Data=b"before", PartitionKey="k")

    response = client.subscribe_to_shard(
        ConsumerARN=consumer_arn, ShardId=shard_id(0), StartingPosition={"Type": "TRIM_HORIZON"})
    events = response["EventStream"]

    count = 50
    writer = subprocess.Popen(
        [sys.executable, "-c",
         WRITER.format(interop_dir=str(__import__("pathlib").Path(__file__).parent), endpoint=server.endpoint,
                       count=count, stream=name)])
    received: list[bytes] = []
    continuations: list[str] = []
    delays: list[float] = []
    try:
        deadline = time.monotonic() + 120
        for event in events:
            shard_event = event["SubscribeToShardEvent"]
            assert shard_event["MillisBehindLatest"] >= 0
            continuations.append(shard_event["ContinuationSequenceNumber"])
            for record in shard_event["Records"]:
                received.append(record["Data"])
                arrival = record["ApproximateArrivalTimestamp"].timestamp()
                delays.append(time.time() - arrival)
            if len(received) >= count + 1 or time.monotonic() > deadline:
                break
    finally:
        events.close()
        writer.wait(timeout=120)
    assert received == [b"before"] + [f"live-{i}".encode() for i in range(count)]
    # Pushed, not polled once a second: the typical record arrives well within a poll interval.
    delays.sort()
    assert delays[len(delays) // 2] < 0.5, f"median delivery delay {delays[len(delays) // 2]:.3f}s"
    assert continuations == sorted(continuations, key=int)

    # Resuming after the last continuation delivers nothing already seen.
    resumed = subscribe_when_free(
        client, ConsumerARN=consumer_arn, ShardId=shard_id(0),
        StartingPosition={"Type": "AFTER_SEQUENCE_NUMBER", "SequenceNumber": continuations[-1]})
    client.put_record(StreamName=name, Data=b"after", PartitionKey="k")
    assert first_records(resumed) == [b"after"]


def subscribe_when_free(client, **kwargs):
    """A new subscription within 5 s of the last one for the same consumer and shard is refused; retry."""
    def attempt():
        try:
            return client.subscribe_to_shard(**kwargs)
        except ClientError as error:
            if error.response["Error"]["Code"] == "ResourceInUseException":
                return None
            raise
    return wait_for(attempt, 60, "subscription slot free", interval=0.5)


def test_second_subscription_within_five_seconds_is_refused(server):
    client, name, consumer_arn = stream_with_consumer(server, "busy")
    arguments = dict(ConsumerARN=consumer_arn, ShardId=shard_id(0), StartingPosition={"Type": "LATEST"})
    first = client.subscribe_to_shard(**arguments)
    with pytest.raises(ClientError) as refused:
        client.subscribe_to_shard(**arguments)
    assert refused.value.response["Error"]["Code"] == "ResourceInUseException"
    first["EventStream"].close()
    # After five seconds a new subscription takes the slot over.
    second = subscribe_when_free(client, **arguments)
    second["EventStream"].close()


def test_subscription_to_an_empty_shard_resumes_without_skipping(server):
    client, name, consumer_arn = stream_with_consumer(server, "empty")
    response = client.subscribe_to_shard(
        ConsumerARN=consumer_arn, ShardId=shard_id(0), StartingPosition={"Type": "TRIM_HORIZON"})
    first_event = next(iter(response["EventStream"]))["SubscribeToShardEvent"]
    response["EventStream"].close()
    assert first_event["Records"] == []
    continuation = first_event["ContinuationSequenceNumber"]
    client.put_record(StreamName=name, Data=b"first", PartitionKey="k")
    resumed = subscribe_when_free(
        client, ConsumerARN=consumer_arn, ShardId=shard_id(0),
        StartingPosition={"Type": "AFTER_SEQUENCE_NUMBER", "SequenceNumber": continuation})
    assert first_records(resumed) == [b"first"]


def test_subscription_ends_at_a_closed_shard_with_its_children(server):
    client, name, consumer_arn = stream_with_consumer(server, "split")
    client.put_record(StreamName=name, Data=b"parent", PartitionKey="k")
    response = client.subscribe_to_shard(
        ConsumerARN=consumer_arn, ShardId=shard_id(0), StartingPosition={"Type": "TRIM_HORIZON"})
    events = iter(response["EventStream"])
    seen = []
    splitter = threading.Timer(
        0.5, lambda: client.split_shard(StreamName=name, ShardToSplit=shard_id(0),
                                        NewStartingHashKey=str(2**127)))
    splitter.start()
    last = None
    try:
        for event in events:
            last = event["SubscribeToShardEvent"]
            seen.extend(r["Data"] for r in last["Records"])
            if last.get("ChildShards"):
                break
    finally:
        splitter.join()
        response["EventStream"].close()
    assert seen == [b"parent"]
    assert last is not None and "ContinuationSequenceNumber" not in last
    assert sorted(child["ShardId"] for child in last["ChildShards"]) == [shard_id(1), shard_id(2)]
    assert all(child["ParentShards"] == [shard_id(0)] for child in last["ChildShards"])


def test_subscribe_errors(server):
    client, name, consumer_arn = stream_with_consumer(server, "suberr")
    cases = [
        (dict(ConsumerARN=consumer_arn.split("/consumer/")[0] + "/consumer/nobody:1", ShardId=shard_id(0),
              StartingPosition={"Type": "LATEST"}), "ResourceNotFoundException"),
        (dict(ConsumerARN=consumer_arn, ShardId=shard_id(7), StartingPosition={"Type": "LATEST"}),
         "ResourceNotFoundException"),
        (dict(ConsumerARN=consumer_arn, ShardId=shard_id(0), StartingPosition={"Type": "AT_SEQUENCE_NUMBER"}),
         "InvalidArgumentException"),
    ]
    for arguments, code in cases:
        with pytest.raises(ClientError) as error:
            client.subscribe_to_shard(**arguments)
        assert error.value.response["Error"]["Code"] == code, arguments
