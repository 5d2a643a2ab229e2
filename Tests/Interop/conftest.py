"""Fixtures for the interop suite: real server processes, boto3 clients and the aws CLI."""

from __future__ import annotations

import os
import re

import pytest

from interop import (
    IS_MOTO,
    AwsCli,
    ServerProcess,
    make_client,
    unique_name,
)


def pytest_report_header(config):
    from interop import binary_path

    target = "moto (suite self-check)" if IS_MOTO else f"rivulet binary {binary_path()}"
    return [f"interop target: {target}"]


def pytest_collection_modifyitems(config, items):
    if not IS_MOTO or os.environ.get("INTEROP_RUN_ALL"):
        return
    skip = pytest.mark.skip(reason="needs Rivulet itself (INTEROP_TARGET=moto)")
    for item in items:
        if "rivulet_only" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """The shared server for tests that only need a working endpoint."""
    base = tmp_path_factory.mktemp("session-server")
    process = ServerProcess(base / "data", base / "logs")
    process.start()
    yield process
    if process.alive():
        code = process.terminate()
        if not IS_MOTO:
            assert code == 0, f"graceful shutdown exited {code}\n{process.log_tail()}"


@pytest.fixture
def server_factory(tmp_path):
    """Start extra servers (own data dir unless given); all are killed at teardown."""
    started: list[ServerProcess] = []

    def start(data_dir=None, extra_args=None) -> ServerProcess:
        index = len(started)
        process = ServerProcess(
            data_dir or tmp_path / f"server-{index}-data",
            tmp_path / f"server-{index}-logs",
            extra_args,
        )
        started.append(process)
        return process.start()

    yield start
    for process in started:
        if process.alive():
            process.kill()


@pytest.fixture
def client_factory():
    """boto3 Kinesis clients for any endpoint and region, dummy credentials by default."""

    def factory(endpoint, region="us-east-1", **kwargs):
        return make_client(endpoint, region=region, **kwargs)

    return factory


@pytest.fixture
def client(server):
    return make_client(server.endpoint, region="us-east-1")


@pytest.fixture
def aws(server, tmp_path):
    """`aws(...)` runs the aws CLI against the shared server and returns parsed JSON;
    `aws.run(...)` returns the CompletedProcess (with `.json`)."""
    return AwsCli(server.endpoint, tmp_path / "aws-cli")


@pytest.fixture
def stream_name(request):
    """A stream name unique to this test."""
    base = re.sub(r"[^a-zA-Z0-9]", "", request.node.name.replace("test_", ""))[:40] or "stream"
    return unique_name(base)
