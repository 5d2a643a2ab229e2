"""Encryption at rest: after StartStreamEncryption the plaintext of new records is nowhere on disk, the records read
back (GetRecords and SubscribeToShard) as they were put after a restart, and without their key they fail to read
with a KMS error type instead of returning anything.
"""

from __future__ import annotations

import base64
import json
import os
import stat
from pathlib import Path

import pytest
from botocore.exceptions import ClientError

from interop import create_stream, make_client, shard_id, wait_for, wait_stream_active

pytestmark = pytest.mark.rivulet_only

# 64 distinctive bytes each, so finding them in a file cannot be chance.
CONTROL = b"CONTROL-plaintext-put-before-encryption-started-0123456789abcdef"
SECRET = b"SECRET-plaintext-put-while-the-stream-is-encrypted-0123456789xyz"
BATCH = [b"BATCH-%02d-sealed-by-put-records-" % index + bytes(range(65, 65 + 32)) for index in range(3)]
# Partition keys are the caller's data too (often a user id): sealed with the data.
SECRET_KEY = "PKEY-partition-key-of-a-sealed-record-stays-off-the-disk-0123456"
STREAM = "vault"
DEFAULT_ALIAS = "alias/aws/kinesis"


def files_containing(root: Path, needle: bytes) -> list[Path]:
    return [path for path in sorted(root.rglob("*")) if path.is_file() and needle in path.read_bytes()]


def read_all(client) -> list[dict]:
    iterator = client.get_shard_iterator(
        StreamName=STREAM, ShardId=shard_id(0), ShardIteratorType="TRIM_HORIZON")["ShardIterator"]
    return client.get_records(ShardIterator=iterator, Limit=100)["Records"]


def write_keyring(path: Path, aliases: list[str]):
    """A keyring of one fresh key: what a user bringing their own keys writes."""
    document = {"keys": [{
        "keyId": "5e1d2c3b-4a59-4687-9a1b-2c3d4e5f6a7b",
        "aliases": aliases,
        "material": base64.b64encode(os.urandom(32)).decode(),
    }]}
    path.write_text(json.dumps(document))
    path.chmod(0o600)


def subscribe_and_collect(client, expected: int) -> list[dict]:
    stream_arn = client.describe_stream_summary(StreamName=STREAM)["StreamDescriptionSummary"]["StreamARN"]
    consumer = client.register_stream_consumer(StreamARN=stream_arn, ConsumerName="auditor")["Consumer"]
    wait_for(
        lambda: client.describe_stream_consumer(ConsumerARN=consumer["ConsumerARN"])
        ["ConsumerDescription"]["ConsumerStatus"] == "ACTIVE",
        30, "consumer ACTIVE")
    events = client.subscribe_to_shard(
        ConsumerARN=consumer["ConsumerARN"], ShardId=shard_id(0),
        StartingPosition={"Type": "TRIM_HORIZON"})["EventStream"]
    records: list[dict] = []
    try:
        for event in events:
            records.extend(event["SubscribeToShardEvent"]["Records"])
            if len(records) >= expected:
                return records
    finally:
        events.close()
    raise AssertionError(f"subscription ended after {len(records)} of {expected} records")


def test_sealed_records_stay_off_disk_in_clear_and_need_their_key(server_factory, tmp_path):
    data_dir = tmp_path / "data"
    server = server_factory(data_dir=data_dir)
    client = make_client(server.endpoint)
    create_stream(client, STREAM, 1)
    control = client.put_record(StreamName=STREAM, Data=CONTROL, PartitionKey="control")
    assert control["EncryptionType"] == "NONE"

    client.start_stream_encryption(StreamName=STREAM, EncryptionType="KMS", KeyId=DEFAULT_ALIAS)
    summary = wait_stream_active(client, STREAM)
    assert summary["EncryptionType"] == "KMS"
    assert summary["KeyId"] == DEFAULT_ALIAS
    sealed = client.put_record(StreamName=STREAM, Data=SECRET, PartitionKey=SECRET_KEY)
    assert sealed["EncryptionType"] == "KMS"
    batch = client.put_records(
        StreamName=STREAM, Records=[{"Data": data, "PartitionKey": f"batch-{i}"} for i, data in enumerate(BATCH)])
    assert batch["FailedRecordCount"] == 0
    assert batch["EncryptionType"] == "KMS"
    assert server.terminate() == 0

    keyring = data_dir / "keyring.json"
    assert stat.S_IMODE(keyring.stat().st_mode) == 0o600
    assert DEFAULT_ALIAS in keyring.read_text()
    streams = data_dir / "streams"
    assert files_containing(streams, CONTROL), "the control record, put before encryption, is stored as it came"
    assert files_containing(streams, b"control"), "the control record's partition key is stored as it came"
    for plaintext in [SECRET, SECRET_KEY.encode(), *BATCH]:
        assert not files_containing(data_dir, plaintext), f"{plaintext!r} found on disk in clear"

    # Restarted on the same data dir (and so the same keyring), every record reads back as it was put.
    server.restart()
    client = make_client(server.endpoint)
    records = read_all(client)
    assert [r["Data"] for r in records] == [CONTROL, SECRET, *BATCH]
    assert [r["SequenceNumber"] for r in records[:2]] == [control["SequenceNumber"], sealed["SequenceNumber"]]
    assert [r.get("EncryptionType") for r in records] == [None] + ["KMS"] * 4
    assert [r["PartitionKey"] for r in records] == ["control", SECRET_KEY, "batch-0", "batch-1", "batch-2"]
    pushed = subscribe_and_collect(client, expected=5)
    assert [r["Data"] for r in pushed] == [CONTROL, SECRET, *BATCH]
    assert [r.get("EncryptionType") for r in pushed] == [None] + ["KMS"] * 4
    assert [r["PartitionKey"] for r in pushed][:2] == ["control", SECRET_KEY]

    client.stop_stream_encryption(StreamName=STREAM, EncryptionType="KMS", KeyId=DEFAULT_ALIAS)
    assert wait_stream_active(client, STREAM)["EncryptionType"] == "NONE"
    assert client.put_record(StreamName=STREAM, Data=b"after stop", PartitionKey="late")["EncryptionType"] == "NONE"
    assert [r["Data"] for r in read_all(client)][-2:] == [BATCH[-1], b"after stop"]
    assert server.terminate() == 0


def test_without_the_key_reads_fail_with_a_kms_error(server_factory, tmp_path):
    data_dir = tmp_path / "data"
    server = server_factory(data_dir=data_dir)
    client = make_client(server.endpoint)
    create_stream(client, STREAM, 1)
    client.put_record(StreamName=STREAM, Data=CONTROL, PartitionKey="control")
    client.start_stream_encryption(StreamName=STREAM, EncryptionType="KMS", KeyId=DEFAULT_ALIAS)
    wait_stream_active(client, STREAM)
    client.put_record(StreamName=STREAM, Data=SECRET, PartitionKey="secret")
    assert server.terminate() == 0

    # Another keyring: its alias/aws/kinesis is a different key, so the sealed record's key is missing.
    other = tmp_path / "other-keyring.json"
    write_keyring(other, [DEFAULT_ALIAS])
    server = server_factory(data_dir=data_dir, extra_args=["--keyring", str(other)])
    client = make_client(server.endpoint)
    iterator = client.get_shard_iterator(
        StreamName=STREAM, ShardId=shard_id(0), ShardIteratorType="TRIM_HORIZON")["ShardIterator"]
    first = client.get_records(ShardIterator=iterator, Limit=1)
    assert [r["Data"] for r in first["Records"]] == [CONTROL]
    with pytest.raises(ClientError) as refused:
        client.get_records(ShardIterator=first["NextShardIterator"])
    assert refused.value.response["Error"]["Code"] == "KMSNotFoundException"
    assert "not in the server's keyring" in refused.value.response["Error"]["Message"]
    assert server.terminate() == 0

    # A keyring without the stream's KeyId at all: new records are refused rather than stored in clear.
    bare = tmp_path / "bare-keyring.json"
    write_keyring(bare, ["alias/elsewhere"])
    server = server_factory(data_dir=data_dir, extra_args=["--keyring", str(bare)])
    client = make_client(server.endpoint)
    with pytest.raises(ClientError) as unknown:
        client.put_record(StreamName=STREAM, Data=b"nowhere to go", PartitionKey="k")
    assert unknown.value.response["Error"]["Code"] == "KMSNotFoundException"
    with pytest.raises(ClientError) as start:
        client.start_stream_encryption(StreamName=STREAM, EncryptionType="KMS", KeyId="alias/missing")
    assert start.value.response["Error"]["Code"] == "KMSNotFoundException"
    assert server.terminate() == 0
    assert not files_containing(data_dir, b"nowhere to go")
