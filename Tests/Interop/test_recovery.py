"""Damage on disk after a crash: every intact record survives, sequence numbers are never reused, `--verify`
reports what is damaged, and a second server on the same data dir is refused."""

from __future__ import annotations

import struct
import subprocess
from pathlib import Path

import pytest

from interop import binary_path, create_stream, read_records, shard_iterator, unique_name, wait_stream_active

pytestmark = pytest.mark.rivulet_only


def segments(data_dir: Path) -> list[Path]:
    # The server keeps its store in <data-dir>/streams, whose streams/ folder holds one folder per stream.
    return sorted((data_dir / "streams" / "streams").glob("*/shardId-000000000000/*.log"))


def frame_offsets(segment: Path) -> list[tuple[int, int]]:
    """(offset, first position) of each frame: payload length u32, CRC32C u32, first position u64, ..."""
    data = segment.read_bytes()
    frames, offset = [], 0
    while offset + 28 <= len(data):
        length, = struct.unpack_from("<I", data, offset)
        position, = struct.unpack_from("<Q", data, offset + 8)
        frames.append((offset, position))
        offset += 8 + length
    return frames


def flip_byte(path: Path, offset: int):
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x5A
    path.write_bytes(bytes(data))


def verify(data_dir: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(binary_path()), "server", "--verify", "--data-dir", str(data_dir)],
        capture_output=True, text=True, timeout=60)


def test_flipped_bytes_lose_only_their_records_and_new_sequence_numbers_move_past_all_old_ones(
        server_factory, client_factory, tmp_path):
    data_dir = tmp_path / "data"
    server = server_factory(data_dir=data_dir)
    client = client_factory(server.endpoint)
    name = unique_name("recovery")
    create_stream(client, name, shard_count=1)
    wait_stream_active(client, name)
    sent = {}
    for number in range(30):
        response = client.put_record(StreamName=name, Data=f"record-{number}".encode(), PartitionKey="key")
        sent[response["SequenceNumber"]] = f"record-{number}".encode()
    server.kill()

    assert verify(data_dir).returncode == 0
    segment = segments(data_dir)[-1]
    frames = frame_offsets(segment)
    assert len(frames) == 30, "one PutRecord, one frame"
    for damaged in (5, 20):
        flip_byte(segment, frames[damaged][0] + 30)
    result = verify(data_dir)
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stdout.count("frame checksum mismatch") == 2, result.stdout
    assert segment.name in result.stdout

    server.restart()
    client = client_factory(server.endpoint)  # port 0: the restarted server listens elsewhere
    records, _ = read_records(client, shard_iterator(client, name, "shardId-000000000000"))
    lost = {list(sent)[5], list(sent)[20]}
    assert {record["SequenceNumber"]: record["Data"] for record in records} == {
        sequence: data for sequence, data in sent.items() if sequence not in lost}
    new = client.put_record(StreamName=name, Data=b"after", PartitionKey="key")["SequenceNumber"]
    assert int(new) > max(int(sequence) for sequence in sent)
    assert segment.stat().st_size >= frames[-1][0], "damaged bytes are kept, not cut"


def test_verify_cannot_check_a_folder_without_a_store(tmp_path):
    result = verify(tmp_path / "nothing-here")
    assert result.returncode == 2, result.stdout + result.stderr
    assert "cannot check" in result.stderr


def test_a_second_server_on_the_same_data_dir_is_refused_naming_the_first(server_factory, tmp_path):
    data_dir = tmp_path / "shared-data"
    first = server_factory(data_dir=data_dir)
    second = subprocess.run(
        [str(binary_path()), "server", "--host", "127.0.0.1", "--port", "0", "--data-dir", str(data_dir)],
        capture_output=True, text=True, timeout=60)
    assert second.returncode != 0
    assert f"pid {first.process.pid}" in second.stderr, second.stderr
    assert first.alive()
