"""The seed's walk-through with the real `aws` CLI, unchanged but for `--endpoint-url`."""

from __future__ import annotations

import base64
import json

from interop import ACCOUNT_ID, even_split, shard_id, wait_for

SEED_STREAM = "mayWeblogStream"
SEED_REGION = "ap-south-1"

# One customer line of the seed's customer.csv, as the agent's CSVTOJSON turns it into JSON.
CUSTOMER = {"customerId": "1001", "customerName": "maya", "mobileNumber": "9876543210", "address": "Pune"}


def test_seed_walkthrough(aws):
    # Verbatim from the seed.
    assert aws("kinesis", "create-stream", "--stream-name", "mayWeblogStream", "--shard-count", "3",
               "--region", "ap-south-1") is None

    def active():
        summary = aws("kinesis", "describe-stream-summary", "--stream-name", SEED_STREAM,
                      "--region", SEED_REGION)["StreamDescriptionSummary"]
        return summary if summary["StreamStatus"] == "ACTIVE" else None

    summary = wait_for(active, 120, "mayWeblogStream to become ACTIVE", interval=0.2)
    assert summary["StreamName"] == SEED_STREAM
    assert summary["StreamARN"] == f"arn:aws:kinesis:{SEED_REGION}:{ACCOUNT_ID}:stream/{SEED_STREAM}"
    assert summary["OpenShardCount"] == 3
    assert summary["RetentionPeriodHours"] == 24

    names = aws("kinesis", "list-streams", "--region", SEED_REGION)["StreamNames"]
    assert SEED_STREAM in names

    shards = aws("kinesis", "list-shards", "--stream-name", SEED_STREAM, "--region", SEED_REGION)["Shards"]
    assert [s["ShardId"] for s in shards] == [shard_id(i) for i in range(3)]
    ranges = [(int(s["HashKeyRange"]["StartingHashKey"]), int(s["HashKeyRange"]["EndingHashKey"])) for s in shards]
    assert ranges == even_split(3)
    for shard in shards:
        assert shard["SequenceNumberRange"]["StartingSequenceNumber"].isdigit()

    payload = json.dumps(CUSTOMER)
    put = aws("kinesis", "put-record", "--stream-name", SEED_STREAM, "--partition-key", "customer-1001",
              "--data", payload, *aws.raw_binary_args, "--region", SEED_REGION)
    assert put["ShardId"] in {s["ShardId"] for s in shards}
    assert put["SequenceNumber"].isdigit()

    iterator = aws("kinesis", "get-shard-iterator", "--stream-name", SEED_STREAM, "--shard-id", put["ShardId"],
                   "--shard-iterator-type", "TRIM_HORIZON", "--region", SEED_REGION)["ShardIterator"]
    assert iterator

    def fetched():
        nonlocal iterator
        response = aws("kinesis", "get-records", "--shard-iterator", iterator, "--region", SEED_REGION)
        assert "NextShardIterator" in response
        iterator = response["NextShardIterator"]
        return response["Records"]

    records = wait_for(fetched, 60, "the put record to be readable", interval=0.2)
    assert len(records) == 1
    record = records[0]
    assert record["SequenceNumber"] == put["SequenceNumber"]
    assert record["PartitionKey"] == "customer-1001"
    assert json.loads(base64.b64decode(record["Data"])) == CUSTOMER
    assert base64.b64decode(record["Data"]).decode() == payload
    assert isinstance(record["ApproximateArrivalTimestamp"], (int, float))


def test_seed_stream_is_scoped_to_its_region(aws):
    region = "eu-west-2"
    name = "mayWeblogStreamRegional"
    aws("kinesis", "create-stream", "--stream-name", name, "--shard-count", "1", "--region", region)
    wait_for(lambda: aws("kinesis", "describe-stream-summary", "--stream-name", name, "--region", region)
             ["StreamDescriptionSummary"]["StreamStatus"] == "ACTIVE", 120, f"{name} ACTIVE", interval=0.2)

    elsewhere = aws.run("kinesis", "describe-stream-summary", "--stream-name", name, "--region", "us-east-1",
                        check=False)
    assert elsewhere.returncode != 0
    assert "ResourceNotFoundException" in elsewhere.stderr
    assert name not in aws("kinesis", "list-streams", "--region", "us-east-1")["StreamNames"]

    # The same name may exist independently in another region.
    aws("kinesis", "create-stream", "--stream-name", name, "--shard-count", "2", "--region", "us-east-1")
    wait_for(lambda: aws("kinesis", "describe-stream-summary", "--stream-name", name, "--region", "us-east-1")
             ["StreamDescriptionSummary"]["StreamStatus"] == "ACTIVE", 120, f"{name} ACTIVE", interval=0.2)
    here = aws("kinesis", "describe-stream-summary", "--stream-name", name, "--region", region)
    there = aws("kinesis", "describe-stream-summary", "--stream-name", name, "--region", "us-east-1")
    assert here["StreamDescriptionSummary"]["OpenShardCount"] == 1
    assert there["StreamDescriptionSummary"]["OpenShardCount"] == 2
    assert there["StreamDescriptionSummary"]["StreamARN"].startswith("arn:aws:kinesis:us-east-1:")

    aws("kinesis", "delete-stream", "--stream-name", name, "--region", "us-east-1")
    assert aws("kinesis", "describe-stream-summary", "--stream-name", name, "--region", region)
