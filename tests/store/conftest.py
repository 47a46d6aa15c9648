"""A throwaway PostgreSQL server for the session, and a fresh store target per test on each backend."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

PG_ROOT = Path("/usr/lib/postgresql")


def _server_binaries() -> Path | None:
    """The newest PostgreSQL bin folder with initdb and pg_ctl, as Debian installs them."""
    folders = sorted(
        PG_ROOT.glob("*/bin"), key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0
    )
    usable = [f for f in folders if (f / "initdb").exists() and (f / "pg_ctl").exists()]
    return usable[-1] if usable else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _run(command: list[str | Path], what: str) -> None:
    result = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    if result.returncode != 0:
        pytest.fail(f"{what} failed ({result.returncode}): {result.stderr.strip() or result.stdout.strip()}")


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """Starts a server in a temporary folder on a free loopback port; stops and removes it afterwards."""
    binaries = _server_binaries()
    if binaries is None:
        message = f"no PostgreSQL server binaries under {PG_ROOT}/*/bin (apt-get install postgresql)"
        if os.environ.get("CI"):
            pytest.fail(message + "; CI must test the PostgreSQL store")
        pytest.skip(message)
    # not under pytest's tmp_path: that folder is private to root, and the server runs as postgres
    datadir = Path(tempfile.mkdtemp(prefix="newsevents-pg-"))
    as_owner: list[str | Path] = []
    if os.geteuid() == 0:  # the server refuses to run as root
        shutil.chown(datadir, "postgres", "postgres")
        as_owner = ["runuser", "-u", "postgres", "--"]
    port = _free_port()
    try:
        _run([*as_owner, binaries / "initdb", "-A", "trust", "-U", "postgres", "-D", datadir], "initdb")
        options = f"-p {port} -k {datadir} -h 127.0.0.1 -F"  # -F: no fsync, the data is thrown away
        start = [binaries / "pg_ctl", "-D", datadir, "-l", datadir / "server.log", "-o", options, "-w"]
        _run([*as_owner, *start, "start"], "pg_ctl start")
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        stop = [*as_owner, binaries / "pg_ctl", "-D", datadir, "-m", "immediate", "stop"]
        subprocess.run(stop, capture_output=True, timeout=60, check=False)
        shutil.rmtree(datadir, ignore_errors=True)


@pytest.fixture(params=["duckdb", "postgresql"])
def target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a test's store lives: a new DuckDB file, or a new database on the session's server."""
    if request.param == "duckdb":
        return str(tmp_path / "events.duckdb")
    import psycopg

    url: str = request.getfixturevalue("postgres_url")
    name = f"test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return f"{url.rsplit('/', 1)[0]}/{name}"
