"""Shared helpers for the black-box interop suite: server processes, clients, polling.

Everything here talks to a real `rivulet server` process over HTTP, exactly as a user's
tools would. Nothing waits a fixed time: every wait polls a condition up to a deadline.
"""

from __future__ import annotations

import json
import os
import queue
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import boto3
from botocore.config import Config

ROOT = Path(__file__).resolve().parents[2]

# Hidden switch for validating the suite itself against moto before the server exists.
TARGET = os.environ.get("INTEROP_TARGET", "rivulet")
IS_MOTO = TARGET == "moto"

ACCOUNT_ID = "123456789012" if IS_MOTO else "000000000000"
HASH_KEY_MAX = 2**128 - 1

DUMMY_ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE"
DUMMY_SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"

# Generous: the machine may be a loaded 2-core box, and recovery may scan logs.
STARTUP_DEADLINE_SECONDS = float(os.environ.get("INTEROP_STARTUP_DEADLINE", "120"))
STATUS_DEADLINE_SECONDS = 60.0

LISTENING_LINE = re.compile(r"^rivulet server listening on (https?://127\.0\.0\.1:(\d+))\s*$")


def binary_path() -> Path:
    configured = os.environ.get("RIVULET_BINARY")
    if configured:
        return Path(configured).resolve()
    release = ROOT / ".build" / "release" / "rivulet"
    if release.exists():
        return release
    return ROOT / ".build" / "debug" / "rivulet"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def unique_name(prefix: str = "s") -> str:
    cleaned = re.sub(r"[^a-zA-Z0-9_.-]", "-", prefix)[:60]
    return f"{cleaned}-{uuid.uuid4().hex[:10]}"


def wait_for(predicate, timeout: float, message: str, interval: float = 0.05):
    """Poll `predicate` until it returns a truthy value; return that value or fail."""
    deadline = time.monotonic() + timeout
    last_error = None
    while True:
        try:
            value = predicate()
            if value:
                return value
        except Exception as error:  # noqa: BLE001 - the condition may raise while not ready
            last_error = error
        if time.monotonic() >= deadline:
            detail = f" (last error: {last_error!r})" if last_error else ""
            raise AssertionError(f"timed out after {timeout:.0f}s waiting for {message}{detail}")
        time.sleep(interval)


class ChildProcess:
    """What the suite's long-running children share: `process` (a Popen leading its own session) and `_log_file`."""

    process: subprocess.Popen | None = None
    _log_file = None
    #: How failures name the process.
    name = "server"
    terminate_deadline_seconds = 60.0

    def terminate(self, timeout: float | None = None) -> int:
        """SIGTERM and wait for a graceful exit; returns the exit status."""
        timeout = self.terminate_deadline_seconds if timeout is None else timeout
        assert self.process is not None
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            code = self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            raise AssertionError(f"{self.name} did not exit within {timeout:.0f}s of SIGTERM\n{self.log_tail()}")
        self._close_log()
        return code

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def kill(self) -> int | None:
        """SIGKILL, as a crash would; returns the exit status."""
        if self.process is None:
            return None
        if self.process.poll() is None:
            try:
                # The process leads its own session: take any helper children down with it.
                os.killpg(self.process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        code = self.process.wait(timeout=60)
        self._close_log()
        return code

    def _close_log(self):
        if self._log_file is not None:
            self._log_file.close()
            self._log_file = None


class ServerProcess(ChildProcess):
    """One `rivulet server` process on a data dir; restartable on the same dir."""

    def __init__(self, data_dir: Path, log_dir: Path, extra_args: list[str] | None = None):
        self.data_dir = Path(data_dir)
        self.log_dir = Path(log_dir)
        self.extra_args = list(extra_args or [])
        self.process: subprocess.Popen | None = None
        self.endpoint: str | None = None
        self.port: int | None = None
        self.starts = 0
        self._log_file = None
        self.log_path: Path | None = None

    # -- lifecycle -------------------------------------------------------------------------
    def command(self) -> list[str]:
        if IS_MOTO:
            self.port = free_port()
            return [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(self.port)]
        binary = binary_path()
        if not binary.exists():
            raise AssertionError(
                f"rivulet binary not found at {binary}; build it with "
                "`swift build -c release --product rivulet` or set RIVULET_BINARY"
            )
        return [
            str(binary), "server",
            "--host", "127.0.0.1",
            "--port", "0",
            "--data-dir", str(self.data_dir),
            *self.extra_args,
        ]

    def start(self) -> "ServerProcess":
        assert self.process is None or self.process.poll() is not None, "already running"
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.log_dir.mkdir(parents=True, exist_ok=True)
        self.starts += 1
        self.log_path = self.log_dir / f"server-{self.starts}.log"
        self._log_file = open(self.log_path, "wb")
        self.process = subprocess.Popen(
            self.command(),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=self._log_file,
            start_new_session=True,
        )
        if IS_MOTO:
            self._wait_for_moto()
        else:
            self._wait_for_listening_line()
        return self

    def _wait_for_listening_line(self):
        lines: queue.Queue = queue.Queue()
        stdout = self.process.stdout

        def pump():
            # Keep draining stdout for the process's whole life so it can never block on it.
            for raw in iter(stdout.readline, b""):
                lines.put(raw.decode("utf-8", "replace"))
            lines.put(None)

        threading.Thread(target=pump, daemon=True).start()
        deadline = time.monotonic() + STARTUP_DEADLINE_SECONDS
        seen = []
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                self.kill()
                raise AssertionError(
                    f"server did not print its listening line within {STARTUP_DEADLINE_SECONDS:.0f}s; "
                    f"stdout so far: {seen!r}\n{self.log_tail()}"
                )
            try:
                line = lines.get(timeout=min(remaining, 1.0))
            except queue.Empty:
                continue
            if line is None:
                code = self.process.wait()
                raise AssertionError(
                    f"server exited with {code} before listening; stdout: {seen!r}\n{self.log_tail()}"
                )
            seen.append(line)
            match = LISTENING_LINE.match(line.rstrip("\r\n"))
            if match:
                self.endpoint = match.group(1)
                self.port = int(match.group(2))
                return

    def _wait_for_moto(self):
        self.endpoint = f"http://127.0.0.1:{self.port}"

        def ready():
            if self.process.poll() is not None:
                raise AssertionError(f"moto exited early\n{self.log_tail()}")
            with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                return True

        wait_for(ready, STARTUP_DEADLINE_SECONDS, "moto to accept connections")

    def restart(self) -> "ServerProcess":
        return self.start()

    def log_tail(self, lines: int = 40) -> str:
        if self.log_path is None or not self.log_path.exists():
            return "(no server log)"
        text = self.log_path.read_text("utf-8", "replace").splitlines()
        return f"--- last lines of {self.log_path} ---\n" + "\n".join(text[-lines:])


# -- clients ----------------------------------------------------------------------------------

def make_client(endpoint: str, region: str = "us-east-1", access_key: str = DUMMY_ACCESS_KEY,
                secret_key: str = DUMMY_SECRET_KEY, retries: int = 3, read_timeout: float = 60,
                verify: str | bool | None = None, session_token: str | None = None):
    """A boto3 Kinesis client pointed at `endpoint` with dummy (or given) credentials."""
    config = Config(
        retries={"max_attempts": retries, "mode": "standard"},
        connect_timeout=10,
        read_timeout=read_timeout,
    )
    session = boto3.session.Session(
        aws_access_key_id=access_key,
        aws_secret_access_key=secret_key,
        aws_session_token=session_token,
        region_name=region,
    )
    return session.client("kinesis", endpoint_url=endpoint, config=config, verify=verify)


def cli_env(tmp_dir: Path, region: str = "us-east-1") -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(
        AWS_ACCESS_KEY_ID=DUMMY_ACCESS_KEY,
        AWS_SECRET_ACCESS_KEY=DUMMY_SECRET_KEY,
        AWS_DEFAULT_REGION=region,
        AWS_CONFIG_FILE=str(tmp_dir / "aws-config-absent"),
        AWS_SHARED_CREDENTIALS_FILE=str(tmp_dir / "aws-credentials-absent"),
        AWS_EC2_METADATA_DISABLED="true",
        AWS_PAGER="",
    )
    return env


def aws_cli_major_version() -> int:
    result = subprocess.run(["aws", "--version"], capture_output=True, text=True, timeout=60,
                            stdin=subprocess.DEVNULL)
    match = re.search(r"aws-cli/(\d+)", result.stdout + result.stderr)
    return int(match.group(1)) if match else 1


class AwsCli:
    """Runs the real `aws` CLI against an endpoint and parses its JSON output."""

    _major_version: int | None = None

    @property
    def raw_binary_args(self) -> list[str]:
        """AWS CLI v2 needs `--cli-binary-format raw-in-base64-out` to send --data as-is;
        v1 always sends it as-is and rejects the option."""
        if AwsCli._major_version is None:
            AwsCli._major_version = aws_cli_major_version()
        return ["--cli-binary-format", "raw-in-base64-out"] if AwsCli._major_version >= 2 else []

    def __init__(self, endpoint: str, tmp_dir: Path):
        self.endpoint = endpoint
        self.tmp_dir = Path(tmp_dir)
        self.tmp_dir.mkdir(parents=True, exist_ok=True)

    def run(self, *args: str, check: bool = True, timeout: float = 120):
        command = ["aws", *args, "--endpoint-url", self.endpoint, "--output", "json"]
        result = subprocess.run(
            command, env=cli_env(self.tmp_dir), capture_output=True, text=True, timeout=timeout,
            stdin=subprocess.DEVNULL,
        )
        if check and result.returncode != 0:
            raise AssertionError(
                f"`{' '.join(command)}` exited {result.returncode}\nstdout: {result.stdout}\nstderr: {result.stderr}"
            )
        result.json = json.loads(result.stdout) if result.stdout.strip() else None
        return result

    def __call__(self, *args: str, **kwargs):
        return self.run(*args, **kwargs).json


# -- streams ----------------------------------------------------------------------------------

def wait_stream_active(client, name: str | None = None, arn: str | None = None,
                       timeout: float = STATUS_DEADLINE_SECONDS) -> dict:
    key = {"StreamARN": arn} if arn else {"StreamName": name}

    deadline = time.monotonic() + timeout
    while True:
        # A missing stream fails at once: CreateStream makes it visible (CREATING) before it returns.
        summary = client.describe_stream_summary(**key)["StreamDescriptionSummary"]
        if summary["StreamStatus"] == "ACTIVE":
            return summary
        if time.monotonic() >= deadline:
            raise AssertionError(f"stream {name or arn} still {summary['StreamStatus']} after {timeout:.0f}s")
        time.sleep(0.1)


def wait_stream_gone(client, name: str, timeout: float = STATUS_DEADLINE_SECONDS):
    def gone():
        try:
            client.describe_stream_summary(StreamName=name)
        except client.exceptions.ResourceNotFoundException:
            return True
        return False

    wait_for(gone, timeout, f"stream {name} to disappear", interval=0.1)


def create_stream(client, name: str, shard_count: int | None = 1, **kwargs) -> dict:
    params = {"StreamName": name, **kwargs}
    if shard_count is not None:
        params["ShardCount"] = shard_count
    client.create_stream(**params)
    return wait_stream_active(client, name)


def even_split(shard_count: int) -> list[tuple[int, int]]:
    """The hash key ranges Kinesis gives a new stream of `shard_count` shards."""
    step = (HASH_KEY_MAX + 1) // shard_count
    ranges = []
    for index in range(shard_count):
        start = index * step
        end = HASH_KEY_MAX if index == shard_count - 1 else (index + 1) * step - 1
        ranges.append((start, end))
    return ranges


def shard_id(index: int) -> str:
    return f"shardId-{index:012d}"


def list_all_shards(client, name: str) -> list[dict]:
    shards, token = [], None
    while True:
        page = client.list_shards(NextToken=token) if token else client.list_shards(StreamName=name)
        shards.extend(page["Shards"])
        token = page.get("NextToken")
        if not token:
            return shards


def read_records(client, iterator: str, expected: int | None = None,
                 timeout: float = 60, limit: int | None = None) -> tuple[list[dict], str]:
    """Follow NextShardIterator. With `expected`, poll until that many records arrived;
    otherwise read until a call returns nothing and MillisBehindLatest is 0."""
    records: list[dict] = []
    deadline = time.monotonic() + timeout
    while True:
        params = {"ShardIterator": iterator}
        if limit:
            params["Limit"] = limit
        response = client.get_records(**params)
        records.extend(response["Records"])
        assert "NextShardIterator" in response, "open shard must always return NextShardIterator"
        iterator = response["NextShardIterator"]
        if expected is not None:
            if len(records) >= expected:
                return records, iterator
        elif not response["Records"] and response.get("MillisBehindLatest", 0) == 0:
            return records, iterator
        if time.monotonic() > deadline:
            raise AssertionError(f"read {len(records)} records, expected {expected}, before deadline")
        if not response["Records"]:
            time.sleep(0.05)


def shard_iterator(client, name: str, shard: str, kind: str = "TRIM_HORIZON", **kwargs) -> str:
    return client.get_shard_iterator(
        StreamName=name, ShardId=shard, ShardIteratorType=kind, **kwargs
    )["ShardIterator"]
