"""The README documents every command and error code, and CI runs the README's test command."""

import re
from pathlib import Path

import pytest

from marsad.cli import build_parser
from marsad.errors import CODES

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
CI = ROOT / ".ci" / "run"

pytestmark = pytest.mark.skipif(not README.exists() or not CI.exists(),
                                reason="README.md or .ci/run not in this checkout")


def _subcommands() -> list[str]:
    parser = build_parser()
    (sub,) = [a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction"]
    return list(sub.choices)


def test_cli_every_command_is_in_readme():
    readme = README.read_text(encoding="utf-8")
    for name in _subcommands():
        assert f"marsad {name}" in readme, name


def test_cli_every_error_code_is_in_readme():
    readme = README.read_text(encoding="utf-8")
    for code in CODES:
        assert f"| {code} |" in readme, code


def test_cli_ci_runs_the_readme_test_command():
    readme = README.read_text(encoding="utf-8")
    (test_cmd,) = re.findall(r"^python3 -m venv .*pytest$", readme, flags=re.M)
    ci_lines = [ln.strip() for ln in CI.read_text(encoding="utf-8").splitlines()
                if ln.strip() and not ln.lstrip().startswith("#")]
    steps = [s.strip() for s in test_cmd.split("&&")]
    # Each step of the README command runs in CI, in the same order.
    positions = [ci_lines.index(step) for step in steps]
    assert positions == sorted(positions)
    assert "set -euo pipefail" in ci_lines
