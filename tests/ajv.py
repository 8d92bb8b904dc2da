"""ajv, the JSON Schema validator of Node.js, for the tests: `ajv_command` gives the command
line of ajv-cli, installed from tests/js (its package-lock.json pins the versions).

.ci/run installs it (`npm ci --prefix tests/js`); elsewhere it is installed on first use into a
temporary folder. Without Node.js the tests that need it are skipped, saying why.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

JS = Path(__file__).resolve().parent / "js"
INSTALL_SECONDS = 300  # a guard against a hang, not a timed assertion


def ajv_command(scratch: Path) -> list[str]:
    """``[node, ajv-cli]``: from tests/js/node_modules when installed, else installed into
    ``scratch`` with npm ci. Skips the test when Node.js is not installed."""
    node = shutil.which("node")
    if node is None:
        pytest.skip(
            "Node.js is not installed: the ajv checks need node and npm (.ci/run installs them)"
        )
    installed = JS / "node_modules" / "ajv-cli" / "dist" / "index.js"
    if not installed.is_file():
        npm = shutil.which("npm")
        if npm is None:
            pytest.skip("npm is not installed: the ajv checks install ajv with it (.ci/run does)")
        for name in ("package.json", "package-lock.json"):
            shutil.copyfile(JS / name, scratch / name)
        done = subprocess.run(
            [npm, "ci", "--no-audit", "--no-fund", "--prefix", str(scratch)],
            capture_output=True,
            text=True,
            timeout=INSTALL_SECONDS,
            check=False,
        )
        assert done.returncode == 0, f"npm ci could not install ajv:\n{done.stderr}"
        installed = scratch / "node_modules" / "ajv-cli" / "dist" / "index.js"
    return [node, str(installed)]
