"""Shared fixtures: where the shared material lives, and the CLI of the installed package."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSEVENTS_SHARED", REPO.parent / "shared"))


def shared_path(*parts: str) -> Path:
    """A file under ../shared, or skip the test when the shared material is absent (a user's clone)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"CI needs the shared material: {path} is missing")
        pytest.skip(f"{path} is not here")
    return path


def run_cli(*args: str, stdin: str | None = None, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """Run `newsevents ...` as a user would, in a fresh process."""
    command = [sys.executable, "-m", "newsevents", *args]
    return subprocess.run(command, input=stdin, capture_output=True, text=True, timeout=timeout, check=False)
