"""Fixtures shared across test modules: the store under test, over both backends."""

import pytest

from postgres_server import postgres_url
from store_support import fresh_postgres_database


@pytest.fixture(params=["sqlite", "postgresql"])
def store_target(request, tmp_path):
    """Where a test's store lives: a fresh SQLite file, or a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "marsad.db")
    url = postgres_url()
    if url is None:
        pytest.skip("no PostgreSQL server could be started (initdb/pg_ctl missing) and "
                    "MARSAD_TEST_POSTGRES_URL is not set")
    return fresh_postgres_database(url)
