"""The `rivulet` admin subcommands (create-stream, put-record, get-records, ...) against a real server.

Each test runs the binary as a user would, with no AWS credentials or region anywhere in its environment:
against a local endpoint the commands must fill in dummy credentials and a default region on their own.
"""

from __future__ import annotations

import base64
import json
import os
import subprocess

import pytest

from interop import binary_path, free_port, shard_id

pytestmark = pytest.mark.rivulet_only

COMMAND_TIMEOUT_SECONDS = 120


@pytest.fixture
def rivulet(server, tmp_path):
    """`rivulet(*args)` runs an admin subcommand against the shared server and returns the CompletedProcess;
    `endpoint=` points it elsewhere, `check=False` allows a failure."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("AWS_")}
    env["AWS_CONFIG_FILE"] = str(tmp_path / "aws-config-absent")
    env["AWS_SHARED_CREDENTIALS_FILE"] = str(tmp_path / "aws-credentials-absent")

    def run(*args: str, endpoint: str | None = None, check: bool = True) -> subprocess.CompletedProcess:
        command = [str(binary_path()), *args, "--endpoint-url", endpoint or server.endpoint]
        result = subprocess.run(command, env=env, capture_output=True, timeout=COMMAND_TIMEOUT_SECONDS,
                                stdin=subprocess.DEVNULL)
        if check and result.returncode != 0:
            raise AssertionError(
                f"`{' '.join(command)}` exited {result.returncode}\n"
                f"stdout: {result.stdout!r}\nstderr: {result.stderr!r}"
            )
        return result

    return run


def text(result: subprocess.CompletedProcess) -> str:
    return result.stdout.decode("utf-8")


def as_json(result: subprocess.CompletedProcess):
    return json.loads(result.stdout)


def create(rivulet, name: str, *extra: str) -> None:
    result = rivulet("create-stream", "--stream-name", name, *extra, "--wait")
    assert result.stdout == b"", "create-stream answers with an empty body and prints nothing"


def test_round_trip_in_text_and_json(rivulet, stream_name):
    create(rivulet, stream_name, "--shard-count", "1")

    put = text(rivulet("put-record", "--stream-name", stream_name, "--partition-key", "pk-1",
                       "--data", "hello rivulet"))
    fields = dict(line.split(None, 1) for line in put.splitlines())
    assert fields["ShardId"] == shard_id(0)
    sequence = fields["SequenceNumber"]
    assert sequence.isdigit()

    read = text(rivulet("get-records", "--stream-name", stream_name, "--shard-id", shard_id(0),
                        "--from", "trim-horizon"))
    lines = read.splitlines()
    assert lines[0].split() == ["SEQUENCE", "NUMBER", "PARTITION", "KEY", "DATA"]
    assert lines[1].split(None, 2) == [sequence, "pk-1", "hello rivulet"]
    assert any(line.startswith("NextShardIterator") for line in lines)

    response = as_json(rivulet("get-records", "--stream-name", stream_name, "--shard-id", shard_id(0),
                               "--output", "json"))
    [record] = response["Records"]
    assert record["SequenceNumber"] == sequence
    assert record["PartitionKey"] == "pk-1"
    assert base64.b64decode(record["Data"]) == b"hello rivulet"
    assert isinstance(record["ApproximateArrivalTimestamp"], float)
    assert response["NextShardIterator"]
    assert response["MillisBehindLatest"] == 0


def test_iterator_then_records_and_binary_data(rivulet, stream_name, tmp_path):
    create(rivulet, stream_name, "--shard-count", "1")
    binary = bytes([0xFF, 0x00, 0xFE, 0x80])
    data_file = tmp_path / "record.bin"
    data_file.write_bytes(binary)
    put = as_json(rivulet("put-record", "--stream-name", stream_name, "--partition-key", "k",
                          "--data-file", str(data_file), "--output", "json"))
    assert set(put) >= {"ShardId", "SequenceNumber"}

    iterator = text(rivulet("get-shard-iterator", "--stream-name", stream_name, "--shard-id", shard_id(0),
                            "--shard-iterator-type", "AT_SEQUENCE_NUMBER",
                            "--starting-sequence-number", put["SequenceNumber"])).strip()
    assert iterator and "\n" not in iterator

    read = text(rivulet("get-records", "--shard-iterator", iterator, "--limit", "1"))
    assert "base64:" + base64.b64encode(binary).decode() in read

    latest = text(rivulet("get-records", "--stream-name", stream_name, "--shard-id", shard_id(0),
                          "--from", "latest"))
    assert "(no records)" in latest


def test_list_streams_and_list_shards(rivulet, stream_name):
    create(rivulet, stream_name, "--shard-count", "2")

    listing = text(rivulet("list-streams"))
    assert listing.splitlines()[0].split() == ["NAME", "STATUS", "MODE", "CREATED"]
    row = next(line.split() for line in listing.splitlines() if line.startswith(stream_name + " "))
    assert row[1:3] == ["ACTIVE", "PROVISIONED"]
    assert stream_name in as_json(rivulet("list-streams", "--output", "json"))["StreamNames"]

    shards_text = text(rivulet("list-shards", "--stream-name", stream_name)).splitlines()
    assert shards_text[0].startswith("SHARD ID")
    assert [line.split()[0] for line in shards_text[1:]] == [shard_id(0), shard_id(1)]
    shards = as_json(rivulet("list-shards", "--stream-name", stream_name, "--output", "json"))["Shards"]
    assert [shard["ShardId"] for shard in shards] == [shard_id(0), shard_id(1)]
    assert shards[0]["HashKeyRange"]["StartingHashKey"] == "0"
    assert shards[1]["HashKeyRange"]["EndingHashKey"] == str(2**128 - 1)


def test_json_output_is_the_api_response_pretty_printed(rivulet, stream_name):
    create(rivulet, stream_name, "--shard-count", "1")
    result = rivulet("describe-stream-summary", "--stream-name", stream_name, "--output", "json")
    output = text(result)
    assert output.startswith('{\n    "StreamDescriptionSummary": {\n        "StreamName": ')
    summary = json.loads(output)["StreamDescriptionSummary"]
    assert summary["StreamName"] == stream_name
    assert summary["StreamStatus"] == "ACTIVE"
    assert summary["OpenShardCount"] == 1


def test_tags_retention_and_stream_mode(rivulet, stream_name):
    create(rivulet, stream_name, "--shard-count", "1", "--tags", "team=data", "tier=gold")
    rivulet("add-tags-to-stream", "--stream-name", stream_name, "--tags", "tier=silver", "owner=ops")
    rivulet("remove-tags-from-stream", "--stream-name", stream_name, "--tag-keys", "owner")
    tags = as_json(rivulet("list-tags-for-stream", "--stream-name", stream_name, "--output", "json"))["Tags"]
    assert {tag["Key"]: tag["Value"] for tag in tags} == {"team": "data", "tier": "silver"}
    tag_lines = text(rivulet("list-tags-for-stream", "--stream-name", stream_name)).splitlines()
    assert [line.split() for line in tag_lines] == [["KEY", "VALUE"], ["team", "data"], ["tier", "silver"]]

    rivulet("increase-stream-retention-period", "--stream-name", stream_name, "--retention-period-hours", "48")
    summary_text = text(rivulet("describe-stream-summary", "--stream-name", stream_name))
    assert "RetentionPeriodHours     48" in summary_text
    rivulet("decrease-stream-retention-period", "--stream-name", stream_name, "--retention-period-hours", "24")

    rivulet("update-stream-mode", "--stream-name", stream_name, "--stream-mode", "on-demand")
    summary = as_json(rivulet("describe-stream-summary", "--stream-name", stream_name, "--output", "json"))
    assert summary["StreamDescriptionSummary"]["StreamModeDetails"] == {"StreamMode": "ON_DEMAND"}
    assert summary["StreamDescriptionSummary"]["RetentionPeriodHours"] == 24

    limits = as_json(rivulet("describe-limits", "--output", "json"))
    assert set(limits) == {"ShardLimit", "OpenShardCount", "OnDemandStreamCount", "OnDemandStreamCountLimit"}

    rivulet("delete-stream", "--stream-name", stream_name)


def test_missing_stream_prints_the_aws_error_and_fails(rivulet, stream_name):
    result = rivulet("describe-stream", "--stream-name", stream_name, check=False)
    assert result.returncode != 0
    assert result.stdout == b""
    message = result.stderr.decode("utf-8")
    assert message.startswith("error: ResourceNotFoundException: "), message
    assert stream_name in message
    assert message.count("\n") == 1


def test_partial_arguments_are_refused_before_any_request(rivulet, stream_name):
    result = rivulet("put-record", "--stream-name", stream_name, "--partition-key", "k", check=False)
    assert result.returncode != 0
    assert b"--data" in result.stderr


def test_server_not_running_names_the_url_and_suggests_starting_one(rivulet):
    port = free_port()
    endpoint = f"http://127.0.0.1:{port}"
    result = rivulet("list-streams", endpoint=endpoint, check=False)
    assert result.returncode != 0
    message = result.stderr.decode("utf-8")
    assert endpoint in message
    assert f"rivulet server --port {port}" in message


def test_help_describes_each_command(rivulet):
    result = subprocess.run([str(binary_path()), "get-records", "--help"], capture_output=True, text=True,
                            timeout=COMMAND_TIMEOUT_SECONDS, stdin=subprocess.DEVNULL)
    assert result.returncode == 0
    assert "Read records from a shard." in result.stdout
    assert "--endpoint-url" in result.stdout and "--shard-iterator" in result.stdout


def test_iterators_and_tokens_may_begin_with_a_dash(rivulet):
    # They are base64url, so one in 64 starts with '-'; the parser must not take it for an option.
    for args in (["get-records", "--shard-iterator", "-AAAA"], ["list-streams", "--next-token", "-AAAA"]):
        result = rivulet(*args, check=False)
        assert result.returncode != 0
        assert b"Missing value" not in result.stderr, result.stderr
        assert b"Invalid" in result.stderr + result.stdout, (result.stdout, result.stderr)
