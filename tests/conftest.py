"""Shared test fixtures: one :class:`claimgraph.reader.Reader` for the whole session
(the spaCy model loads once), and the shared data folder (``../shared``) when present."""
from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph.reader import Reader

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="session")
def reader() -> Reader:
    """One Reader (full pipeline) shared by all tests; do not change its settings."""
    rd = Reader()
    rd.nlp  # load now, so the first test's timing is not the model's
    return rd


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` next to the repository; tests that need it skip when it is absent."""
    if not SHARED.is_dir():
        pytest.skip(f"shared data folder not found at {SHARED} (tests that need it are skipped)")
    return SHARED
