"""A throwaway PostgreSQL server for the store tests.

`MARSAD_TEST_POSTGRES_URL` names a database to use instead, one the tests may empty: each test
drops and recreates its `public` schema. Otherwise the first call starts one with
initdb and pg_ctl (Debian's `postgresql` package; .ci/run installs it) in a temporary folder,
listening on a Unix socket only, as the `postgres` user when the tests run as root; it stops
when the test session ends. None when neither is possible: the tests then skip with a reason.
"""

from __future__ import annotations

import atexit
import glob
import os
import shutil
import subprocess
import tempfile

_STARTED: dict[str, str | None] = {}


def _binary(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return candidates[-1] if candidates else None


def _as_server_user(argv: list[str]) -> list[str]:
    """initdb and the server refuse to run as root: run them as `postgres`."""
    if os.geteuid() != 0:
        return argv
    return ["runuser", "-u", "postgres", "--", *argv]


def _start() -> str | None:
    initdb, pg_ctl = _binary("initdb"), _binary("pg_ctl")
    if not initdb or not pg_ctl:
        return None
    folder = tempfile.mkdtemp(prefix="marsad-pg-")
    if os.geteuid() == 0:
        try:
            shutil.chown(folder, user="postgres", group="postgres")
        except (LookupError, PermissionError):
            return None
    data, port = os.path.join(folder, "data"), str(54000 + os.getpid() % 1000)
    try:
        subprocess.run(_as_server_user([initdb, "-D", data, "-A", "trust", "-U", "marsad", "--no-sync",
                                        "-E", "UTF8", "--locale=C"]),
                       check=True, capture_output=True, timeout=120)
        subprocess.run(_as_server_user([pg_ctl, "-D", data, "-w", "-l", os.path.join(folder, "log"), "-o",
                                        f"-k {folder} -p {port} -c listen_addresses='' -c fsync=off "
                                        "-c synchronous_commit=off -c full_page_writes=off", "start"]),
                       check=True, capture_output=True, timeout=120)
    except (OSError, subprocess.SubprocessError):
        shutil.rmtree(folder, ignore_errors=True)
        return None
    atexit.register(_stop, pg_ctl, data, folder)
    return f"postgresql://marsad@/postgres?host={folder}&port={port}"


def _stop(pg_ctl: str, data: str, folder: str) -> None:
    subprocess.run(_as_server_user([pg_ctl, "-D", data, "-m", "immediate", "stop"]), capture_output=True,
                   timeout=60)
    shutil.rmtree(folder, ignore_errors=True)


def postgres_url() -> str | None:
    """A URL of a server the tests may empty and fill, or None."""
    if os.environ.get("MARSAD_TEST_POSTGRES_URL"):
        return os.environ["MARSAD_TEST_POSTGRES_URL"]
    try:
        import psycopg  # noqa: F401 - without the driver there is nothing to test
    except ImportError:
        return None
    if "url" not in _STARTED:
        _STARTED["url"] = _start()
    return _STARTED["url"]
