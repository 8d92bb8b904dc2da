"""The wheel, installed in a fresh virtual environment, works from any directory on the data
embedded in it: the build, a new venv and pip fetching the dependencies, then `plan` run from
another directory with no arguments."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import DATA, REPO, TESTS, run
from test_validate_cli import mzsr_text

TIMEOUT = 900  # seconds; only against a hung pip, not an assertion


def sh(*args: str | Path, cwd: Path, check: bool = True) -> subprocess.CompletedProcess[str]:
    """Run a command in a clean environment (nothing of this checkout, no PLAN_* variables)."""
    drop = {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PLAN_FILE", "PLAN_PROGRESS"}
    drop |= {"GITHUB_ACTIONS", "PLAN_LANG"}
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env.update({"NO_COLOR": "1", "COLUMNS": "100", "PYTHONDONTWRITEBYTECODE": "1"})
    done = subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=TIMEOUT,
        check=False,
    )
    if check and done.returncode != 0:
        pytest.fail(f"{args} exited {done.returncode}:\n{done.stdout}\n{done.stderr}")
    return done


@pytest.fixture(scope="module")
def venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv (no system site-packages) with the freshly built wheel installed."""
    root = tmp_path_factory.mktemp("wheel")
    dist = root / "dist"
    sh(sys.executable, "-m", "build", "--wheel", "--outdir", dist, REPO, cwd=root)
    (wheel,) = dist.glob("reintegration_plan-*.whl")
    env = root / "venv"
    sh(sys.executable, "-m", "venv", env, cwd=root)
    sh(env / "bin" / "python", "-m", "pip", "install", "--quiet", wheel, cwd=root)
    return env


def test_installed_wheel_validates_the_embedded_data(venv: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    site = sh(
        venv / "bin" / "python",
        "-c",
        "import sysconfig; print(sysconfig.get_paths()['purelib'])",
        cwd=elsewhere,
    ).stdout.strip()
    embedded = Path(site) / "reintegration_plan" / "data" / "plan_2017_2019.yaml"
    assert embedded.read_bytes() == (DATA / "plan_2017_2019.yaml").read_bytes()
    assert (embedded.parent / "abbreviations.yaml").is_file()
    assert (embedded.parent / "source" / "resolution_912_2016-12-29.txt").is_file()

    # the package comes from the venv, not from this checkout
    where = sh(
        venv / "bin" / "python",
        "-c",
        "import reintegration_plan as p; print(p.__file__)",
        cwd=elsewhere,
    ).stdout.strip()
    assert where == str(Path(site) / "reintegration_plan" / "__init__.py")

    result = sh(venv / "bin" / "plan", "validate", cwd=elsewhere, check=False)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == mzsr_text(str(embedded))
    assert str(REPO) not in result.stdout

    # an edited copy of data/ validates on its own with the installed tool
    copy = tmp_path / "copy"
    shutil.copytree(DATA, copy)
    result = sh(venv / "bin" / "plan", "validate", copy / "plan_2017_2019.yaml", cwd=elsewhere)
    assert result.stdout == mzsr_text(str(copy / "plan_2017_2019.yaml"))

    # --plan points it at another plan
    minimal = TESTS / "cases" / "valid" / "minimal" / "plan.yaml"
    result = sh(venv / "bin" / "plan", "validate", "--plan", minimal, cwd=elsewhere)
    assert result.stdout == "1 file checked: no problems\n"

    # the schema the wheel prints is the committed one
    result = sh(venv / "bin" / "plan", "schema", cwd=elsewhere)
    assert result.stdout == (REPO / "schema" / "plan.schema.json").read_text(encoding="utf-8")


def test_installed_wheel_takes_the_embedded_plan_from_its_snapshot(
    venv: Path, tmp_path: Path
) -> None:
    """The wheel's build wrote the embedded plan's snapshot beside it: `plan due` takes the plan
    from it (no YAML read, nothing written to the cache), with the output of reading it."""
    site = sh(
        venv / "bin" / "python",
        "-c",
        "import sysconfig; print(sysconfig.get_paths()['purelib'])",
        cwd=tmp_path,
    ).stdout.strip()
    data = Path(site) / "reintegration_plan" / "data"
    assert (data / "plan_2017_2019.yaml.snapshot").is_file()
    probe = (
        "import sys\n"
        "from reintegration_plan.cli import main\n"
        "sys.argv = ['plan', 'due', '--as-of', '2017-07-01', '--format', 'json']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('reintegration_plan.loader' in sys.modules, file=sys.stderr)\n"
    )
    cache = tmp_path / "cache"
    done = subprocess.run(
        [str(venv / "bin" / "python"), "-c", probe],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=tmp_path,
        env={"PATH": "/usr/bin:/bin", "XDG_CACHE_HOME": str(cache), "NO_COLOR": "1"},
        timeout=TIMEOUT,
        check=True,
    )
    assert done.stderr.strip() == "False"
    assert not cache.exists()
    here = run("due", "--as-of", "2017-07-01", "--format", "json")
    assert done.stdout == here.stdout
