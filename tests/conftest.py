"""Shared fixtures: test inputs, the seeds and benchmark data next to the project."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from storytrace.settings import Settings

DATA = Path(__file__).parent / "data"
SHARED = Path(os.environ.get("STORYTRACE_SHARED", Path(__file__).resolve().parents[2] / "shared"))
SEEDS = SHARED / "seeds"


@pytest.fixture
def data() -> Path:
    return DATA


@pytest.fixture
def settings() -> Settings:
    return Settings()


@pytest.fixture
def seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"the seed articles are not at {SEEDS}")
    return SEEDS
