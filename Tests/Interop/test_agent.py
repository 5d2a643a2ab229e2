"""`rivulet agent`, the Kinesis Agent drop-in, against a real server, real files and real processes.

Each test writes files the way applications and logrotate do, runs the agent binary with an agent.json, and reads
the stream back with boto3 (through the PyPI aws-kinesis-agg deaggregator where records may be aggregated). Lines
are numbered so a missing, duplicated, torn or altered line is always noticed.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import random
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import pytest

from agent_support import (
    AGENT_STARTED,
    AgentProcess,
    PinnedServerProcess,
    RotatingWriter,
    StreamReader,
    Tally,
    agent_config,
    agent_status,
    caught_up,
    collect_lines,
    describe,
    flow,
    is_aggregated,
    metric_series,
    metric_total,
    numbered_line,
    ranges,
    read_stream,
    run_agent,
    run_once,
    scrape,
    status_files,
    wait_lines,
    write_config,
    write_gzip,
)
from interop import ROOT, binary_path, create_stream, list_all_shards, make_client, unique_name, wait_for

pytestmark = pytest.mark.rivulet_only

TORTURE = ROOT / "scripts" / "agent-torture"


# -- fixtures ---------------------------------------------------------------------------------

@pytest.fixture
def client(server):
    return make_client(server.endpoint)


@pytest.fixture
def agents(tmp_path):
    """`agents(config_path)` starts an agent and waits for its started line; all are killed at teardown."""
    started: list[AgentProcess] = []

    def start(config_path: Path, extra_args=None, wait: bool = True) -> AgentProcess:
        agent = AgentProcess(config_path, tmp_path / f"agent-{len(started)}-logs", extra_args)
        started.append(agent)
        return agent.start() if wait else agent.launch()

    yield start
    for agent in started:
        if agent.alive():
            agent.kill()


def new_stream(client, prefix: str, shards: int) -> str:
    name = unique_name(prefix)
    create_stream(client, name, shards)
    return name


def config_for(tmp_path: Path, endpoint: str, flows: list[dict], name: str = "agent.json", header=None,
               **settings) -> Path:
    config = agent_config(endpoint, tmp_path / "checkpoints", flows, **settings)
    return write_config(tmp_path / "etc" / name, config, header)


def append(path: Path, text: str | bytes):
    data = text.encode() if isinstance(text, str) else text
    with open(path, "ab") as file:
        file.write(data)


def compact(document: dict) -> bytes:
    """JSON as the Kinesis Agent's processors print it (Jackson's compact form) with their trailing newline."""
    return (json.dumps(document, separators=(",", ":"), ensure_ascii=False) + "\n").encode()


# -- 1. seed demo A: CSV rows become JSON -----------------------------------------------------

def test_csv_rows_appended_after_start_arrive_as_json(server, client, agents, tmp_path):
    stream = new_stream(client, "customers", 3)
    data = tmp_path / "data"
    data.mkdir()
    customers = data / "customer.csv"
    customers.write_text(
        "1001,maya,9876543210,Pune\n"
        "1002,arjun,9812345678,Delhi\n"
        "1003,lena,9898989898,Chennai\n"
        "1004,omar,9765432109,Kolkata\n"
    )
    config = config_for(tmp_path, server.endpoint, [flow(
        customers, stream,
        dataProcessingOptions=[{
            "optionName": "CSVTOJSON",
            "customFieldNames": ["customer_id", "name", "mobile", "address"],
            "delimiter": ",",
        }],
    )], header="// Customer rows as JSON, from the end of the file (the default initialPosition).")

    agent = agents(config)
    agent.wait_progress()

    append(customers, "1005,rahul,9123456780,Mumbai\n")
    reader = StreamReader(client, stream)
    reader.wait_count(1, agent=agent)
    # Every record the agent parsed has been acknowledged: anything else it sent is in the stream now.
    agent.wait_progress(sent=1)
    reader.poll()

    # The Kinesis Agent's CSVToJSONDataConverter prints the map with Jackson and appends a newline, so each record
    # is one line of JSON Lines when a consumer concatenates them.
    assert [record.data for record in reader.records] == [
        b'{"customer_id":"1005","name":"rahul","mobile":"9123456780","address":"Mumbai"}\n'
    ], "the four rows present at start must not be sent (END_OF_FILE); the new row arrives as the Kinesis " \
       "Agent's CSVTOJSON prints it: compact JSON, fields in customFieldNames order, string values, a newline"
    assert reader.records[0].partition_key, "RANDOM partition keys must not be empty"


# -- 2. seed demo B: Apache combined log lines become JSON ------------------------------------

ACCESS_LINES = [
    '192.168.1.20 - frank [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0" 200 2326 '
    '"http://www.example.com/start.html" "Mozilla/4.08 [en] (Win98; I ;Nav)"',
    "GET /health 200 - this is not an access log line",
    '10.0.0.7 - - [27/Nov/2026:09:15:02 +0000] "POST /api/orders HTTP/1.1" 201 - "-" "curl/8.5.0"',
    'example.org - alice [27/Nov/2026:09:15:03 +0000] "GET /index.html?q=1 HTTP/2.0" 304 0 '
    '"https://example.org/" "Mozilla/5.0 (X11; Linux x86_64)"',
]

ACCESS_JSON = [
    {"host": "192.168.1.20", "ident": None, "authuser": "frank", "datetime": "10/Oct/2000:13:55:36 -0700",
     "request": "GET /apache_pb.gif HTTP/1.0", "response": "200", "bytes": "2326",
     "referer": "http://www.example.com/start.html", "agent": "Mozilla/4.08 [en] (Win98; I ;Nav)"},
    {"host": "10.0.0.7", "ident": None, "authuser": None, "datetime": "27/Nov/2026:09:15:02 +0000",
     "request": "POST /api/orders HTTP/1.1", "response": "201", "bytes": None,
     "referer": None, "agent": "curl/8.5.0"},
    {"host": "example.org", "ident": None, "authuser": "alice", "datetime": "27/Nov/2026:09:15:03 +0000",
     "request": "GET /index.html?q=1 HTTP/2.0", "response": "304", "bytes": "0",
     "referer": "https://example.org/", "agent": "Mozilla/5.0 (X11; Linux x86_64)"},
]


def test_combined_apache_log_lines_arrive_as_json_and_others_are_skipped(server, client, agents, tmp_path):
    stream = new_stream(client, "access", 1)
    logs = tmp_path / "httpd"
    logs.mkdir()
    access = logs / "access.log"
    access.write_text("")
    config = config_for(tmp_path, server.endpoint, [flow(
        access, stream,
        dataProcessingOptions=[{"optionName": "LOGTOJSON", "logFormat": "COMBINEDAPACHELOG"}],
    )])

    agent = agents(config)
    agent.wait_progress()
    append(access, "".join(line + "\n" for line in ACCESS_LINES))

    reader = StreamReader(client, stream)
    reader.wait_count(len(ACCESS_JSON), agent=agent)
    # The non-matching line sits between matching ones: once the last one is acknowledged, had the skipped line
    # been sent it would be in the stream too.
    agent.wait_progress(sent=len(ACCESS_JSON))
    reader.poll()

    received = [record.data for record in reader.records]
    assert sorted(received) == sorted(compact(document) for document in ACCESS_JSON), \
        "each access line becomes the Kinesis Agent's COMBINEDAPACHELOG JSON ('-' is null, numbers stay " \
        "strings); the line that does not match is not sent"


# -- 3. configuration checks ------------------------------------------------------------------

VALID_CONFIG = """// The Kinesis Agent's agent.json, comments and all.
{
  /* Where records go: a URL holding // must survive comment stripping. */
  "kinesis.endpoint": "http://127.0.0.1:%(port)d",
  "kinesis.region": "us-east-1",
  "awsAccessKeyId": "AKIAIOSFODNN7EXAMPLE",   // any key works against the local server
  "awsSecretAccessKey": "secret",
  "checkpointFile": "%(checkpoints)s",
  "log.statusReportingPeriodSeconds": 1,
  "flows": [
    {
      "filePattern": "%(logs)s/*.csv",
      "kinesisStream": "orders",
      "initialPosition": "START_OF_FILE",
      "partitionKeyOption": "DETERMINISTIC",
      "maxBufferAgeMillis": 1000,
      "skipHeaderLines": 1,
      "dataProcessingOptions": [
        {"optionName": "CSVTOJSON", "customFieldNames": ["id", "item"], "delimiter": ","}
      ]
    }
  ]
}
"""

VALID_DROP_IN = """{
  "flows": [
    {
      "filePattern": "%(logs)s/**/access.log*",
      "kinesisStream": "access",
      "multiLineStartPattern": "^\\\\d",
      "dataProcessingOptions": [{"optionName": "LOGTOJSON", "logFormat": "COMMONAPACHELOG"}]
    }
  ]
}
"""


def test_check_config_accepts_a_valid_configuration_with_comments_and_drop_ins(tmp_path):
    etc = tmp_path / "etc"
    (etc / "agent.d").mkdir(parents=True)
    values = {"port": 4567, "checkpoints": tmp_path / "checkpoints", "logs": tmp_path / "logs"}
    (etc / "agent.json").write_text(VALID_CONFIG % values)
    (etc / "agent.d" / "access.json").write_text(VALID_DROP_IN % values)

    result = run_agent("--config", etc / "agent.json", "--check-config", timeout=120)
    assert result.returncode == 0, describe(result)
    assert any("OK" in line for line in result.stdout.splitlines()), describe(result)


def invalid_config(tmp_path: Path, endpoint: str, stream: str, sendable: Path) -> Path:
    flows = [
        flow(tmp_path / "logs" / "a.log", stream, initialPosition="MIDDLE_OF_FILE", partitionKeyOption="SOMETIMES"),
        flow(tmp_path / "logs" / "b.log", stream, maxBufferAgeMillis=10,
             dataProcessingOptions=[{"optionName": "CSV2JSON"}]),
        {"filePattern": str(tmp_path / "logs" / "c.log"), "deliveryStream": "firehose-orders"},
        # Valid on its own, over a file with lines: were the agent to start anyway, these would be sent.
        flow(sendable, stream, initialPosition="START_OF_FILE"),
    ]
    return config_for(tmp_path, endpoint, flows, name="bad.json")


EXPECTED_PROBLEMS = [
    ("flows[0].initialPosition", "MIDDLE_OF_FILE"),
    ("flows[0].partitionKeyOption", "SOMETIMES"),
    ("flows[1].maxBufferAgeMillis", "10"),
    ("flows[1].dataProcessingOptions[0].optionName", "CSV2JSON"),
    ("flows[2]", "deliveryStream", "kinesisStream"),
]


def assert_every_problem_reported(result: subprocess.CompletedProcess):
    assert result.returncode == 1, describe(result)
    lines = result.stderr.splitlines()
    for tokens in EXPECTED_PROBLEMS:
        assert any(all(token in line for token in tokens) for line in lines), \
            f"no stderr line names all of {tokens}\n{describe(result)}"


def test_check_config_reports_every_problem(server, client, tmp_path):
    sendable = tmp_path / "logs" / "ready.log"
    sendable.parent.mkdir(parents=True)
    sendable.write_text("ready 1\nready 2\n")
    config = invalid_config(tmp_path, server.endpoint, "anything", sendable)

    result = run_agent("--config", config, "--check-config", timeout=120)
    assert_every_problem_reported(result)


def test_agent_refuses_to_start_with_a_bad_configuration(server, client, tmp_path):
    stream = new_stream(client, "refused", 1)
    sendable = tmp_path / "logs" / "ready.log"
    sendable.parent.mkdir(parents=True)
    sendable.write_text("ready 1\nready 2\n")
    config = invalid_config(tmp_path, server.endpoint, stream, sendable)

    result = run_agent("--config", config, timeout=120)
    assert_every_problem_reported(result)
    assert AGENT_STARTED not in result.stdout, describe(result)
    assert read_stream(client, stream) == [], "an agent with a bad configuration must send nothing"


# -- 4. --once --------------------------------------------------------------------------------

def test_once_sends_each_line_exactly_once_and_resumes_from_its_checkpoint(server, client, tmp_path):
    stream = new_stream(client, "once", 2)
    data = tmp_path / "data"
    data.mkdir()
    log = data / "events.log"
    log.write_bytes(b"".join(numbered_line(number) for number in range(500)))
    config = config_for(tmp_path, server.endpoint, [flow(log, stream, initialPosition="START_OF_FILE")])
    reader = StreamReader(client, stream)

    run_once(config)
    first = reader.poll()
    assert Counter(record.data for record in first) == Counter(numbered_line(n) for n in range(500)), \
        "each line is one record holding the line and its newline, exactly once"

    run_once(config)
    assert reader.poll() == [], "a second --once over unchanged files sends nothing"

    append(log, b"".join(numbered_line(number) for number in range(500, 700)))
    run_once(config)
    third = reader.poll()
    assert Counter(record.data for record in third) == Counter(numbered_line(n) for n in range(500, 700)), \
        "after an append, --once sends exactly the new lines"


# -- 5. restarts ------------------------------------------------------------------------------

def test_restart_after_sigterm_resumes_without_duplicates(server, client, agents, tmp_path):
    stream = new_stream(client, "sigterm", 2)
    data = tmp_path / "data"
    data.mkdir()
    log = data / "app.log"
    log.write_bytes(b"".join(numbered_line(number) for number in range(20_000)))
    config = config_for(tmp_path, server.endpoint, [flow(log, stream, initialPosition="START_OF_FILE")])
    reader, tally = StreamReader(client, stream), Tally()

    agent = agents(config)
    wait_lines(reader, tally, 1, agent=agent)
    code = agent.terminate()
    assert code == 0, f"SIGTERM exit status {code}\n{agent.log_tail()}"

    append(log, b"".join(numbered_line(number) for number in range(20_000, 25_000)))
    agent = agents(config)
    collect_lines(reader, tally, 25_000, agent=agent)
    code = agent.terminate()
    assert code == 0, f"SIGTERM exit status {code}\n{agent.log_tail()}"
    tally.add(reader.poll(keep=False))

    assert tally.malformed == [], f"records that are not one written line: {tally.malformed[:5]}"
    assert tally.missing(25_000) == []
    assert tally.unexpected(25_000) == []
    duplicated = sorted(number for number, count in tally.counts.items() if count > 1)
    assert duplicated == [], f"a graceful stop checkpoints what was sent; duplicated: {ranges(duplicated)}"


@pytest.mark.slow
def test_restart_after_sigkill_loses_nothing(server, client, agents, tmp_path):
    rng = random.Random()
    stream = new_stream(client, "sigkill", 2)
    data = tmp_path / "data"
    writer = RotatingWriter(data, "rename")
    config = config_for(tmp_path, server.endpoint,
                        [flow(writer.path, stream, initialPosition="START_OF_FILE")])
    reader, tally = StreamReader(client, stream), Tally()
    total = 16_000

    agent = agents(config)
    thread = threading.Thread(target=writer.run, args=(total, 2000, 0), daemon=True)
    thread.start()
    try:
        for _ in range(2):
            wait_lines(reader, tally, len(tally.counts) + rng.randint(300, 2500), agent=agent)
            assert agent.kill() == -9
            agent = agents(config)
        thread.join(timeout=120)
        assert not thread.is_alive(), "writer did not finish"
    finally:
        writer.close()
    collect_lines(reader, tally, total, agent=agent)
    assert tally.malformed == [], f"records that are not one written line: {tally.malformed[:5]}"
    assert tally.unexpected(total) == []
    print(f"after 2 kills: {total} lines, {tally.duplicates()} duplicates")


# -- 6. rotation ------------------------------------------------------------------------------

@pytest.mark.parametrize("mode", ["rename", "copytruncate", "delete"])
def test_rotation_loses_no_line(server, client, agents, tmp_path, mode):
    stream = new_stream(client, f"rotate-{mode}", 2)
    logs = tmp_path / "logs"
    writer = RotatingWriter(logs, mode, keep=0)
    # A compressed rotation from before: the agent must never read it.
    write_gzip(logs / "app.log.0.gz", [numbered_line(number, tag="gz-") for number in range(50)])
    config = config_for(tmp_path, server.endpoint, [flow(writer.path, stream, initialPosition="START_OF_FILE")])
    reader, tally = StreamReader(client, stream), Tally()
    agent = agents(config)

    try:
        # Each burst is written and rotated away at once, after the agent has the file open: its last lines can
        # only be read through the open descriptor (rename, delete) or found in the copy (copytruncate).
        for _ in range(3):
            writer.write(200)
            collect_lines(reader, tally, writer.written, agent=agent)
            writer.write(300)
            writer.rotate()
        writer.write(100)
        collect_lines(reader, tally, writer.written, agent=agent)

        # Then a steady writer rotating every 0.4 s; deleted generations live a little while.
        writer.keep = 2
        writer.run(writer.written + 12_000, rate=3000, rotate_every=0.4)
        collect_lines(reader, tally, writer.written, agent=agent)

        if mode == "rename":
            # logrotate's delaycompress: a generation already read is compressed; it must not be read again.
            rotated = logs / "app.log.1"
            with open(rotated, "rb") as source, gzip.open(logs / "app.log.1.gz", "wb") as target:
                target.write(source.read())
            rotated.unlink()
            writer.write(100)
            collect_lines(reader, tally, writer.written, agent=agent)
    finally:
        writer.close()

    code = agent.terminate()
    assert code == 0, f"SIGTERM exit status {code}\n{agent.log_tail()}"
    tally.add(reader.poll(keep=False))
    compressed = [data for data in tally.malformed if b" gz-" in data]
    assert compressed == [], f"{len(compressed)} lines of app.log.0.gz were sent"
    assert tally.malformed == [], f"records that are not one written line: {tally.malformed[:5]}"
    assert tally.missing(writer.written) == []
    assert tally.unexpected(writer.written) == []
    duplicated = sorted(number for number, count in tally.counts.items() if count > 1)
    assert duplicated == [], \
        f"{mode}: {len(duplicated)} lines sent twice with no restart: {ranges(duplicated)} " \
        f"(in {sorted({writer.generation_of(n) for n in duplicated})[:10]})"


@pytest.mark.parametrize("pattern", ["app.log", "app.log*"])
def test_copytruncate_while_the_agent_is_killed_sends_nothing_twice(server, client, agents, tmp_path, pattern):
    stream = new_stream(client, "killed-copytruncate", 2)
    logs = tmp_path / "logs"
    writer = RotatingWriter(logs, "copytruncate")
    config = config_for(tmp_path, server.endpoint, [flow(logs / pattern, stream, initialPosition="START_OF_FILE")])
    reader, tally = StreamReader(client, stream), Tally()
    agent = agents(config)
    try:
        # Each round: about 1 MB delivered and checkpointed, a kill -9, then logrotate's copytruncate while the
        # agent is down, with lines written before and after; then a rotation while it runs. Two rotations while
        # down only with the glob: under the exact name, the generation between them is never seen by any agent.
        rounds = (1, 2, 1) if pattern.endswith("*") else (1, 1, 1)
        for rotations_while_down in rounds:
            writer.write(10_000)
            collect_lines(reader, tally, writer.written, agent=agent)
            wait_for(lambda: caught_up(config), 60, "the checkpoints to cover every file")
            assert agent.kill() == -9
            for _ in range(rotations_while_down):
                writer.write(150)
                writer.rotate()
                writer.write(100)
            agent = agents(config)
            collect_lines(reader, tally, writer.written, agent=agent)
            writer.write(200)
            writer.rotate()
            writer.write(50)
            collect_lines(reader, tally, writer.written, agent=agent)
    finally:
        writer.close()
    code = agent.terminate()
    assert code == 0, agent.log_tail()
    tally.add(reader.poll(keep=False))
    assert tally.malformed == [], f"records that are not one written line: {tally.malformed[:5]}"
    assert tally.missing(writer.written) == []
    duplicated = sorted(number for number, count in tally.counts.items() if count > 1)
    assert duplicated == [], \
        f"{len(duplicated)} lines sent twice: {ranges(duplicated)} " \
        f"(in {sorted({writer.generation_of(n) for n in duplicated})[:10]})"
    logs_text = "".join(log.read_text("utf-8", "replace") for log in tmp_path.glob("agent-*-logs/*.log"))
    assert "are lost" not in logs_text, [line for line in logs_text.splitlines() if "are lost" in line][:3]


# -- 7. globs ---------------------------------------------------------------------------------

def test_double_star_glob_tails_every_matching_file(server, client, agents, tmp_path):
    stream = new_stream(client, "glob", 2)
    logs = tmp_path / "logs"
    present = {"a": logs / "a" / "app.log", "bc": logs / "b" / "c" / "app.log",
               "def": logs / "d" / "e" / "f" / "app.log"}
    for tag, path in present.items():
        path.parent.mkdir(parents=True)
        path.write_text("".join(f"{tag} {i:06d}\n" for i in range(3)))
    (logs / "notes.txt").write_text("not matched\n")
    (logs / "a" / "app.txt").write_text("not matched either\n")
    config = config_for(tmp_path, server.endpoint,
                        [flow(f"{logs}/**/app.log", stream, initialPosition="START_OF_FILE")])
    reader = StreamReader(client, stream)
    agent = agents(config)
    reader.wait_count(9, agent=agent)

    # A directory and file that appear while the agent runs are picked up and read from their start.
    later = logs / "g" / "h" / "app.log"
    later.parent.mkdir(parents=True)
    later.write_text("".join(f"gh {i:06d}\n" for i in range(3)))
    files = {**present, "gh": later}

    def feed(tag: str, path: Path):
        for start in range(3, 603, 50):
            append(path, "".join(f"{tag} {i:06d}\n" for i in range(start, start + 50)))
            time.sleep(0.02)

    threads = [threading.Thread(target=feed, args=item) for item in files.items()]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    expected = Counter(f"{tag} {i:06d}\n".encode() for tag in files for i in range(603))
    reader.wait_count(sum(expected.values()), agent=agent)
    agent.wait_progress(sent=sum(expected.values()))
    reader.poll()
    assert Counter(record.data for record in reader.records) == expected, \
        "every line of every file matching **/app.log, and nothing else"


# -- 8. server outage -------------------------------------------------------------------------

@pytest.mark.slow
def test_server_outage_loses_nothing(agents, tmp_path):
    server = PinnedServerProcess(tmp_path / "server-data", tmp_path / "server-logs", ["--fsync", "always"]).start()
    try:
        client = make_client(server.endpoint)
        stream = new_stream(client, "outage", 2)
        writer = RotatingWriter(tmp_path / "logs", "rename")
        config = config_for(tmp_path, server.endpoint,
                            [flow(writer.path, stream, initialPosition="START_OF_FILE")])
        reader, tally = StreamReader(client, stream), Tally()
        agent = agents(config)
        stop = threading.Event()
        thread = threading.Thread(target=writer.run, args=(10**9, 300, 0, stop), daemon=True)
        thread.start()
        try:
            wait_lines(reader, tally, 300, agent=agent)
            code = server.terminate()
            assert code == 0, server.log_tail()
            outage_started = time.monotonic()
            # The outage itself: the writer keeps appending; the agent must hold on and retry.
            while time.monotonic() - outage_started < 15:
                assert agent.alive(), f"agent died during the outage\n{agent.log_tail()}"
                time.sleep(0.5)
            server.restart_on_same_port()
            resumed_at = writer.written
            wait_for(lambda: writer.written >= resumed_at + 900, 60, "the writer to go on after the outage")
        finally:
            stop.set()
            thread.join(timeout=60)
            writer.close()
        # Read everything again from the trim horizon through a fresh client: the server is a new process.
        reader, tally = StreamReader(make_client(server.endpoint), stream), Tally()
        collect_lines(reader, tally, writer.written, agent=agent)
        assert tally.malformed == [], f"records that are not one written line: {tally.malformed[:5]}"
        assert tally.unexpected(writer.written) == []
        print(f"outage of 15 s: {writer.written} lines, {tally.duplicates()} duplicates")
    finally:
        if server.alive():
            server.kill()


# -- 9. aggregation and partitionKeyField -----------------------------------------------------

def test_aggregated_records_deaggregate_to_the_lines_with_field_partition_keys(server, client, tmp_path):
    stream = new_stream(client, "aggregated", 4)
    data = tmp_path / "data"
    data.mkdir()
    log = data / "events.jsonl"
    lines = [json.dumps({"user": f"user-{i % 13}", "n": i}, separators=(",", ":")) for i in range(2000)]
    lines.insert(1000, json.dumps({"n": -1, "note": "no user field"}, separators=(",", ":")))
    log.write_text("".join(line + "\n" for line in lines))
    config = config_for(tmp_path, server.endpoint, [flow(
        log, stream, initialPosition="START_OF_FILE", aggregation=True, partitionKeyField="user")])

    run_once(config)
    reader = StreamReader(client, stream, keep_raw=True)
    reader.poll()

    assert 0 < reader.kinesis_record_count < len(lines), \
        f"{reader.kinesis_record_count} Kinesis records for {len(lines)} lines: expected aggregates"
    assert any(is_aggregated(bytes(record["Data"])) for _, record in reader.raw)
    assert Counter(record.data for record in reader.records) == Counter((line + "\n").encode() for line in lines)

    ranges_by_shard = {shard["ShardId"]: (int(shard["HashKeyRange"]["StartingHashKey"]),
                                          int(shard["HashKeyRange"]["EndingHashKey"]))
                       for shard in list_all_shards(client, stream)}
    for record in reader.records:
        document = json.loads(record.data)
        if "user" in document:
            assert record.partition_key == document["user"], record
        else:
            assert record.partition_key, "a record without the field still gets a partition key"
        # A KCL consumer drops user records outside its shard's hash key range.
        hash_key = int(record.explicit_hash_key) if record.explicit_hash_key else \
            int.from_bytes(hashlib.md5(record.partition_key.encode()).digest(), "big")
        low, high = ranges_by_shard[record.shard_id]
        assert low <= hash_key <= high, f"{record.partition_key} was put on {record.shard_id}"


# -- 10. metrics and status -------------------------------------------------------------------

def behind_series(samples: dict) -> dict:
    return {key: value for key, value in samples.items() if re.search("behind", key[0], re.IGNORECASE)}


def test_metrics_and_status_follow_progress(server, client, agents, tmp_path):
    stream = new_stream(client, "observed", 1)
    data = tmp_path / "data"
    data.mkdir()
    log = data / "app.log"
    log.write_bytes(b"".join(numbered_line(number) for number in range(300)))
    config = config_for(tmp_path, server.endpoint, [flow(log, stream, initialPosition="START_OF_FILE")])
    reader, tally = StreamReader(client, stream), Tally()
    agent = agents(config)
    url = agent.metrics_url()
    collect_lines(reader, tally, 300, agent=agent)

    def sent_at_least(count):
        def check():
            samples = scrape(url)
            return metric_total(samples, "RecordsSent") >= count and samples
        return check

    samples = wait_for(sent_at_least(300), 60, "RecordsSent to reach 300", interval=0.5)
    for token in ("BytesSent", "RecordSendAttempts", "RecordSendErrors", "ServiceErrors", "RecordsSent"):
        assert metric_series(samples, token), f"no {token} series in\n{sorted(samples)}"
    assert any(label == "flow" for key in metric_series(samples, "RecordsSent") for label, _ in key[1]), \
        "RecordsSent is labelled by flow"
    assert metric_total(samples, "BytesSent") >= 300 * 100
    assert metric_total(samples, "RecordSendAttempts") >= 300
    assert behind_series(samples), f"no bytes-behind gauge in\n{sorted(samples)}"
    before = metric_total(samples, "RecordsSent")

    append(log, b"".join(numbered_line(number) for number in range(300, 400)))
    collect_lines(reader, tally, 400, agent=agent)
    samples = wait_for(sent_at_least(before + 100), 60, "RecordsSent to grow by 100", interval=0.5)
    wait_for(lambda: all(value == 0 for value in behind_series(scrape(url)).values()), 60,
             "the bytes-behind gauge to return to 0")

    size = log.stat().st_size

    def tracked():
        status = agent_status(config)
        entries = [entry for entry in status_files(status) if entry["path"] == str(log)]
        return (entries and entries[0]["offset"] == size and entries[0]["sizeBytes"] == size
                and entries[0]["behindBytes"] == 0 and status)

    status = wait_for(tracked, 60, f"agent status to show {log} read to {size} bytes", interval=0.5)
    assert len(status["flows"]) == 1
    assert status["flows"][0]["stream"] == stream
    assert status["flows"][0]["flow"]
    assert status["flows"][0]["lastError"] is None

    code = agent.terminate()
    assert code == 0, agent.log_tail()
    # The checkpoint database answers with no agent running.
    assert tracked(), agent_status(config)
    text = run_agent("status", "--config", config, timeout=120)
    assert text.returncode == 0 and str(log) in text.stdout, describe(text)


# -- 11. stopping, and one agent per checkpoint database -------------------------------------

def unused_endpoint() -> str:
    """An endpoint where nothing listens: a port the kernel just handed out and took back."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"


# The drain the agents below are given, and how long after SIGTERM they must be gone: the drain, startup of the
# shutdown, a loaded machine.
SHUTDOWN_TIMEOUT_MILLIS = 2000
STOP_DEADLINE_SECONDS = 30


@pytest.mark.parametrize("once", [True, False], ids=["once", "tailing"])
@pytest.mark.parametrize("stop_signal", [signal.SIGTERM, signal.SIGINT], ids=["sigterm", "sigint"])
def test_a_signal_stops_the_agent_while_the_endpoint_is_unreachable(server, client, agents, tmp_path, once,
                                                                     stop_signal):
    stream = new_stream(client, "unreachable", 2)
    data = tmp_path / "data"
    data.mkdir()
    log = data / "app.log"
    total = 3000
    log.write_bytes(b"".join(numbered_line(number) for number in range(total)))
    flows = [flow(log, stream, initialPosition="START_OF_FILE")]
    dead = config_for(tmp_path, unused_endpoint(), flows, name="dead.json",
                      shutdownTimeoutMillis=SHUTDOWN_TIMEOUT_MILLIS)
    agent = agents(dead, extra_args=["--once"] if once else None)
    # Every line read and handed to delivery, which can only fail and retry.
    agent.wait_progress(parsed=total)

    signalled = time.monotonic()
    agent.process.send_signal(stop_signal)
    code = agent.wait_exit(timeout=STOP_DEADLINE_SECONDS)
    seconds = time.monotonic() - signalled
    log_text = agent.log_text()
    print(f"{'--once' if once else 'tailing'}: exited {code} {seconds:.1f} s after {stop_signal.name}")
    if once:
        # --once was asked to deliver everything and could not: it says so, in one line, and fails.
        assert code == 1, f"exit status {code}\n{agent.log_tail()}"
        refusals = [line for line in log_text.splitlines() if "stopped before the stream acknowledged" in line]
        assert len(refusals) == 1, agent.log_tail()
    else:
        assert code == 0, f"exit status {code}\n{agent.log_tail()}"
    assert "records not acknowledged at exit" in log_text, agent.log_tail()
    # The progress report says what is held against the bound (16 MiB by default, one flow).
    buffered = re.findall(r"Agent: Buffered: (\d+) bytes in (\d+) records .* of at most (\d+) bytes", log_text)
    assert buffered, agent.log_tail()
    assert all(int(held) <= int(bound) == 16 * 1024 * 1024 for held, _, bound in buffered), buffered
    assert any(int(records) == total for _, records, _ in buffered), buffered

    # Against a live endpoint the same checkpoints send every line, exactly once.
    live = config_for(tmp_path, server.endpoint, flows, name="live.json",
                      shutdownTimeoutMillis=SHUTDOWN_TIMEOUT_MILLIS)
    run_once(live)
    reader, tally = StreamReader(client, stream), Tally()
    tally.add(reader.poll(keep=False))
    assert tally.malformed == [], f"records that are not one written line: {tally.malformed[:5]}"
    assert tally.missing(total) == [], ranges(tally.missing(total))
    assert tally.duplicates() == 0, "nothing was acknowledged before the stop, so nothing is sent twice"


@pytest.mark.slow
def test_sigterm_during_an_outage_then_restart_loses_nothing(agents, tmp_path):
    server = PinnedServerProcess(tmp_path / "server-data", tmp_path / "server-logs", ["--fsync", "always"]).start()
    try:
        client = make_client(server.endpoint)
        stream = new_stream(client, "stop-outage", 2)
        writer = RotatingWriter(tmp_path / "logs", "rename")
        config = config_for(tmp_path, server.endpoint, [flow(writer.path, stream, initialPosition="START_OF_FILE")],
                            shutdownTimeoutMillis=SHUTDOWN_TIMEOUT_MILLIS)
        reader, tally = StreamReader(client, stream), Tally()
        agent = agents(config)
        writer.write(1000)
        collect_lines(reader, tally, writer.written, agent=agent)
        code = server.terminate()
        assert code == 0, server.log_tail()
        # Lines written while the server is gone are read and retried.
        writer.write(2000)
        agent.wait_progress(parsed=writer.written)
        signalled = time.monotonic()
        code = agent.terminate(timeout=STOP_DEADLINE_SECONDS)
        assert code == 0, f"exit status {code}\n{agent.log_tail()}"
        print(f"outage: tailing agent exited {time.monotonic() - signalled:.1f} s after SIGTERM")

        server.restart_on_same_port()
        writer.write(500)
        writer.close()
        agent = agents(config)
        reader, tally = StreamReader(make_client(server.endpoint), stream), Tally()
        collect_lines(reader, tally, writer.written, agent=agent)
        assert agent.terminate() == 0, agent.log_tail()
        tally.add(reader.poll(keep=False))
        assert tally.malformed == [], f"records that are not one written line: {tally.malformed[:5]}"
        assert tally.unexpected(writer.written) == []
        duplicated = sorted(number for number, count in tally.counts.items() if count > 1)
        assert duplicated == [], f"lines sent twice across the stop: {ranges(duplicated)}"
    finally:
        if server.alive():
            server.kill()


def test_a_second_agent_on_the_same_checkpoints_is_refused(server, client, agents, tmp_path):
    stream = new_stream(client, "owner", 1)
    data = tmp_path / "data"
    data.mkdir()
    log = data / "app.log"
    log.write_bytes(b"".join(numbered_line(number) for number in range(100)))
    config = config_for(tmp_path, server.endpoint, [flow(log, stream, initialPosition="START_OF_FILE")])
    reader, tally = StreamReader(client, stream), Tally()
    first = agents(config)
    collect_lines(reader, tally, 100, agent=first)

    for extra in ([], ["--once"]):
        second = run_agent("--config", config, *extra, timeout=120)
        assert second.returncode != 0, describe(second)
        refusals = [line for line in second.stderr.splitlines() if "another agent" in line]
        assert len(refusals) == 1, describe(second)
        assert f"(pid {first.pid})" in refusals[0], describe(second)
        assert str(tmp_path / "checkpoints") in refusals[0], describe(second)
    assert first.alive(), first.log_tail()

    # The refused agents sent nothing; the first goes on, and once it stops the database is free again.
    append(log, b"".join(numbered_line(number) for number in range(100, 200)))
    collect_lines(reader, tally, 200, agent=first)
    assert first.terminate() == 0, first.log_tail()
    append(log, b"".join(numbered_line(number) for number in range(200, 300)))
    run_once(config)
    tally.add(reader.poll(keep=False))
    assert tally.missing(300) == []
    assert tally.duplicates() == 0


# -- 12. torture, reduced ---------------------------------------------------------------------

@pytest.mark.slow
def test_torture_with_kills_and_an_outage_loses_nothing(tmp_path):
    command = [sys.executable, str(TORTURE), "--binary", str(binary_path()), "--mode", "rename",
               "--lines", "150000", "--rate", "20000", "--kills", "2", "--outage-seconds", "10",
               "--work-dir", str(tmp_path / "torture")]
    result = subprocess.run(command, capture_output=True, text=True, timeout=560, stdin=subprocess.DEVNULL)
    report = f"`{' '.join(command)}` exited {result.returncode}\n{result.stdout[-6000:]}\n{result.stderr[-3000:]}"
    nothing_missing = re.search(r"^missing:\s+0$", result.stdout, re.MULTILINE) is not None
    assert nothing_missing and result.returncode == 0, report
