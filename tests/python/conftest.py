"""Shared fixtures: the bundled pack, the example profiles, the relief CLI."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "examples" / "python"))

import relief  # noqa: E402


@pytest.fixture(scope="session")
def pack() -> relief.Pack:
    return relief.load()


@pytest.fixture(scope="session")
def cli() -> str:
    """The relief program: $RELIEF_CLI, else build/dev/relief, else on PATH.

    scripts/test builds it before it runs pytest, so the comparisons with
    the command line always run there.
    """
    for candidate in (os.environ.get("RELIEF_CLI"), str(ROOT / "build" / "dev" / "relief"), shutil.which("relief")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    pytest.fail("the relief program is needed (build it with cmake --workflow --preset dev, or set RELIEF_CLI)")
