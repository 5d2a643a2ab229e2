"""The consumer library through `rivulet tail`: several worker processes sharing a stream's shards through a
SQLite lease table, one of them killed with SIGKILL while a producer writes; and KPL aggregates made by the
PyPI package aws-kinesis-agg, opened by Rivulet's consumer."""

from __future__ import annotations

import collections
import json
import os
import signal
import sqlite3
import subprocess
import threading
import time
from pathlib import Path

import pytest

from interop import binary_path, make_client, unique_name, wait_for

pytestmark = pytest.mark.rivulet_only

FAILOVER_MS = 10_000


def rivulet(endpoint: str, *arguments: str) -> list[str]:
    return [str(binary_path()), *arguments, "--endpoint-url", endpoint]


def create_stream(client, name: str, shards: int):
    client.create_stream(StreamName=name, ShardCount=shards)
    client.get_waiter("stream_exists").wait(StreamName=name, WaiterConfig={"Delay": 0.2, "MaxAttempts": 300})


class Worker:
    """One `rivulet tail --application` process writing JSON lines to its own file (a file, not a pipe, so a
    SIGKILL loses nothing the worker already wrote and a slow reader never blocks it)."""

    def __init__(self, endpoint: str, stream: str, application: str, lease_store: str, name: str, directory: Path):
        self.name = name
        self.output_path = directory / f"{name}.out"
        self.error_path = directory / f"{name}.err"
        command = rivulet(
            endpoint, "tail", stream, "--application", application, "--lease-store", lease_store,
            "--worker-id", name, "--from", "trim-horizon", "--output", "json", "--report-checkpoints",
            "--failover-ms", str(FAILOVER_MS), "--poll-interval-ms", "100")
        self.process = subprocess.Popen(
            command, stdout=open(self.output_path, "wb"), stderr=open(self.error_path, "wb"))

    def lines(self) -> list[dict]:
        parsed = []
        with open(self.output_path, "rb") as handle:
            for raw in handle:
                if raw.endswith(b"\n"):
                    parsed.append(json.loads(raw))
        return parsed

    def records(self) -> list[dict]:
        return [line for line in self.lines() if "checkpoint" not in line]

    def checkpoints(self) -> list[dict]:
        return [line["checkpoint"] for line in self.lines() if "checkpoint" in line]

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def error_tail(self) -> str:
        return self.error_path.read_text(errors="replace")[-2000:]


def position(entry: dict) -> tuple[int, int]:
    return int(entry["sequenceNumber"]), int(entry["subSequenceNumber"])


def lease_owners(path: Path) -> dict[str, str | None]:
    """shard id -> owner, read straight from the SQLite lease table as another process would."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
    try:
        tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        owners = {}
        for table in tables:
            columns = [row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')]
            if "lease_key" in columns and "lease_owner" in columns:
                for key, owner in connection.execute(f'SELECT lease_key, lease_owner FROM "{table}"'):
                    owners[key] = owner
        return owners
    finally:
        connection.close()


@pytest.mark.slow
def test_workers_share_shards_and_survive_a_sigkill(server, tmp_path):
    client = make_client(server.endpoint)
    stream = unique_name("failover")
    create_stream(client, stream, 8)
    application = unique_name("app")
    database = tmp_path / "leases.sqlite"
    workers = [
        Worker(server.endpoint, stream, application, f"sqlite:{database}", f"worker-{index}", tmp_path)
        for index in range(3)
    ]
    try:
        # Let the three balance before data flows, so the only takeovers while records arrive are the dead
        # worker's shards.
        def balanced():
            counts = collections.Counter(lease_owners(database).values())
            return sorted(counts.values()) == [2, 3, 3] and None not in counts

        wait_for(balanced, 120, "the workers to share 8 leases as 3/3/2", interval=0.2)

        total = 200_000
        producer = subprocess.Popen(
            rivulet(server.endpoint, "put", stream, "--file", "-"), stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

        def feed():
            # About 10,000 lines a second, so the kill below lands while records are still arriving.
            for start in range(0, total, 1_000):
                chunk = "".join(f"record-{index:06d}\n" for index in range(start, start + 1_000))
                producer.stdin.write(chunk.encode())
                producer.stdin.flush()
                time.sleep(0.1)
            producer.stdin.close()

        feeder = threading.Thread(target=feed, daemon=True)
        feeder.start()

        victim = workers[0]
        # Midway: about a third of the records are in and the victim has done its share of them.
        wait_for(
            lambda: sum(len(worker.records()) for worker in workers) >= total // 3 and victim.records(),
            180, "a third of the records to be processed", interval=0.2)
        owners_before = lease_owners(database)
        victim_shards = {shard for shard, owner in owners_before.items() if owner == victim.name}
        assert victim_shards, owners_before
        victim.process.kill()
        victim.process.wait()
        killed_at = time.monotonic()

        wait_for(
            lambda: not {owner for owner in lease_owners(database).values()} & {victim.name},
            60, "the survivors to take the dead worker's leases", interval=0.1)
        takeover_seconds = time.monotonic() - killed_at
        print(f"takeover after SIGKILL: {takeover_seconds:.2f} s (failover time {FAILOVER_MS / 1000:.0f} s)")
        # The design bound is the failover time; the slack covers a loaded machine's scheduling.
        assert takeover_seconds <= FAILOVER_MS / 1000 + 5

        feeder.join(timeout=300)
        assert producer.wait(timeout=300) == 0, producer.stderr.read().decode(errors="replace")
        expected = {f"record-{index:06d}" for index in range(total)}

        def everything_seen():
            seen = set()
            for worker in workers:
                seen.update(record["data"] for record in worker.records())
            return expected <= seen

        wait_for(everything_seen, 300, "every record to be processed", interval=0.5)
    finally:
        for worker in workers[1:]:
            worker.stop()
        if workers[0].process.poll() is None:
            workers[0].process.kill()

    deliveries = collections.defaultdict(list)
    for worker in workers:
        for record in worker.records():
            deliveries[(record["shardId"], position(record))].append((worker.name, record["data"]))
    seen_data = {data for entries in deliveries.values() for _, data in entries}
    assert seen_data == expected

    last_victim_checkpoint = {}
    for checkpoint in workers[0].checkpoints():
        last_victim_checkpoint[checkpoint["shardId"]] = position(checkpoint)
    duplicates = {key: entries for key, entries in deliveries.items() if len(entries) > 1}
    for (shard, record_position), entries in duplicates.items():
        assert shard in victim_shards, f"duplicate on {shard}, which the dead worker never held: {entries}"
        assert record_position > last_victim_checkpoint.get(shard, (-1, -1)), (
            f"{shard} {record_position} was delivered twice though the dead worker had checkpointed past it")
    print(f"records: {total}, duplicates: {len(duplicates)} (all after the dead worker's last checkpoints)")
    for worker in workers[1:]:
        assert worker.process.returncode == 0, worker.error_tail()


def test_tail_opens_aggregates_made_by_aws_kinesis_agg(server, tmp_path):
    aggregator_module = pytest.importorskip("aws_kinesis_agg.aggregator")
    client = make_client(server.endpoint)
    stream = unique_name("agg-in")
    create_stream(client, stream, 1)
    aggregator = aggregator_module.RecordAggregator()
    expected = []
    aggregates = []
    for index in range(300):
        partition_key = f"user-{index % 17}"
        data = f"payload {index} " + "x" * (index % 50)
        expected.append((partition_key, data))
        ready = aggregator.add_user_record(partition_key, data.encode())
        if ready:
            aggregates.append(ready)
    aggregates.append(aggregator.clear_and_get())
    for aggregate in aggregates:
        partition_key, explicit_hash_key, payload = aggregate.get_contents()
        extra = {"ExplicitHashKey": explicit_hash_key} if explicit_hash_key else {}
        client.put_record(StreamName=stream, Data=payload, PartitionKey=partition_key, **extra)

    output = subprocess.run(
        rivulet(server.endpoint, "tail", stream, "--from", "trim-horizon", "--limit", str(len(expected)),
                "--output", "json", "--poll-interval-ms", "50"),
        capture_output=True, timeout=120, check=True)
    lines = [json.loads(line) for line in output.stdout.decode().splitlines()]
    assert [(line["partitionKey"], line["data"]) for line in lines] == expected
    # Sub-sequence numbers count within each aggregate from 0.
    by_sequence = collections.defaultdict(list)
    for line in lines:
        by_sequence[line["sequenceNumber"]].append(line["subSequenceNumber"])
    assert len(by_sequence) == len(aggregates)
    for subsequence_numbers in by_sequence.values():
        assert subsequence_numbers == list(range(len(subsequence_numbers)))


def postgres_url() -> str:
    url = os.environ.get("RIVULET_TEST_POSTGRES_URL")
    if not url:
        if os.environ.get("RIVULET_REQUIRE_POSTGRES") == "1":
            pytest.fail("RIVULET_REQUIRE_POSTGRES=1 but RIVULET_TEST_POSTGRES_URL is not set")
        pytest.skip("no PostgreSQL for tests (scripts/test starts one)")
    return url


def test_checkpoints_in_postgresql_carry_over_to_another_worker(server, tmp_path):
    url = postgres_url()
    client = make_client(server.endpoint)
    stream = unique_name("pg-tail")
    create_stream(client, stream, 4)
    application = unique_name("pg-app")

    def put(prefix: str, count: int) -> set[str]:
        texts = [f"{prefix}-{index}" for index in range(count)]
        for start in range(0, count, 500):
            entries = [{"Data": text.encode(), "PartitionKey": text} for text in texts[start:start + 500]]
            assert client.put_records(StreamName=stream, Records=entries)["FailedRecordCount"] == 0
        return set(texts)

    first = put("first", 2_000)
    worker = Worker(server.endpoint, stream, application, url, "pg-worker-a", tmp_path)
    try:
        wait_for(lambda: first <= {record["data"] for record in worker.records()}, 120, "the first records")
    finally:
        worker.stop()
    assert worker.process.returncode == 0, worker.error_tail()

    second = put("second", 500)
    successor = Worker(server.endpoint, stream, application, url, "pg-worker-b", tmp_path)
    try:
        wait_for(lambda: second <= {record["data"] for record in successor.records()}, 120, "the second records")
    finally:
        successor.stop()
    seen = [record["data"] for record in successor.records()]
    assert sorted(seen) == sorted(second), "the successor resumed after the first worker's checkpoints"
