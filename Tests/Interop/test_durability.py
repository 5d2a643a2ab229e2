"""Acknowledged records survive crashes (SIGKILL) and graceful restarts (SIGTERM)."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from interop import (
    create_stream,
    even_split,
    list_all_shards,
    make_client,
    shard_id,
    wait_for,
    wait_stream_active,
)

pytestmark = pytest.mark.rivulet_only

WRITER = Path(__file__).with_name("durability_writer.py")
REGION = "us-west-2"


def publish_endpoint(path: Path, endpoint: str):
    temporary = path.with_suffix(".tmp")
    temporary.write_text(endpoint)
    os.replace(temporary, path)


def acknowledged(ack_log: Path) -> list[dict]:
    if not ack_log.exists():
        return []
    lines = ack_log.read_text().splitlines()
    # The writer fsyncs whole lines; a torn last line can only be mid-write.
    return [json.loads(line) for line in lines if line.endswith("}")]


def read_everything(client, stream: str, shard: str, timeout: float = 120) -> list[dict]:
    iterator = client.get_shard_iterator(StreamName=stream, ShardId=shard,
                                         ShardIteratorType="TRIM_HORIZON")["ShardIterator"]
    records = []
    deadline = time.monotonic() + timeout
    while True:
        response = client.get_records(ShardIterator=iterator, Limit=10000)
        records.extend(response["Records"])
        iterator = response.get("NextShardIterator")
        if not response["Records"] and response.get("MillisBehindLatest", 0) == 0:
            return records
        assert iterator, f"{shard}: open shard lost its NextShardIterator"
        assert time.monotonic() < deadline, f"{shard}: reading back did not finish in {timeout}s"


def verify(client, stream: str, acks: list[dict], max_payload: int):
    by_shard: dict[str, dict[str, str]] = {}
    for ack in acks:
        assert ack["seq"] not in by_shard.setdefault(ack["shard"], {}), f"acknowledged twice: {ack}"
        by_shard[ack["shard"]][ack["seq"]] = ack["data"]

    for shard in [shard_id(i) for i in range(3)]:
        records = read_everything(client, stream, shard)
        sequence_numbers = [int(r["SequenceNumber"]) for r in records]
        assert sequence_numbers == sorted(sequence_numbers), f"{shard}: records out of order"
        assert len(set(sequence_numbers)) == len(sequence_numbers), f"{shard}: duplicate sequence numbers"
        stored = {r["SequenceNumber"]: r for r in records}
        for seq, payload in by_shard.get(shard, {}).items():
            assert seq in stored, f"{shard}: acknowledged record {seq} ({payload}) was lost"
            assert stored[seq]["Data"].decode() == payload, f"{shard}: {seq} holds other data"
            assert stored[seq]["PartitionKey"] == payload
        for record in records:
            data = record["Data"].decode()
            assert data.startswith("record-") and int(data[len("record-"):]) <= max_payload, \
                f"{shard}: unexpected record {data!r}"
        # Acknowledged records appear in the order they were acknowledged.
        acked_order = [int(seq) for seq in by_shard.get(shard, {})]
        assert acked_order == sorted(acked_order), f"{shard}: acknowledgements out of order"


def verify_catalog(client, stream: str, other: str):
    summary = wait_stream_active(client, stream)
    assert summary["OpenShardCount"] == 3
    assert summary["RetentionPeriodHours"] == 48
    shards = list_all_shards(client, stream)
    assert [s["ShardId"] for s in shards] == [shard_id(i) for i in range(3)]
    assert [(int(s["HashKeyRange"]["StartingHashKey"]), int(s["HashKeyRange"]["EndingHashKey"]))
            for s in shards] == even_split(3)
    tags = {t["Key"]: t["Value"] for t in client.list_tags_for_stream(StreamName=stream)["Tags"]}
    assert tags == {"purpose": "durability", "owner": "interop"}
    assert wait_stream_active(client, other)["OpenShardCount"] == 1
    assert {t["Key"]: t["Value"] for t in client.list_tags_for_stream(StreamName=other)["Tags"]} == {"side": "b"}
    assert sorted(client.list_streams()["StreamNames"]) == sorted([stream, other])


@pytest.mark.slow
def test_acknowledged_records_survive_sigkill(server_factory, tmp_path):
    rng = random.Random()
    data_dir = tmp_path / "data"
    server = server_factory(data_dir=data_dir, extra_args=["--fsync", "always"])
    client = make_client(server.endpoint, region=REGION)
    stream, other = "durable", "bystander"
    create_stream(client, stream, 3, Tags={"purpose": "durability", "owner": "interop"})
    create_stream(client, other, 1, Tags={"side": "b"})
    client.increase_stream_retention_period(StreamName=stream, RetentionPeriodHours=48)
    wait_stream_active(client, stream)

    endpoint_file, ack_log, stop_file = tmp_path / "endpoint", tmp_path / "acks.jsonl", tmp_path / "stop"
    publish_endpoint(endpoint_file, server.endpoint)
    writer_log = open(tmp_path / "writer.log", "wb")
    writer = subprocess.Popen(
        [sys.executable, str(WRITER), str(endpoint_file), stream, REGION, str(ack_log), str(stop_file), "25"],
        stdout=writer_log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
    )
    try:
        def acks_beyond(count):
            return lambda: len(acknowledged(ack_log)) >= count

        for crash in range(3):
            # A random moment: after a random number of further acknowledgements.
            target = len(acknowledged(ack_log)) + rng.randint(50, 400)
            wait_for(acks_beyond(target), 90, f"writer progress before crash {crash + 1}")
            assert server.kill() == -9
            server.restart()
            publish_endpoint(endpoint_file, server.endpoint)

        target = len(acknowledged(ack_log)) + rng.randint(50, 200)
        wait_for(acks_beyond(target), 90, "writer progress before graceful restart")
        code = server.terminate()
        assert code == 0, f"SIGTERM exit status {code}\n{server.log_tail()}"
        server.restart()
        publish_endpoint(endpoint_file, server.endpoint)

        target = len(acknowledged(ack_log)) + 50
        wait_for(acks_beyond(target), 90, "writer progress after graceful restart")
    finally:
        stop_file.write_text("stop")
        try:
            writer_status = writer.wait(timeout=60)
        except subprocess.TimeoutExpired:
            writer.kill()
            writer_status = writer.wait()
        writer_log.close()
    assert writer_status == 0, (tmp_path / "writer.log").read_text()[-2000:]

    acks = acknowledged(ack_log)
    assert len(acks) >= 200
    max_payload = max(int(a["data"][len("record-"):]) for a in acks) + 10_000
    client = make_client(server.endpoint, region=REGION)
    verify_catalog(client, stream, other)
    verify(client, stream, acks, max_payload)

    # One more crash with no writer running: everything must still be there afterwards.
    assert server.kill() == -9
    server.restart()
    client = make_client(server.endpoint, region=REGION)
    verify_catalog(client, stream, other)
    verify(client, stream, acks, max_payload)


@pytest.mark.slow
def test_graceful_restart_keeps_everything(server_factory, tmp_path):
    data_dir = tmp_path / "data"
    server = server_factory(data_dir=data_dir)
    client = make_client(server.endpoint, region=REGION)
    create_stream(client, "graceful", 2, Tags={"k": "v"})
    puts = [client.put_record(StreamName="graceful", Data=f"g{i}".encode(), PartitionKey=f"p{i}")
            for i in range(50)]
    before = {s["ShardId"]: s for s in list_all_shards(client, "graceful")}

    assert server.terminate() == 0, server.log_tail()
    server.restart()
    client = make_client(server.endpoint, region=REGION)
    summary = wait_stream_active(client, "graceful")
    assert summary["OpenShardCount"] == 2
    assert {s["ShardId"]: s for s in list_all_shards(client, "graceful")} == before
    assert client.list_tags_for_stream(StreamName="graceful")["Tags"] == [{"Key": "k", "Value": "v"}]

    for shard in before:
        expected = [(p["SequenceNumber"], f"g{i}".encode()) for i, p in enumerate(puts) if p["ShardId"] == shard]
        records = read_everything(client, "graceful", shard)
        assert [(r["SequenceNumber"], r["Data"]) for r in records] == expected

    # New writes after the restart continue each shard's sequence.
    again = client.put_record(StreamName="graceful", Data=b"after", PartitionKey="p0")
    last_before = max(int(p["SequenceNumber"]) for p in puts if p["ShardId"] == again["ShardId"])
    assert int(again["SequenceNumber"]) > last_before
