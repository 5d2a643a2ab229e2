"""A producer that keeps writing numbered records through server crashes.

Run as a separate process by test_durability.py. Every record the server acknowledges is
appended to the ack log as one JSON line {"shard", "seq", "data"}. Records the server did not
acknowledge (connection lost, per-record failure) are sent again with the same payload, so a
payload may be stored more than once, but an acknowledged (shard, sequence number) never is.

argv: endpoint_file stream region ack_log stop_file batch_size
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

import boto3
from botocore.config import Config

DUMMY_ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE"
DUMMY_SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"


def client_for(endpoint: str, region: str):
    config = Config(retries={"max_attempts": 1, "mode": "standard"}, connect_timeout=2, read_timeout=20)
    return boto3.client(
        "kinesis", endpoint_url=endpoint, region_name=region, config=config,
        aws_access_key_id=DUMMY_ACCESS_KEY, aws_secret_access_key=DUMMY_SECRET_KEY,
    )


def main() -> int:
    endpoint_file, stream, region, ack_log, stop_file, batch_size = sys.argv[1:7]
    batch_size = int(batch_size)
    endpoint_path, stop_path = Path(endpoint_file), Path(stop_file)
    endpoint = endpoint_path.read_text().strip()
    client = client_for(endpoint, region)
    counter = 0
    pending: list[str] = []
    failures = 0
    with open(ack_log, "a", buffering=1) as log:
        while not stop_path.exists():
            while len(pending) < batch_size:
                pending.append(f"record-{counter:08d}")
                counter += 1
            try:
                response = client.put_records(
                    StreamName=stream,
                    Records=[{"Data": payload.encode(), "PartitionKey": payload} for payload in pending],
                )
            except Exception as error:  # noqa: BLE001 - the server is being killed on purpose
                failures += 1
                current = endpoint_path.read_text().strip()
                if current != endpoint:
                    endpoint = current
                    client = client_for(endpoint, region)
                print(f"writer: put_records failed ({type(error).__name__}); retrying", file=sys.stderr)
                time.sleep(0.05)
                continue
            unacknowledged = []
            for payload, result in zip(pending, response["Records"]):
                if "SequenceNumber" in result and "ErrorCode" not in result:
                    log.write(json.dumps({"shard": result["ShardId"], "seq": result["SequenceNumber"],
                                          "data": payload}) + "\n")
                else:
                    unacknowledged.append(payload)
            log.flush()
            os.fsync(log.fileno())
            pending = unacknowledged
    print(f"writer: stopped after {counter} payloads, {failures} failed calls", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
