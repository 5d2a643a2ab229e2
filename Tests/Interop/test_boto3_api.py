"""The Kinesis API through boto3, as an application would use it."""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import string

import pytest
from botocore.exceptions import ClientError, WaiterError

from interop import (
    ACCOUNT_ID,
    HASH_KEY_MAX,
    IS_MOTO,
    create_stream,
    even_split,
    list_all_shards,
    make_client,
    read_records,
    shard_id,
    shard_iterator,
    unique_name,
    wait_for,
    wait_stream_active,
    wait_stream_gone,
)

FAST_WAITER = {"Delay": 1, "MaxAttempts": 60}


def error_code(excinfo) -> str:
    return excinfo.value.response["Error"]["Code"]


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def md5_hash_key(partition_key: str) -> int:
    return int.from_bytes(hashlib.md5(partition_key.encode("utf-8")).digest(), "big")


def shard_for(hash_key: int, shards: list[dict]) -> str:
    matches = [
        s["ShardId"] for s in shards
        if int(s["HashKeyRange"]["StartingHashKey"]) <= hash_key <= int(s["HashKeyRange"]["EndingHashKey"])
        and "EndingSequenceNumber" not in s["SequenceNumberRange"]
    ]
    assert len(matches) == 1, f"hash key {hash_key} matches open shards {matches}"
    return matches[0]


# -- streams ----------------------------------------------------------------------------------

def test_create_and_describe(client, stream_name):
    before = utc_now()
    client.create_stream(StreamName=stream_name, ShardCount=3)
    wait_stream_active(client, stream_name)

    description = client.describe_stream(StreamName=stream_name)["StreamDescription"]
    assert description["StreamName"] == stream_name
    assert description["StreamARN"] == f"arn:aws:kinesis:us-east-1:{ACCOUNT_ID}:stream/{stream_name}"
    assert description["StreamStatus"] == "ACTIVE"
    assert description["HasMoreShards"] is False
    assert description["RetentionPeriodHours"] == 24
    created = description["StreamCreationTimestamp"]
    assert isinstance(created, dt.datetime)
    assert before - dt.timedelta(minutes=2) <= created <= utc_now() + dt.timedelta(minutes=2)
    assert [s["ShardId"] for s in description["Shards"]] == [shard_id(i) for i in range(3)]
    ranges = [(int(s["HashKeyRange"]["StartingHashKey"]), int(s["HashKeyRange"]["EndingHashKey"]))
              for s in description["Shards"]]
    assert ranges == even_split(3)
    for shard in description["Shards"]:
        start = shard["SequenceNumberRange"]["StartingSequenceNumber"]
        assert start.isdigit()
        assert "EndingSequenceNumber" not in shard["SequenceNumberRange"]
        assert "ParentShardId" not in shard

    summary = client.describe_stream_summary(StreamName=stream_name)["StreamDescriptionSummary"]
    assert summary["StreamName"] == stream_name
    assert summary["StreamARN"] == description["StreamARN"]
    assert summary["StreamStatus"] == "ACTIVE"
    assert summary["OpenShardCount"] == 3
    assert summary["RetentionPeriodHours"] == 24
    assert summary["StreamModeDetails"] == {"StreamMode": "PROVISIONED"}
    assert isinstance(summary["StreamCreationTimestamp"], dt.datetime)
    assert summary.get("ConsumerCount", 0) == 0


def test_create_on_demand_stream_has_four_shards(client, stream_name):
    client.create_stream(StreamName=stream_name, StreamModeDetails={"StreamMode": "ON_DEMAND"})
    summary = wait_stream_active(client, stream_name)
    assert summary["StreamModeDetails"] == {"StreamMode": "ON_DEMAND"}
    assert summary["OpenShardCount"] == 4
    assert len(list_all_shards(client, stream_name)) == 4


def test_create_with_tags(client, stream_name):
    create_stream(client, stream_name, 1, Tags={"team": "data", "env": "test"})
    tags = client.list_tags_for_stream(StreamName=stream_name)["Tags"]
    assert {t["Key"]: t["Value"] for t in tags} == {"team": "data", "env": "test"}


def test_list_streams_pagination(server):
    # A region of its own, so other tests' streams do not appear.
    client = make_client(server.endpoint, region="eu-north-1")
    prefix = unique_name("ls")
    names = sorted(f"{prefix}-{i}" for i in range(5))
    for name in names:
        client.create_stream(StreamName=name, ShardCount=1)
    for name in names:
        wait_stream_active(client, name)

    everything = client.list_streams()
    assert everything["StreamNames"] == names
    assert everything["HasMoreStreams"] is False
    summaries = everything["StreamSummaries"]
    assert [s["StreamName"] for s in summaries] == names
    for summary in summaries:
        assert summary["StreamARN"] == f"arn:aws:kinesis:eu-north-1:{ACCOUNT_ID}:stream/{summary['StreamName']}"
        assert summary["StreamStatus"] == "ACTIVE"
        assert summary["StreamModeDetails"] == {"StreamMode": "PROVISIONED"}
        assert isinstance(summary["StreamCreationTimestamp"], dt.datetime)

    first = client.list_streams(Limit=2)
    assert first["StreamNames"] == names[:2]
    assert first["HasMoreStreams"] is True
    assert first["NextToken"]

    collected, token = list(first["StreamNames"]), first["NextToken"]
    while token:
        page = client.list_streams(Limit=2, NextToken=token)
        assert len(page["StreamNames"]) <= 2
        assert [s["StreamName"] for s in page["StreamSummaries"]] == page["StreamNames"]
        collected.extend(page["StreamNames"])
        token = page.get("NextToken") if page["HasMoreStreams"] else None
    assert collected == names

    after = client.list_streams(ExclusiveStartStreamName=names[1], Limit=2)
    assert after["StreamNames"] == names[2:4]
    assert after["HasMoreStreams"] is True

    paginated = []
    for page in client.get_paginator("list_streams").paginate(PaginationConfig={"PageSize": 2}):
        paginated.extend(page["StreamNames"])
    assert paginated == names


def test_list_shards_pagination(client, stream_name):
    create_stream(client, stream_name, 5)
    expected = [shard_id(i) for i in range(5)]

    assert [s["ShardId"] for s in client.list_shards(StreamName=stream_name)["Shards"]] == expected
    assert "NextToken" not in client.list_shards(StreamName=stream_name)

    page = client.list_shards(StreamName=stream_name, MaxResults=2)
    collected = [s["ShardId"] for s in page["Shards"]]
    assert collected == expected[:2]
    token = page["NextToken"]
    while token:
        page = client.list_shards(NextToken=token, MaxResults=2)
        assert len(page["Shards"]) <= 2
        collected.extend(s["ShardId"] for s in page["Shards"])
        token = page.get("NextToken")
    assert collected == expected

    after = client.list_shards(StreamName=stream_name, ExclusiveStartShardId=shard_id(1))
    assert [s["ShardId"] for s in after["Shards"]] == expected[2:]

    for filter_type in ("AT_TRIM_HORIZON", "FROM_TRIM_HORIZON", "AT_LATEST"):
        filtered = client.list_shards(StreamName=stream_name, ShardFilter={"Type": filter_type})
        assert [s["ShardId"] for s in filtered["Shards"]] == expected, filter_type

    token = client.list_shards(StreamName=stream_name, MaxResults=1)["NextToken"]
    with pytest.raises(ClientError) as excinfo:
        client.list_shards(NextToken=token, StreamCreationTimestamp=utc_now())
    assert error_code(excinfo) == "InvalidArgumentException"
    with pytest.raises(ClientError) as excinfo:
        client.list_shards(NextToken=token, StreamName=stream_name)
    assert error_code(excinfo) == "InvalidArgumentException"


@pytest.mark.rivulet_only
def test_list_shards_filters_after_split(client, stream_name):
    create_stream(client, stream_name, 2)
    parent_start, parent_end = even_split(2)[0]
    split_at = (parent_start + parent_end) // 2
    client.split_shard(StreamName=stream_name, ShardToSplit=shard_id(0), NewStartingHashKey=str(split_at))
    wait_stream_active(client, stream_name)

    shards = {s["ShardId"]: s for s in list_all_shards(client, stream_name)}
    assert sorted(shards) == [shard_id(i) for i in range(4)]
    assert "EndingSequenceNumber" in shards[shard_id(0)]["SequenceNumberRange"]
    assert shards[shard_id(2)]["ParentShardId"] == shard_id(0)
    assert shards[shard_id(3)]["ParentShardId"] == shard_id(0)
    assert int(shards[shard_id(2)]["HashKeyRange"]["EndingHashKey"]) == split_at - 1
    assert int(shards[shard_id(3)]["HashKeyRange"]["StartingHashKey"]) == split_at

    def ids(filter_type):
        return sorted(s["ShardId"] for s in
                      client.list_shards(StreamName=stream_name, ShardFilter={"Type": filter_type})["Shards"])

    assert ids("AT_LATEST") == [shard_id(1), shard_id(2), shard_id(3)]
    assert ids("AT_TRIM_HORIZON") == [shard_id(0), shard_id(1)]
    assert ids("FROM_TRIM_HORIZON") == [shard_id(i) for i in range(4)]


def test_delete_stream_and_reuse_name(client, stream_name):
    create_stream(client, stream_name, 1)
    client.delete_stream(StreamName=stream_name)
    client.get_waiter("stream_not_exists").wait(StreamName=stream_name, WaiterConfig=FAST_WAITER)
    with pytest.raises(ClientError) as excinfo:
        client.describe_stream(StreamName=stream_name)
    assert error_code(excinfo) == "ResourceNotFoundException"
    listed = client.get_paginator("list_streams").paginate().build_full_result()["StreamNames"]
    assert stream_name not in listed

    create_stream(client, stream_name, 2)
    assert client.describe_stream_summary(StreamName=stream_name)["StreamDescriptionSummary"]["OpenShardCount"] == 2


def test_waiters(client, stream_name):
    client.create_stream(StreamName=stream_name, ShardCount=1)
    client.get_waiter("stream_exists").wait(StreamName=stream_name, WaiterConfig=FAST_WAITER)
    assert client.describe_stream(StreamName=stream_name)["StreamDescription"]["StreamStatus"] == "ACTIVE"
    client.delete_stream(StreamName=stream_name)
    client.get_waiter("stream_not_exists").wait(StreamName=stream_name, WaiterConfig=FAST_WAITER)
    with pytest.raises(WaiterError):
        client.get_waiter("stream_exists").wait(StreamName=stream_name, WaiterConfig={"Delay": 1, "MaxAttempts": 1})


@pytest.mark.rivulet_only
def test_waiters_see_status_transitions(server_factory, client_factory, stream_name):
    slow = server_factory(extra_args=["--status-delay-ms", "1500"])
    client = client_factory(slow.endpoint)
    client.create_stream(StreamName=stream_name, ShardCount=1)
    assert client.describe_stream(StreamName=stream_name)["StreamDescription"]["StreamStatus"] == "CREATING"
    client.get_waiter("stream_exists").wait(StreamName=stream_name, WaiterConfig=FAST_WAITER)
    assert client.describe_stream(StreamName=stream_name)["StreamDescription"]["StreamStatus"] == "ACTIVE"
    client.delete_stream(StreamName=stream_name)
    assert client.describe_stream(StreamName=stream_name)["StreamDescription"]["StreamStatus"] == "DELETING"
    client.get_waiter("stream_not_exists").wait(StreamName=stream_name, WaiterConfig=FAST_WAITER)


def test_describe_stream_paginator(client, stream_name):
    create_stream(client, stream_name, 5)
    first = client.describe_stream(StreamName=stream_name, Limit=2)["StreamDescription"]
    assert [s["ShardId"] for s in first["Shards"]] == [shard_id(0), shard_id(1)]
    assert first["HasMoreShards"] is True
    rest = client.describe_stream(StreamName=stream_name, ExclusiveStartShardId=shard_id(1))["StreamDescription"]
    assert [s["ShardId"] for s in rest["Shards"]] == [shard_id(i) for i in range(2, 5)]
    assert rest["HasMoreShards"] is False

    result = client.get_paginator("describe_stream").paginate(
        StreamName=stream_name, PaginationConfig={"PageSize": 2}).build_full_result()
    assert [s["ShardId"] for s in result["StreamDescription"]["Shards"]] == [shard_id(i) for i in range(5)]
    assert result["StreamDescription"]["StreamName"] == stream_name


def test_list_shards_paginator(client, stream_name):
    create_stream(client, stream_name, 3)
    result = client.get_paginator("list_shards").paginate(StreamName=stream_name).build_full_result()
    assert [s["ShardId"] for s in result["Shards"]] == [shard_id(i) for i in range(3)]
    # botocore's paginator resends StreamName with NextToken on page 2; Kinesis refuses that
    # combination (InvalidArgumentException), so a paginated walk must follow NextToken alone.
    pages = client.get_paginator("list_shards").paginate(StreamName=stream_name, PaginationConfig={"PageSize": 1})
    with pytest.raises(ClientError) as excinfo:
        list(pages)
    assert error_code(excinfo) == "InvalidArgumentException"


# -- records ----------------------------------------------------------------------------------

def test_put_record_explicit_hash_key_routes_to_owning_shard(client, stream_name):
    create_stream(client, stream_name, 3)
    third = (HASH_KEY_MAX + 1) // 3
    cases = {
        0: shard_id(0),
        third - 1: shard_id(0),
        third: shard_id(1),
        2 * third - 1: shard_id(1),
        2 * third: shard_id(2),
        HASH_KEY_MAX: shard_id(2),
    }
    for hash_key, expected in cases.items():
        put = client.put_record(StreamName=stream_name, Data=b"x", PartitionKey="ignored",
                                ExplicitHashKey=str(hash_key))
        assert put["ShardId"] == expected, hash_key
        assert put["SequenceNumber"].isdigit()


def test_put_record_sequence_number_for_ordering(client, stream_name):
    create_stream(client, stream_name, 1)
    first = client.put_record(StreamName=stream_name, Data=b"first", PartitionKey="k")
    second = client.put_record(StreamName=stream_name, Data=b"second", PartitionKey="k",
                               SequenceNumberForOrdering=first["SequenceNumber"])
    third = client.put_record(StreamName=stream_name, Data=b"third", PartitionKey="k",
                              SequenceNumberForOrdering=second["SequenceNumber"])
    assert int(first["SequenceNumber"]) < int(second["SequenceNumber"]) < int(third["SequenceNumber"])
    records, _ = read_records(client, shard_iterator(client, stream_name, shard_id(0)), expected=3)
    assert [r["Data"] for r in records] == [b"first", b"second", b"third"]


def test_put_records_500_in_order_per_shard(client, stream_name):
    create_stream(client, stream_name, 4)
    entries = [{"Data": f"record-{i}".encode(), "PartitionKey": f"pk-{i % 37}"} for i in range(500)]
    response = client.put_records(StreamName=stream_name, Records=entries)
    assert response["FailedRecordCount"] == 0
    results = response["Records"]
    assert len(results) == 500

    expected_by_shard: dict[str, list[tuple[str, bytes]]] = {}
    for entry, result in zip(entries, results):
        assert "ErrorCode" not in result
        assert result["SequenceNumber"].isdigit()
        expected_by_shard.setdefault(result["ShardId"], []).append((result["SequenceNumber"], entry["Data"]))

    for shard, expected in expected_by_shard.items():
        sequence_numbers = [int(seq) for seq, _ in expected]
        assert sequence_numbers == sorted(sequence_numbers), f"{shard}: request order must be shard order"
        assert len(set(sequence_numbers)) == len(sequence_numbers)
        records, _ = read_records(client, shard_iterator(client, stream_name, shard), expected=len(expected))
        assert [(r["SequenceNumber"], r["Data"]) for r in records] == expected


def test_hash_key_distribution_follows_md5_ranges(client, stream_name):
    create_stream(client, stream_name, 4)
    shards = list_all_shards(client, stream_name)
    rng = random.Random(20131202)
    keys = ["".join(rng.choices(string.ascii_letters + string.digits, k=rng.randint(1, 40))) for _ in range(396)]
    keys += ["ключ-1", "键", "🔑-unicode", "a" * 256]
    response = client.put_records(StreamName=stream_name,
                                  Records=[{"Data": k.encode(), "PartitionKey": k} for k in keys])
    assert response["FailedRecordCount"] == 0
    counts: dict[str, int] = {}
    for key, result in zip(keys, response["Records"]):
        assert result["ShardId"] == shard_for(md5_hash_key(key), shards), key
        counts[result["ShardId"]] = counts.get(result["ShardId"], 0) + 1
    assert sorted(counts) == [shard_id(i) for i in range(4)]
    # Single put_record follows the same rule.
    for key in keys[:20]:
        put = client.put_record(StreamName=stream_name, Data=b"-", PartitionKey=key)
        assert put["ShardId"] == shard_for(md5_hash_key(key), shards)


def test_shard_iterator_types(client, stream_name):
    create_stream(client, stream_name, 1)
    shard = shard_id(0)
    puts = [client.put_record(StreamName=stream_name, Data=f"r{i}".encode(), PartitionKey="k") for i in range(5)]
    seqs = [p["SequenceNumber"] for p in puts]

    everything, _ = read_records(client, shard_iterator(client, stream_name, shard, "TRIM_HORIZON"), expected=5)
    assert [r["SequenceNumber"] for r in everything] == seqs

    at, _ = read_records(client, shard_iterator(client, stream_name, shard, "AT_SEQUENCE_NUMBER",
                                                StartingSequenceNumber=seqs[2]), expected=3)
    assert [r["Data"] for r in at] == [b"r2", b"r3", b"r4"]

    after, _ = read_records(client, shard_iterator(client, stream_name, shard, "AFTER_SEQUENCE_NUMBER",
                                                   StartingSequenceNumber=seqs[2]), expected=2)
    assert [r["Data"] for r in after] == [b"r3", b"r4"]

    latest_iterator = shard_iterator(client, stream_name, shard, "LATEST")
    response = client.get_records(ShardIterator=latest_iterator)
    assert response["Records"] == []
    client.put_record(StreamName=stream_name, Data=b"after-latest", PartitionKey="k")
    newer, _ = read_records(client, response["NextShardIterator"], expected=1)
    assert [r["Data"] for r in newer] == [b"after-latest"]

    past = utc_now() - dt.timedelta(hours=1)
    from_past, _ = read_records(client, shard_iterator(client, stream_name, shard, "AT_TIMESTAMP", Timestamp=past),
                                expected=6)
    assert [r["Data"] for r in from_past][:5] == [f"r{i}".encode() for i in range(5)]

    # boto3 sends timestamps as whole epoch seconds, so the boundary is that second's start.
    boundary = everything[3]["ApproximateArrivalTimestamp"].replace(microsecond=0)
    expected_from_boundary = [r["Data"] for r in everything if r["ApproximateArrivalTimestamp"] >= boundary]
    expected_from_boundary.append(b"after-latest")
    from_boundary, _ = read_records(client, shard_iterator(client, stream_name, shard, "AT_TIMESTAMP",
                                                           Timestamp=boundary),
                                    expected=len(expected_from_boundary))
    assert [r["Data"] for r in from_boundary] == expected_from_boundary

    with pytest.raises(ClientError) as excinfo:
        client.get_shard_iterator(StreamName=stream_name, ShardId=shard, ShardIteratorType="AT_TIMESTAMP",
                                  Timestamp=utc_now() + dt.timedelta(days=1))
    assert error_code(excinfo) == "InvalidArgumentException"


def test_get_records_limit_and_fields(client, stream_name):
    create_stream(client, stream_name, 1)
    before = utc_now()
    client.put_records(StreamName=stream_name,
                       Records=[{"Data": f"d{i}".encode(), "PartitionKey": f"p{i}"} for i in range(10)])
    iterator = shard_iterator(client, stream_name, shard_id(0))

    first = client.get_records(ShardIterator=iterator, Limit=3)
    assert len(first["Records"]) == 3
    assert first["NextShardIterator"]
    assert first["NextShardIterator"] != iterator
    assert isinstance(first["MillisBehindLatest"], int) and first["MillisBehindLatest"] >= 0
    for index, record in enumerate(first["Records"]):
        assert record["Data"] == f"d{index}".encode()
        assert record["PartitionKey"] == f"p{index}"
        assert record["SequenceNumber"].isdigit()
        arrival = record["ApproximateArrivalTimestamp"]
        assert isinstance(arrival, dt.datetime)
        assert before - dt.timedelta(minutes=1) <= arrival <= utc_now() + dt.timedelta(minutes=1)

    rest, iterator = read_records(client, first["NextShardIterator"], expected=7, limit=4)
    assert [r["Data"] for r in rest] == [f"d{i}".encode() for i in range(3, 10)]

    caught_up = client.get_records(ShardIterator=iterator)
    assert caught_up["Records"] == []
    assert caught_up["MillisBehindLatest"] == 0
    assert caught_up["NextShardIterator"], "an open shard always yields a NextShardIterator"
    again = client.get_records(ShardIterator=caught_up["NextShardIterator"])
    assert again["NextShardIterator"]


def test_records_with_empty_and_binary_data(client, stream_name):
    create_stream(client, stream_name, 1)
    payloads = [b"", bytes(range(256)), b"\x00" * 1000, "ünïcödé".encode()]
    for payload in payloads:
        client.put_record(StreamName=stream_name, Data=payload, PartitionKey="k")
    records, _ = read_records(client, shard_iterator(client, stream_name, shard_id(0)), expected=len(payloads))
    assert [r["Data"] for r in records] == payloads


# -- settings -----------------------------------------------------------------------------------

def test_retention_increase_and_decrease(client, stream_name):
    create_stream(client, stream_name, 1)

    def retention():
        wait_stream_active(client, stream_name)
        return client.describe_stream_summary(StreamName=stream_name)["StreamDescriptionSummary"][
            "RetentionPeriodHours"]

    client.increase_stream_retention_period(StreamName=stream_name, RetentionPeriodHours=48)
    assert retention() == 48
    client.increase_stream_retention_period(StreamName=stream_name, RetentionPeriodHours=8760)
    assert retention() == 8760
    client.decrease_stream_retention_period(StreamName=stream_name, RetentionPeriodHours=24)
    assert retention() == 24

    for call, hours in [
        (client.increase_stream_retention_period, 8761),
        (client.increase_stream_retention_period, 23),
        (client.decrease_stream_retention_period, 23),
        (client.decrease_stream_retention_period, 48),  # longer than the current 24
    ]:
        with pytest.raises(ClientError) as excinfo:
            call(StreamName=stream_name, RetentionPeriodHours=hours)
        assert error_code(excinfo) == "InvalidArgumentException", (call, hours)
    client.increase_stream_retention_period(StreamName=stream_name, RetentionPeriodHours=100)
    with pytest.raises(ClientError) as excinfo:
        client.increase_stream_retention_period(StreamName=stream_name, RetentionPeriodHours=50)
    assert error_code(excinfo) == "InvalidArgumentException"
    assert retention() == 100


def test_tags(client, stream_name):
    create_stream(client, stream_name, 1)
    arn = client.describe_stream_summary(StreamName=stream_name)["StreamDescriptionSummary"]["StreamARN"]
    tags = {f"key{i}": f"value{i}" for i in range(5)}
    client.add_tags_to_stream(StreamName=stream_name, Tags=tags)

    listed = client.list_tags_for_stream(StreamName=stream_name)
    assert {t["Key"]: t["Value"] for t in listed["Tags"]} == tags
    assert listed["HasMoreTags"] is False

    page = client.list_tags_for_stream(StreamName=stream_name, Limit=2)
    assert len(page["Tags"]) == 2
    assert page["HasMoreTags"] is True
    seen = [t["Key"] for t in page["Tags"]]
    while page["HasMoreTags"]:
        page = client.list_tags_for_stream(StreamName=stream_name, Limit=2, ExclusiveStartTagKey=seen[-1])
        seen.extend(t["Key"] for t in page["Tags"])
    assert sorted(seen) == sorted(tags) and len(seen) == len(tags)

    client.add_tags_to_stream(StreamName=stream_name, Tags={"key0": "changed"})
    client.remove_tags_from_stream(StreamName=stream_name, TagKeys=["key3", "key4"])
    listed = client.list_tags_for_stream(StreamName=stream_name)["Tags"]
    assert {t["Key"]: t["Value"] for t in listed} == {"key0": "changed", "key1": "value1", "key2": "value2"}

    client.tag_resource(ResourceARN=arn, Tags={"owner": "platform"})
    by_arn = client.list_tags_for_resource(ResourceARN=arn)["Tags"]
    assert {t["Key"]: t["Value"] for t in by_arn} == {
        "key0": "changed", "key1": "value1", "key2": "value2", "owner": "platform"}
    client.untag_resource(ResourceARN=arn, TagKeys=["key1", "owner"])
    remaining = client.list_tags_for_stream(StreamARN=arn)["Tags"]
    assert {t["Key"]: t["Value"] for t in remaining} == {"key0": "changed", "key2": "value2"}


def test_update_stream_mode(client, stream_name):
    create_stream(client, stream_name, 2)
    arn = client.describe_stream_summary(StreamName=stream_name)["StreamDescriptionSummary"]["StreamARN"]
    client.update_stream_mode(StreamARN=arn, StreamModeDetails={"StreamMode": "ON_DEMAND"})
    summary = wait_stream_active(client, stream_name)
    assert summary["StreamModeDetails"] == {"StreamMode": "ON_DEMAND"}
    client.update_stream_mode(StreamARN=arn, StreamModeDetails={"StreamMode": "PROVISIONED"})
    summary = wait_stream_active(client, stream_name)
    assert summary["StreamModeDetails"] == {"StreamMode": "PROVISIONED"}
    # The stream still takes writes after the switches.
    assert client.put_record(StreamName=stream_name, Data=b"x", PartitionKey="k")["SequenceNumber"]


def test_describe_limits(server):
    client = make_client(server.endpoint, region="sa-east-1")
    before = client.describe_limits()
    for key in ("ShardLimit", "OpenShardCount", "OnDemandStreamCount", "OnDemandStreamCountLimit"):
        assert isinstance(before[key], int), key
    assert before["ShardLimit"] > 0
    name = unique_name("limits")
    create_stream(client, name, 3)
    after = client.describe_limits()
    assert after["OpenShardCount"] == before["OpenShardCount"] + 3
    client.delete_stream(StreamName=name)
    wait_stream_gone(client, name)
    assert client.describe_limits()["OpenShardCount"] == before["OpenShardCount"]


def test_stream_arn_in_place_of_stream_name(client, stream_name):
    create_stream(client, stream_name, 2)
    arn = f"arn:aws:kinesis:us-east-1:{ACCOUNT_ID}:stream/{stream_name}"

    assert client.describe_stream(StreamARN=arn)["StreamDescription"]["StreamName"] == stream_name
    assert client.describe_stream_summary(StreamARN=arn)["StreamDescriptionSummary"]["StreamName"] == stream_name
    assert len(client.list_shards(StreamARN=arn)["Shards"]) == 2
    put = client.put_record(StreamARN=arn, Data=b"by-arn", PartitionKey="k")
    batch = client.put_records(StreamARN=arn, Records=[{"Data": b"batch-by-arn", "PartitionKey": "k"}])
    assert batch["FailedRecordCount"] == 0
    iterator = client.get_shard_iterator(StreamARN=arn, ShardId=put["ShardId"],
                                         ShardIteratorType="TRIM_HORIZON")["ShardIterator"]
    records, _ = read_records(client, iterator, expected=2)
    assert [r["Data"] for r in records] == [b"by-arn", b"batch-by-arn"]

    client.add_tags_to_stream(StreamARN=arn, Tags={"via": "arn"})
    assert client.list_tags_for_stream(StreamARN=arn)["Tags"] == [{"Key": "via", "Value": "arn"}]
    client.remove_tags_from_stream(StreamARN=arn, TagKeys=["via"])
    client.increase_stream_retention_period(StreamARN=arn, RetentionPeriodHours=36)
    wait_stream_active(client, arn=arn)
    client.decrease_stream_retention_period(StreamARN=arn, RetentionPeriodHours=24)
    wait_stream_active(client, arn=arn)
    client.delete_stream(StreamARN=arn)
    wait_stream_gone(client, stream_name)


@pytest.mark.skipif(IS_MOTO, reason="moto does not wait between statuses")
def test_wait_helper_polls_not_sleeps(client, stream_name):
    # A cheap guard that the suite's polling helper itself fails when a condition never holds.
    with pytest.raises(AssertionError):
        wait_for(lambda: False, 0.2, "nothing")
