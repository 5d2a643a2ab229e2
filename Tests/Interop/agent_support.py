"""Running `rivulet agent` against real files and a real server, and reading back what reached the stream.

Shared by test_agent.py, scripts/agent-torture and scripts/bench-agent. Like interop.py, nothing here waits a fixed
time for correctness: every wait polls a condition up to a generous deadline.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import requests

from interop import (
    DUMMY_ACCESS_KEY,
    DUMMY_SECRET_KEY,
    STARTUP_DEADLINE_SECONDS,
    ChildProcess,
    ServerProcess,
    binary_path,
    list_all_shards,
    wait_for,
)

AGENT_STARTED = "rivulet agent started"
METRICS_LINE = re.compile(r"rivulet agent metrics on (http://[^\s/]+)/metrics")
PROGRESS_LINE = re.compile(
    r"Agent: Progress: (\d+) records parsed \((\d+) bytes\), and (\d+) records sent successfully to "
    r"destinations\. Uptime: (\d+)ms"
)
# A KPL aggregated record starts with these four bytes.
AGGREGATION_MAGIC = b"\xf3\x89\x9a\xc2"

# Everything an agent run may take on a loaded 2-core machine: startup, a retry backoff or two, a flush.
AGENT_DEADLINE_SECONDS = float(os.environ.get("INTEROP_AGENT_DEADLINE", "120"))
COMMAND_TIMEOUT_SECONDS = 300


# -- configuration ----------------------------------------------------------------------------

def agent_config(endpoint: str, checkpoint_file: Path, flows: list[dict], **settings) -> dict:
    """An agent.json for a local endpoint: dummy credentials, checkpoints in the caller's directory, a progress
    line every second and metrics on a free port (settings override any of these; a value of None removes it)."""
    config = {
        "kinesis.endpoint": endpoint,
        "kinesis.region": "us-east-1",
        "awsAccessKeyId": DUMMY_ACCESS_KEY,
        "awsSecretAccessKey": DUMMY_SECRET_KEY,
        "checkpointFile": str(checkpoint_file),
        "log.statusReportingPeriodSeconds": 1,
        "metrics.listen": "127.0.0.1:0",
        "flows": flows,
    }
    config.update(settings)
    return {key: value for key, value in config.items() if value is not None}


def flow(pattern, stream: str, **options) -> dict:
    """A flow sending quickly: buffers go out after a second instead of the Kinesis Agent's default minute."""
    return {"filePattern": str(pattern), "kinesisStream": stream, "maxBufferAgeMillis": 1000, **options}


def write_config(path: Path, config: dict, header: str | None = None) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(config, indent=2)
    if header:
        text = header.rstrip("\n") + "\n" + text
    path.write_text(text + "\n")
    return path


def agent_environment(home: Path | None = None) -> dict:
    """No AWS settings from the caller's environment or ~/.aws: the agent must use what the config says."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("AWS_")}
    base = Path(home) if home else Path("/nonexistent-rivulet-agent-home")
    env["AWS_CONFIG_FILE"] = str(base / "aws-config-absent")
    env["AWS_SHARED_CREDENTIALS_FILE"] = str(base / "aws-credentials-absent")
    env["AWS_EC2_METADATA_DISABLED"] = "true"
    return env


# -- one-shot agent commands ------------------------------------------------------------------

def run_agent(*args: str, timeout: float = COMMAND_TIMEOUT_SECONDS) -> subprocess.CompletedProcess:
    """`rivulet agent ARGS...` to completion; text output."""
    command = [str(binary_path()), "agent", *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout,
                          stdin=subprocess.DEVNULL, env=agent_environment())


def describe(result: subprocess.CompletedProcess) -> str:
    return (f"`{' '.join(map(str, result.args))}` exited {result.returncode}\n"
            f"stdout: {result.stdout[-3000:]}\nstderr: {result.stderr[-6000:]}")


def run_once(config_path: Path, timeout: float = COMMAND_TIMEOUT_SECONDS) -> subprocess.CompletedProcess:
    result = run_agent("--config", config_path, "--once", timeout=timeout)
    assert result.returncode == 0, describe(result)
    return result


def agent_status(config_path: Path) -> dict:
    result = run_agent("status", "--config", config_path, "--json", timeout=120)
    assert result.returncode == 0, describe(result)
    return json.loads(result.stdout)


def status_files(status: dict) -> list[dict]:
    return [entry for one in status.get("flows", []) for entry in one.get("files", [])]


def caught_up(config_path: Path) -> bool:
    """Whether the last checkpoints cover every tracked file to its end."""
    files = status_files(agent_status(config_path))
    return bool(files) and all(entry["behindBytes"] == 0 for entry in files)


# -- a running agent --------------------------------------------------------------------------

class AgentProcess(ChildProcess):
    """One `rivulet agent --config PATH` process; stdout is drained for its whole life, stderr goes to a log file.
    SIGTERM (`terminate`) waits for it to flush, checkpoint and exit."""

    name = "agent"
    terminate_deadline_seconds = AGENT_DEADLINE_SECONDS

    def __init__(self, config_path: Path, log_dir: Path, extra_args: list[str] | None = None):
        self.config_path = Path(config_path)
        self.log_dir = Path(log_dir)
        self.extra_args = list(extra_args or [])
        self.process: subprocess.Popen | None = None
        self.stdout_lines: list[str] = []
        self.starts = 0
        self.log_path: Path | None = None
        self._log_file = None
        self._stdout_done = threading.Event()

    def command(self) -> list[str]:
        return [str(binary_path()), "agent", "--config", str(self.config_path), *self.extra_args]

    def launch(self) -> "AgentProcess":
        """Start the process without waiting for it to report anything."""
        assert self.process is None or self.process.poll() is not None, "agent already running"
        self.log_dir.mkdir(parents=True, exist_ok=True)
        self.starts += 1
        self.log_path = self.log_dir / f"agent-{self.starts}.log"
        self._log_file = open(self.log_path, "wb")
        self.stdout_lines = []
        self._stdout_done = threading.Event()
        self.process = subprocess.Popen(
            self.command(), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=self._log_file,
            start_new_session=True, env=agent_environment(),
        )
        stdout, lines, done = self.process.stdout, self.stdout_lines, self._stdout_done

        def pump():
            # Never let the agent block on a full stdout pipe.
            for raw in iter(stdout.readline, b""):
                lines.append(raw.decode("utf-8", "replace").rstrip("\r\n"))
            done.set()

        threading.Thread(target=pump, daemon=True).start()
        return self

    def start(self, timeout: float = STARTUP_DEADLINE_SECONDS) -> "AgentProcess":
        """Start and wait for the started line."""
        self.launch()
        self.wait_started(timeout)
        return self

    def wait_started(self, timeout: float = STARTUP_DEADLINE_SECONDS):
        def started():
            if any(AGENT_STARTED in line for line in self.stdout_lines):
                return True
            if self.process.poll() is not None and self._stdout_done.is_set():
                raise AssertionError(
                    f"agent exited with {self.process.returncode} before starting; stdout: {self.stdout_lines!r}\n"
                    f"{self.log_tail()}")
            return False

        try:
            wait_for(started, timeout, f"the agent's '{AGENT_STARTED}' line", interval=0.05)
        except AssertionError as error:
            if "timed out" in str(error):
                raise AssertionError(f"{error}\nstdout: {self.stdout_lines!r}\n{self.log_tail()}") from None
            raise

    def metrics_url(self, timeout: float = 60) -> str:
        def found():
            for line in self.stdout_lines:
                match = METRICS_LINE.search(line)
                if match:
                    return match.group(1) + "/metrics"
            return None

        return wait_for(found, timeout, "the agent's metrics line on stdout", interval=0.05)

    @property
    def pid(self) -> int:
        return self.process.pid

    def wait_exit(self, timeout: float = AGENT_DEADLINE_SECONDS) -> int:
        try:
            code = self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            raise AssertionError(f"agent did not exit within {timeout:.0f}s\n{self.log_tail()}")
        self._stdout_done.wait(timeout=10)
        self._close_log()
        return code

    def log_text(self) -> str:
        if self.log_path is None or not self.log_path.exists():
            return ""
        return self.log_path.read_text("utf-8", "replace")

    def log_tail(self, lines: int = 60) -> str:
        if self.log_path is None or not self.log_path.exists():
            return "(no agent log)"
        text = self.log_text().splitlines()
        return f"--- last lines of {self.log_path} ---\n" + "\n".join(text[-lines:])

    def progress(self) -> tuple[int, int, int] | None:
        """The last progress line of this run: (records parsed, bytes parsed, records sent)."""
        matches = PROGRESS_LINE.findall(self.log_text())
        if not matches:
            return None
        parsed, parsed_bytes, sent, _uptime = matches[-1]
        return int(parsed), int(parsed_bytes), int(sent)

    def wait_progress(self, parsed: int = 0, sent: int = 0, timeout: float = AGENT_DEADLINE_SECONDS):
        """Wait for a progress line with at least these counts."""
        def reached():
            if not self.alive():
                raise AssertionError(f"agent exited with {self.process.returncode}\n{self.log_tail()}")
            last = self.progress()
            return last is not None and last[0] >= parsed and last[2] >= sent and last

        try:
            return wait_for(reached, timeout, f"a progress line with >= {parsed} parsed and >= {sent} sent",
                            interval=0.2)
        except AssertionError as error:
            raise AssertionError(f"{error}\nlast progress: {self.progress()}\n{self.log_tail()}") from None


# -- a server that comes back on the same port ------------------------------------------------

class PinnedServerProcess(ServerProcess):
    """A server whose restarts listen on the port its first start was given, so an agent configured with the
    endpoint reaches it again after an outage."""

    def __init__(self, data_dir: Path, log_dir: Path, extra_args: list[str] | None = None):
        super().__init__(data_dir, log_dir, extra_args)
        self.pinned_port: int | None = None

    def command(self) -> list[str]:
        command = super().command()
        if self.pinned_port is not None:
            index = command.index("--port")
            command[index + 1] = str(self.pinned_port)
        return command

    def start(self) -> "PinnedServerProcess":
        super().start()
        if self.pinned_port is None:
            self.pinned_port = self.port
        assert self.port == self.pinned_port, f"server came back on {self.port}, not {self.pinned_port}"
        return self

    def restart_on_same_port(self, timeout: float = 120) -> "PinnedServerProcess":
        """The old listening socket may linger for a moment after exit: retry until the port is ours again."""
        def started():
            self.start()
            return True

        wait_for(started, timeout, f"the server to listen again on port {self.pinned_port}", interval=0.5)
        return self


# -- reading what reached the stream ----------------------------------------------------------

@dataclass
class UserRecord:
    """One record as a consumer sees it after deaggregation."""
    data: bytes
    partition_key: str
    shard_id: str
    sequence_number: str
    sub_sequence_number: int | None = None
    explicit_hash_key: str | None = None

    @property
    def aggregated(self) -> bool:
        return self.sub_sequence_number is not None


def is_aggregated(data: bytes) -> bool:
    """A valid KPL aggregate: magic, protobuf, then the MD5 of the protobuf."""
    if not data.startswith(AGGREGATION_MAGIC) or len(data) <= len(AGGREGATION_MAGIC) + 16:
        return False
    body = data[len(AGGREGATION_MAGIC):]
    return hashlib.md5(body[:-16]).digest() == body[-16:]


def deaggregate(record: dict, shard: str) -> list[UserRecord]:
    """The user records of one boto3 record, through the PyPI aws-kinesis-agg deaggregator (a plain record passes
    through as itself)."""
    from aws_kinesis_agg.deaggregator import iter_deaggregate_records

    data = bytes(record["Data"])
    if not data.startswith(AGGREGATION_MAGIC):
        return [UserRecord(data, record["PartitionKey"], shard, record["SequenceNumber"])]
    users = []
    for user in iter_deaggregate_records([record], data_format="Boto3"):
        fields = user["kinesis"]
        if fields.get("aggregated"):
            users.append(UserRecord(base64.b64decode(fields["data"]), fields["partitionKey"], shard,
                                    fields["sequenceNumber"], fields["subSequenceNumber"],
                                    fields.get("explicitHashKey")))
        else:
            users.append(UserRecord(bytes(fields["data"]), fields["partitionKey"], shard, fields["sequenceNumber"]))
    return users


class StreamReader:
    """Follows every shard of a stream from TRIM_HORIZON and keeps its place, so each poll reads only what is new.

    Kinesis records are kept only when keep_raw is set; user records are handed out by poll()."""

    def __init__(self, client, stream: str, keep_raw: bool = False):
        self.client = client
        self.stream = stream
        self.keep_raw = keep_raw
        self.iterators: dict[str, str] = {}
        self.raw: list[tuple[str, dict]] = []
        self.records: list[UserRecord] = []
        self.kinesis_record_count = 0

    def poll(self, keep: bool = True) -> list[UserRecord]:
        """Read every shard to its tip; return (and, with keep, remember) the user records read."""
        fresh: list[UserRecord] = []
        for shard in list_all_shards(self.client, self.stream):
            shard_id = shard["ShardId"]
            if shard_id not in self.iterators:
                self.iterators[shard_id] = self.client.get_shard_iterator(
                    StreamName=self.stream, ShardId=shard_id, ShardIteratorType="TRIM_HORIZON")["ShardIterator"]
            iterator = self.iterators[shard_id]
            while iterator:
                response = self.client.get_records(ShardIterator=iterator, Limit=10000)
                for record in response["Records"]:
                    self.kinesis_record_count += 1
                    if self.keep_raw:
                        self.raw.append((shard_id, record))
                    fresh.extend(deaggregate(record, shard_id))
                next_iterator = response.get("NextShardIterator")
                if next_iterator:
                    iterator = next_iterator
                    self.iterators[shard_id] = iterator
                if not response["Records"] or response.get("MillisBehindLatest", 0) == 0 or not next_iterator:
                    break
        if keep:
            self.records.extend(fresh)
        return fresh

    def wait_count(self, count: int, timeout: float = AGENT_DEADLINE_SECONDS, agent=None) -> list[UserRecord]:
        """Poll until at least `count` user records were read; fail early if the agent died."""
        def enough():
            if agent is not None and not agent.alive():
                raise AssertionError(f"agent exited with {agent.process.returncode}\n{agent.log_tail()}")
            self.poll()
            return len(self.records) >= count

        try:
            wait_for(enough, timeout, f"{count} records in stream {self.stream}", interval=0.25)
        except AssertionError as error:
            tail = agent.log_tail() if agent is not None else ""
            raise AssertionError(f"{error}; read {len(self.records)}\n{tail}") from None
        return self.records


def read_stream(client, stream: str) -> list[UserRecord]:
    reader = StreamReader(client, stream)
    reader.poll()
    return reader.records


# -- numbered lines ---------------------------------------------------------------------------

LINE_NUMBER_DIGITS = 9


def numbered_line(number: int, width: int = 100, tag: str = "") -> bytes:
    """`000000123 <tag>xxxx...\\n`, `width` bytes with its newline: unique, self-checking, fixed size."""
    head = f"{number:0{LINE_NUMBER_DIGITS}d} {tag}"
    padding = max(0, width - len(head) - 1)
    return (head + "x" * padding + "\n").encode()


def parse_numbered(data: bytes, width: int = 100, tag: str = "") -> int | None:
    """The line's number, or None when the record is not exactly one line as numbered_line wrote it (a torn,
    merged or altered line). The trailing newline is optional: some processing strips it."""
    text = data if data.endswith(b"\n") else data + b"\n"
    head = text[:LINE_NUMBER_DIGITS]
    if not head.isdigit():
        return None
    number = int(head)
    return number if text == numbered_line(number, width, tag) else None


@dataclass
class Tally:
    """What arrived, checked against what was written."""
    counts: Counter = field(default_factory=Counter)
    malformed: list[bytes] = field(default_factory=list)

    def add(self, records, width: int = 100, tag: str = ""):
        for record in records:
            data = record.data if isinstance(record, UserRecord) else record
            number = parse_numbered(data, width, tag)
            if number is None:
                self.malformed.append(data)
            else:
                self.counts[number] += 1

    def missing(self, written: int) -> list[int]:
        return [number for number in range(written) if number not in self.counts]

    def duplicates(self) -> int:
        return sum(count - 1 for count in self.counts.values() if count > 1)

    def unexpected(self, written: int) -> list[int]:
        return sorted(number for number in self.counts if number >= written)


def collect_lines(reader: StreamReader, tally: Tally, written: int, timeout: float = AGENT_DEADLINE_SECONDS,
                  agent: AgentProcess | None = None, width: int = 100, tag: str = "") -> Tally:
    """Poll the stream until every line numbered below `written` has arrived at least once."""
    def complete():
        if agent is not None and not agent.alive():
            raise AssertionError(f"agent exited with {agent.process.returncode}\n{agent.log_tail()}")
        tally.add(reader.poll(keep=False), width, tag)
        return sum(1 for number in tally.counts if number < written) >= written

    try:
        wait_for(complete, timeout, f"lines 0-{written - 1} in stream {reader.stream}", interval=0.25)
    except AssertionError as error:
        missing = tally.missing(written)
        detail = f"; {len(missing)} missing: {ranges(missing)}; {len(tally.malformed)} malformed"
        tail = agent.log_tail() if agent is not None else ""
        raise AssertionError(f"{error}{detail}\n{tail}") from None
    return tally


def wait_lines(reader: StreamReader, tally: Tally, count: int, timeout: float = AGENT_DEADLINE_SECONDS,
               agent: AgentProcess | None = None) -> Tally:
    """Poll the stream until at least `count` distinct lines have arrived, whichever they are."""
    def enough():
        if agent is not None and not agent.alive():
            raise AssertionError(f"agent exited with {agent.process.returncode}\n{agent.log_tail()}")
        tally.add(reader.poll(keep=False))
        return len(tally.counts) >= count

    try:
        wait_for(enough, timeout, f"{count} distinct lines in stream {reader.stream}", interval=0.2)
    except AssertionError as error:
        tail = agent.log_tail() if agent is not None else ""
        raise AssertionError(f"{error}; {len(tally.counts)} arrived\n{tail}") from None
    return tally


def ranges(numbers: list[int], limit: int = 10) -> str:
    """`3-7, 12, 40-41` for sorted numbers, the first `limit` runs."""
    runs, start, previous = [], None, None
    for number in numbers:
        if start is None:
            start = previous = number
        elif number == previous + 1:
            previous = number
        else:
            runs.append((start, previous))
            start = previous = number
    if start is not None:
        runs.append((start, previous))
    text = ", ".join(f"{a}" if a == b else f"{a}-{b}" for a, b in runs[:limit])
    return text + (f", ... ({len(runs)} runs)" if len(runs) > limit else "")


# -- a log file being written and rotated -----------------------------------------------------

ROTATION_MODES = ("rename", "copytruncate", "delete")


class RotatingWriter:
    """Appends numbered lines to `directory/name` and rotates it, as an application plus logrotate would.

    Writing and rotating happen in the same thread, so a copytruncate's copy and truncate fall between two writes
    and no line is lost by the writer itself. Modes:
      rename       app.log -> app.log.N, a new app.log; every generation is kept.
      copytruncate app.log copied to app.log.N, then app.log truncated in place (the writer keeps its descriptor).
      delete       as rename, then rotated generations older than `keep` are deleted, but only while
                   `may_delete()` says so (a crashed agent cannot read a file deleted while it was down).
    `generations` records which line numbers each rotated file received, to say where a missing line was."""

    def __init__(self, directory: Path, mode: str, name: str = "app.log", width: int = 100, tag: str = "",
                 keep: int = 50, may_delete=None):
        assert mode in ROTATION_MODES, mode
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self.path = self.directory / name
        self.mode = mode
        self.width = width
        self.tag = tag
        self.keep = keep
        self.may_delete = may_delete or (lambda: True)
        self.written = 0
        self.rotations = 0
        self.deleted = 0
        self.deleted_names: set[str] = set()
        self.generation_first_line = 0
        self.generations: list[tuple[str, int, int]] = []  # (file, first line, last line + 1)
        self._pending_deletes: list[Path] = []
        self.fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        self.lock = threading.Lock()

    def write(self, count: int):
        """Append `count` lines with one write call (or a few, if the kernel takes less)."""
        if count <= 0:
            return
        with self.lock:
            chunk = b"".join(numbered_line(number, self.width, self.tag)
                             for number in range(self.written, self.written + count))
            view = memoryview(chunk)
            while view:
                done = os.write(self.fd, view)
                view = view[done:]
            self.written += count

    def rotate(self):
        with self.lock:
            self.rotations += 1
            rotated = self.directory / f"{self.path.name}.{self.rotations}"
            if self.mode == "copytruncate":
                shutil.copyfile(self.path, rotated)
                os.ftruncate(self.fd, 0)
            else:
                os.rename(self.path, rotated)
                os.close(self.fd)
                self.fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
            self.generations.append((rotated.name, self.generation_first_line, self.written))
            self.generation_first_line = self.written
            if self.mode == "delete":
                self._pending_deletes.append(rotated)
                self._delete_old()

    def _delete_old(self):
        if not self.may_delete():
            return
        while len(self._pending_deletes) > self.keep:
            victim = self._pending_deletes.pop(0)
            try:
                os.unlink(victim)
                self.deleted += 1
                self.deleted_names.add(victim.name)
            except FileNotFoundError:
                pass

    def generation_of(self, number: int) -> str:
        for name, first, end in self.generations:
            if first <= number < end:
                return name
        return self.path.name

    def run(self, total_lines: int, rate: float, rotate_every: float, stop: threading.Event | None = None,
            tick: float = 0.01):
        """Write `total_lines` lines at `rate` lines/s, rotating every `rotate_every` seconds (0: never)."""
        started = time.monotonic()
        next_rotation = started + rotate_every if rotate_every > 0 else None
        while self.written < total_lines and not (stop and stop.is_set()):
            now = time.monotonic()
            due = min(total_lines, int((now - started) * rate) + 1)
            self.write(due - self.written)
            if next_rotation is not None and now >= next_rotation:
                self.rotate()
                next_rotation += rotate_every
                if next_rotation < now:
                    next_rotation = now + rotate_every
            time.sleep(tick)

    def close(self):
        with self.lock:
            if self.fd is not None:
                os.close(self.fd)
                self.fd = None


def write_gzip(path: Path, lines: list[bytes]):
    with gzip.open(path, "wb") as compressed:
        compressed.write(b"".join(lines))


# -- metrics ----------------------------------------------------------------------------------

SAMPLE = re.compile(
    r'^(?P<name>[a-zA-Z_:][a-zA-Z0-9_:]*)'
    r'(?:\{(?P<labels>(?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*",?)*)\})?'
    r' (?P<value>[-+]?(?:[0-9.eE+-]+|Inf|NaN))(?: -?[0-9]+)?$'
)
LABEL = re.compile(r'([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"')


def scrape(url: str) -> dict[tuple[str, tuple], float]:
    """Prometheus text as {(name, sorted labels): value}; fails on any line that is not the exposition format."""
    response = requests.get(url, timeout=30)
    assert response.status_code == 200, f"{url}: {response.status_code} {response.text[:500]}"
    samples = {}
    for line in response.text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        match = SAMPLE.match(line)
        assert match, f"not Prometheus text exposition: {line!r}"
        labels = tuple(sorted(LABEL.findall(match.group("labels") or "")))
        samples[(match.group("name"), labels)] = float(match.group("value"))
    return samples


def metric_series(samples: dict, token: str) -> dict[tuple[str, tuple], float]:
    """Series whose name contains `token` (e.g. RecordsSent), whatever the namespace prefix or _total suffix."""
    return {key: value for key, value in samples.items()
            if token in key[0] and not key[0].endswith(("_bucket", "_sum", "_count", "_created"))}


def metric_total(samples: dict, token: str) -> float:
    return sum(metric_series(samples, token).values())


# -- processes --------------------------------------------------------------------------------

def peak_rss_kib(pid: int) -> int:
    """VmHWM: the process's peak resident set so far."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError):
        pass
    return 0


def machine_description() -> str:
    model = "unknown cpu"
    try:
        with open("/proc/cpuinfo") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return f"{os.cpu_count()} cpus ({model})"
