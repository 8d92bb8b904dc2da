"""The validated plan kept between runs (``snapshot``): the embedded plan's snapshot and the cache
give the plan that reading the files gives, and only while they hold those very files, that
code and an intact payload; a stale, corrupt or unwritable entry is never an error or other
data. (The wheel's snapshot, written by its build hook, is tested in test_wheel.)"""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import DATA, TESTS, run
from reintegration_plan import loader, snapshot
from reintegration_plan.errors import DataProblems
from reintegration_plan.plan import Plan

MINIMAL = TESTS / "cases" / "valid" / "minimal"


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    """A copy of the minimal plan and its abbreviations file."""
    folder = tmp_path / "plan"
    shutil.copytree(MINIMAL, folder)
    return folder / "plan.yaml"


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    return tmp_path / "cache" / "reintegration-plan"


@pytest.fixture
def no_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    """The plan may not be read from its files: it must come from an entry."""

    def refuse(path: Path | None = None, raw: bytes | None = None) -> Plan:
        raise AssertionError(f"{path} was read, not taken from its entry")

    monkeypatch.setattr(loader, "load_plan", refuse)


def entry_files(cache: Path) -> list[Path]:
    return sorted(cache.iterdir()) if cache.exists() else []


def same(first: Plan, second: Plan) -> bool:
    return (first.path, first.file, first.glossary) == (second.path, second.file, second.glossary)


def test_the_cache_gives_the_plan_the_files_give(plan: Path, cache: Path) -> None:
    read = loader.load_plan(plan)
    assert same(snapshot.load_plan(plan, cache), read)  # read, and kept
    (entry,) = entry_files(cache)
    assert entry.name.endswith(".plan")
    assert cache.stat().st_mode & 0o777 == 0o700  # the plans its user reads, for them alone
    assert entry.read_bytes().startswith(snapshot.MAGIC)
    kept = snapshot.cached_plan(plan, cache)
    assert kept is not None and same(kept, read)
    assert kept.file.model_fields_set == read.file.model_fields_set


def test_a_kept_plan_is_not_read_again(
    plan: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    snapshot.load_plan(plan, cache)
    calls: list[Path] = []
    read_plan = loader.load_plan
    monkeypatch.setattr(
        loader, "load_plan", lambda path=None, raw=None: calls.append(path) or read_plan(path, raw)
    )
    snapshot.load_plan(plan, cache)
    assert calls == []
    # a copy of the plan elsewhere, beside the same abbreviations, is the same plan
    copy = plan.parent / "copy.yaml"
    shutil.copy(plan, copy)
    kept = snapshot.load_plan(copy, cache)
    assert calls == [] and kept.path == copy


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_an_edited_plan_is_read_again(plan: Path, cache: Path) -> None:
    snapshot.load_plan(plan, cache)
    edit(plan, "deadline_text: 1st quarter of 2017", "deadline_text: 1st quarter, 2017")
    assert snapshot.cached_plan(plan, cache) is None
    loaded = snapshot.load_plan(plan, cache)
    assert loaded.file.measures[0].en is not None
    assert loaded.file.measures[0].en.deadline_text == "1st quarter, 2017"
    assert len(entry_files(cache)) == 2  # one entry for each version of the plan's bytes


def test_an_edited_abbreviations_file_makes_the_plan_read_again(plan: Path, cache: Path) -> None:
    snapshot.load_plan(plan, cache)
    edit(plan.parent / "abbreviations.yaml", "name_en: Ministry of Finance", "name_en: Finance")
    assert snapshot.cached_plan(plan, cache) is None
    loaded = snapshot.load_plan(plan, cache)
    finance = loaded.glossary.find("МФ")
    assert finance is not None and finance.name_en == "Finance of the Republic of Kazakhstan"
    assert snapshot.cached_plan(plan, cache) is not None  # the entry written again
    (plan.parent / "abbreviations.yaml").unlink()
    assert snapshot.cached_plan(plan, cache) is None


def test_an_entry_of_other_code_is_not_used(
    plan: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    snapshot.load_plan(plan, cache)
    monkeypatch.setattr(snapshot, "_FINGERPRINT", ["0" * 64])
    assert snapshot.cached_plan(plan, cache) is None


def entry_parts(entry: Path, magic: bytes = snapshot.MAGIC) -> tuple[list[bytes], bytes]:
    data = entry.read_bytes()
    assert data.startswith(magic)
    header, _, payload = data[len(magic) :].partition(b"\n\n")
    return header.split(b"\n"), payload


def written(entry: Path, lines: list[bytes], payload: bytes, magic: bytes = snapshot.MAGIC) -> None:
    entry.write_bytes(magic + b"\n".join(lines) + b"\n\n" + payload)


def spoilers(magic: bytes, other_payload: Any) -> list[Any]:
    """Ways an entry of a kind (``magic``) is spoiled: each must be ignored."""

    def flipped_bit(entry: Path) -> None:
        lines, payload = entry_parts(entry, magic)
        middle = len(payload) // 2
        changed = payload[:middle] + bytes([payload[middle] ^ 1]) + payload[middle + 1 :]
        written(entry, lines, changed, magic)

    def other_payload_that_checks_out(entry: Path) -> None:
        lines, _ = entry_parts(entry, magic)
        payload = pickle.dumps(other_payload)
        written(
            entry,
            [lines[0], snapshot._checksum(payload).encode(), *lines[2:]],
            payload,
            magic,
        )

    def header_cut_short(entry: Path) -> None:
        lines, payload = entry_parts(entry, magic)
        written(entry, lines[:-1], payload, magic)

    def other_kind(entry: Path) -> None:
        lines, payload = entry_parts(entry, magic)
        other = snapshot.RECORDS_MAGIC if magic == snapshot.MAGIC else snapshot.MAGIC
        written(entry, lines, payload, other)

    return [
        pytest.param(flipped_bit, id="a flipped bit"),
        pytest.param(other_payload_that_checks_out, id="a checked payload of other data"),
        pytest.param(header_cut_short, id="a header cut short"),
        pytest.param(other_kind, id="an entry of the other kind"),
        pytest.param(lambda entry: entry.write_bytes(entry.read_bytes()[:100]), id="cut short"),
        pytest.param(lambda entry: entry.write_bytes(b""), id="empty"),
        pytest.param(lambda entry: entry.write_bytes(b"\xff\xfe garbage \x00" * 50), id="garbage"),
        pytest.param(lambda entry: entry.write_bytes(magic + b"\xff\n\n"), id="a header not UTF-8"),
        pytest.param(lambda entry: (entry.unlink(), entry.mkdir()), id="a folder"),
    ]


@pytest.mark.parametrize("spoil", spoilers(snapshot.MAGIC, 5))
def test_a_spoiled_entry_is_ignored_and_written_again(plan: Path, cache: Path, spoil: Any) -> None:
    read = loader.load_plan(plan)
    snapshot.load_plan(plan, cache)
    (entry,) = entry_files(cache)
    spoil(entry)
    assert snapshot.cached_plan(plan, cache) is None
    assert same(snapshot.load_plan(plan, cache), read)
    if entry.is_file():  # a folder in its place stays: the plan is read every time
        kept = snapshot.cached_plan(plan, cache)
        assert kept is not None and same(kept, read)


def test_an_unwritable_cache_means_no_cache(plan: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    read = loader.load_plan(plan)
    assert same(snapshot.load_plan(plan, blocker / "reintegration-plan"), read)
    assert blocker.read_text() == "not a folder"


def test_the_cache_is_written_all_at_once(plan: Path, cache: Path) -> None:
    snapshot.load_plan(plan, cache)
    snapshot.load_plan(plan, cache)
    assert [p.name for p in entry_files(cache) if not p.name.endswith(".plan")] == []


def test_a_plan_with_errors_is_not_kept(plan: Path, cache: Path) -> None:
    edit(plan, "  - number: 3\n    text: Принять", "  - number: 4\n    text: Принять")
    for _ in range(2):
        with pytest.raises(DataProblems) as raised:
            snapshot.load_plan(plan, cache)
        assert [p.code for p in raised.value.problems] == ["measure-number-sequence"]
    assert entry_files(cache) == []


def test_without_a_cache_the_plan_is_read(plan: Path, no_reading: None) -> None:
    with pytest.raises(AssertionError, match="was read"):
        snapshot.load_plan(plan, None)


def test_a_fifo_is_left_to_the_loader(tmp_path: Path, cache: Path) -> None:
    fifo = tmp_path / "plan.yaml"
    os.mkfifo(fifo)
    assert snapshot.cached_plan(fifo, cache) is None  # not waited on
    assert snapshot.cached_plan(tmp_path / "missing.yaml", cache) is None


def test_the_embedded_plan_takes_its_snapshot(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    embedded = data / "plan_2017_2019.yaml"
    monkeypatch.setattr(snapshot, "default_plan_path", lambda: embedded)
    read = loader.load_plan(embedded)
    assert snapshot.cached_plan(embedded, None) is None  # no snapshot written yet
    snapshot.snapshot_path(embedded).write_bytes(snapshot.entry_bytes(embedded))
    kept = snapshot.cached_plan(embedded, None)
    assert kept is not None and same(kept, read)
    # only for the embedded plan
    other = data / "other.yaml"
    shutil.copy(embedded, other)
    shutil.copy(snapshot.snapshot_path(embedded), snapshot.snapshot_path(other))
    assert snapshot.cached_plan(other, None) is None
    # and only while it holds the embedded files
    edit(data / "abbreviations.yaml", "name_en: Ministry of Finance", "name_en: Finance")
    assert snapshot.cached_plan(embedded, None) is None


def test_the_snapshot_of_a_plan_with_errors_is_not_written(plan: Path) -> None:
    edit(plan, "  - number: 3\n    text: Принять", "  - number: 4\n    text: Принять")
    with pytest.raises(DataProblems):
        snapshot.entry_bytes(plan)


def test_the_cli_keeps_the_plan_in_the_cache_folder(tmp_path: Path) -> None:
    """$XDG_CACHE_HOME/reintegration-plan, else ~/.cache/reintegration-plan; the same output
    whether the plan was read or kept."""
    home = tmp_path / "home"
    first = run("due", "--as-of", "2017-07-01", env={"XDG_CACHE_HOME": "", "HOME": str(home)})
    (entry,) = entry_files(home / ".cache" / "reintegration-plan")
    second = run("due", "--as-of", "2017-07-01", env={"XDG_CACHE_HOME": "", "HOME": str(home)})
    assert (first.exit_code, second.exit_code) == (0, 0)
    assert first.stdout == second.stdout
    assert entry_files(home / ".cache" / "reintegration-plan") == [entry]
    xdg = tmp_path / "xdg"
    run("measures", "--as-of", "2017-07-01", env={"XDG_CACHE_HOME": str(xdg)})
    assert len(entry_files(xdg / "reintegration-plan")) == 1
    # a relative $XDG_CACHE_HOME is ignored, as the XDG specification says
    run("measures", "--as-of", "2017-07-01", env={"XDG_CACHE_HOME": "relative", "HOME": ""})
    assert not (Path.cwd() / "relative").exists()


READING_CODE = (
    "reintegration_plan.loader",
    "reintegration_plan.yamlio",
    "reintegration_plan.checks",
    "reintegration_plan.progress",
    "yaml",
)


def run_in_process(folder: Path, *args: str) -> tuple[str, list[str]]:
    """`plan ARGS` run in a fresh interpreter in ``folder``, its cache there: its output, and
    which of :data:`READING_CODE` it loaded."""
    probe = (
        "import sys\n"
        "from reintegration_plan.cli import main\n"
        f"sys.argv = {['plan', *args]!r}\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        f"loaded = [name for name in {READING_CODE!r} if name in sys.modules]\n"
        "print(*loaded, sep='\\n', file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "XDG_CACHE_HOME": str(folder / "cache")},
        cwd=folder,
        check=True,
    )
    return done.stdout, done.stderr.split()


def test_a_kept_plan_spares_the_reading_code(tmp_path: Path) -> None:
    """What the snapshot is for: `plan due` on a kept plan loads neither the YAML reader nor
    the checks."""
    first, loaded = run_in_process(tmp_path, "due", "--as-of", "2017-07-01", "--format", "json")
    assert first.startswith("{")
    assert "reintegration_plan.loader" in loaded  # read, then kept
    assert run_in_process(tmp_path, "due", "--as-of", "2017-07-01", "--format", "json") == (
        first,
        [],
    )


def test_an_entry_under_another_plans_name_is_not_used(plan: Path, cache: Path) -> None:
    snapshot.load_plan(plan, cache)
    (entry,) = entry_files(cache)
    edit(plan, "deadline_text: 1st quarter of 2017", "deadline_text: 1st quarter, 2017")
    shutil.copy(entry, cache / snapshot._cache_name(snapshot._digest(plan.read_bytes())))
    assert snapshot.cached_plan(plan, cache) is None


@pytest.mark.parametrize(
    "change",
    [
        lambda folder: edit(folder / "abbreviations.yaml", "Finance", "Finances"),
        lambda folder: (folder / "abbreviations.yaml").write_text("abbreviations: [\n"),
        lambda folder: (folder / "abbreviations.yaml").write_text("schema_version: 1\n"),
        lambda folder: (folder / "abbreviations.yaml").unlink(),
    ],
    ids=["edited", "not YAML", "not abbreviations", "gone"],
)
def test_a_plan_whose_abbreviations_change_while_it_is_read_is_not_kept(
    plan: Path, cache: Path, monkeypatch: pytest.MonkeyPatch, change: Any
) -> None:
    read_plan = loader.load_plan
    files = {path: path.read_bytes() for path in plan.parent.iterdir()}

    def read_then_change(path: Path | None = None, raw: bytes | None = None) -> Plan:
        found = read_plan(path, raw)
        change(plan.parent)
        return found

    monkeypatch.setattr(loader, "load_plan", read_then_change)
    snapshot.load_plan(plan, cache)
    assert entry_files(cache) == []
    for name, content in files.items():  # as they were
        name.write_bytes(content)
    with pytest.raises(ValueError, match="changed while it was read"):
        snapshot.entry_bytes(plan)


def test_a_plan_edited_while_it_is_read_is_kept_as_its_bytes_say(
    plan: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The plan kept under a version's bytes is the plan those very bytes give: an edit made
    between the cache's reading of the file and the loader's is not kept under them (it would
    answer for the old version once the edit is undone)."""
    original = plan.read_bytes()
    read_plan = loader.load_plan

    def edit_then_read(path: Path | None = None, raw: bytes | None = None) -> Plan:
        edit(plan, "1st quarter of 2017", "1st quarter, 2017")
        return read_plan(path, raw)

    monkeypatch.setattr(loader, "load_plan", edit_then_read)
    snapshot.load_plan(plan, cache)
    plan.write_bytes(original)  # the edit undone
    kept = snapshot.cached_plan(plan, cache)
    assert kept is not None and kept.file.measures[0].en is not None
    assert kept.file.measures[0].en.deadline_text == "1st quarter of 2017"


def test_no_snapshot_of_what_is_not_a_regular_file(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "plan.yaml")
    with pytest.raises(ValueError, match="not a regular file"):
        snapshot.entry_bytes(tmp_path / "plan.yaml")


def test_a_plan_whose_name_holds_a_line_break_is_not_kept(plan: Path, cache: Path) -> None:
    odd = plan.with_name("plan\n.yaml")
    plan.rename(odd)
    assert snapshot.load_plan(odd, cache).path == odd
    assert entry_files(cache) == []


# --- progress records --------------------------------------------------------------------------

PROGRESS = """\
schema_version: 1
records:
- measure: 1
  status: in_progress
  on: 2017-02-01
  by: МОН
- measure: 2
  status: done
  on: 2017-03-01
  evidence: приказ № 1
"""


@pytest.fixture
def progress(plan: Path) -> Path:
    """A progress file about the minimal plan, without errors."""
    path = plan.parent / "progress.yaml"
    path.write_text(PROGRESS, encoding="utf-8")
    return path


@pytest.fixture
def no_reading_records(monkeypatch: pytest.MonkeyPatch) -> None:
    """The progress file may not be read: its records must come from the entry."""
    from reintegration_plan import progress as progress_module

    def refuse(path: Path, plan: Plan, raw: bytes | None = None, **options: Any) -> Any:
        raise AssertionError(f"{path} was read, not taken from its entry")

    monkeypatch.setattr(progress_module, "load_records", refuse)


def read_records(path: Path, plan: Path) -> list[Any]:
    from reintegration_plan.progress import load_records

    return load_records(path, loader.load_plan(plan))[0]


def progress_entries(cache: Path) -> list[Path]:
    return [entry for entry in entry_files(cache) if entry.name.endswith(".progress")]


def test_the_cache_gives_the_records_the_file_gives(
    plan: Path, progress: Path, cache: Path
) -> None:
    read = read_records(progress, plan)
    loaded = loader.load_plan(plan)
    assert snapshot.load_records(progress, loaded, cache) == read  # read, and kept
    (entry,) = progress_entries(cache)
    assert entry.read_bytes().startswith(snapshot.RECORDS_MAGIC)
    kept = snapshot.load_records(progress, loaded, cache)
    assert kept == read and [r.model_fields_set for r in kept] == [r.model_fields_set for r in read]


@pytest.mark.parametrize("count", [0, 2500])
def test_many_records_and_none_are_kept_alike(
    plan: Path, cache: Path, count: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Records are pickled a thousand at a time: a file of several thousands, and one of none,
    come back as read."""
    progress = plan.parent / "progress.yaml"
    records = "".join(
        f"- measure: {1 + i % 3}\n  status: in_progress\n  on: 2017-{1 + i % 12:02}-01\n"
        + (f"  note: запись {i}\n" if i % 3 else "")
        + ("  by: МОН\n" if i % 7 == 0 else "")
        for i in range(count)
    )
    listed = f"\n{records}" if records else " []\n"
    progress.write_text(f"schema_version: 1\nrecords:{listed}", encoding="utf-8")
    read = read_records(progress, plan)
    loaded = loader.load_plan(plan)
    snapshot.load_records(progress, loaded, cache)
    (entry,) = progress_entries(cache)
    assert entry.read_bytes().count(b"ProgressRecord") == -(-count // 1000)  # one a chunk
    from reintegration_plan import progress as progress_module

    monkeypatch.setattr(progress_module, "load_records", lambda *_, **__: pytest.fail("read"))
    assert snapshot.load_records(progress, loaded, cache) == read
    assert [r.note for r in read] == [f"запись {i}" if i % 3 else None for i in range(count)]


def test_kept_records_are_not_read_again(
    plan: Path, progress: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loaded = loader.load_plan(plan)
    read = snapshot.load_records(progress, loaded, cache)
    from reintegration_plan import progress as progress_module

    monkeypatch.setattr(progress_module, "load_records", lambda *_, **__: pytest.fail("read"))
    assert snapshot.load_records(progress, loaded, cache) == read
    # the plan kept in the cache, or read again, is the same plan
    assert snapshot.load_records(progress, snapshot.load_plan(plan, cache), cache) == read


def test_the_records_of_a_kept_plan_spare_its_models(
    plan: Path, progress: Path, cache: Path
) -> None:
    """A plan kept in the cache keeps the digest its records are checked against: taking them
    reads none of its measures' models (nor builds their serializers, 35 ms of `plan due`)."""
    snapshot.load_records(progress, snapshot.load_plan(plan, cache), cache)  # both kept
    kept = snapshot.load_plan(plan, cache)
    assert kept.digest == loader.load_plan(plan).digest
    assert snapshot.load_records(progress, kept, cache) == read_records(progress, plan)
    assert kept._file is None  # the models were not read


def test_without_a_cache_the_records_are_read(
    plan: Path, progress: Path, no_reading_records: None
) -> None:
    with pytest.raises(AssertionError, match="was read"):
        snapshot.load_records(progress, loader.load_plan(plan), None)


def test_an_edited_progress_file_is_read_again_and_its_entry_replaced(
    plan: Path, progress: Path, cache: Path
) -> None:
    loaded = loader.load_plan(plan)
    snapshot.load_records(progress, loaded, cache)
    (entry,) = progress_entries(cache)
    with progress.open("a", encoding="utf-8") as stream:
        stream.write("- measure: 3\n  status: in_progress\n  on: 2017-04-01\n")
    records = snapshot.load_records(progress, loaded, cache)
    assert (
        [r.measure for r in records]
        == [1, 2, 3]
        == [r.measure for r in read_records(progress, plan)]
    )
    assert progress_entries(cache) == [entry]  # one entry for each progress file
    assert snapshot.load_records(progress, loaded, cache) == records
    # another progress file has an entry of its own
    other = progress.with_name("other.yaml")
    other.write_text(PROGRESS, encoding="utf-8")
    snapshot.load_records(other, loaded, cache)
    assert len(progress_entries(cache)) == 2


def test_records_with_errors_are_not_kept(plan: Path, progress: Path, cache: Path) -> None:
    edit(progress, "by: МОН", "by: МИД")
    for _ in range(2):
        with pytest.raises(DataProblems) as raised:
            snapshot.load_records(progress, loader.load_plan(plan), cache)
        assert [p.code for p in raised.value.problems] == ["unknown-agency"]
    assert progress_entries(cache) == []


def test_records_kept_for_one_plan_are_checked_against_another(
    plan: Path, progress: Path, cache: Path
) -> None:
    """The records are valid against the plan they were checked with: against a plan whose
    glossary lacks the agency one of them names, the kept records are not taken."""
    snapshot.load_records(progress, loader.load_plan(plan), cache)
    edit(plan.parent / "abbreviations.yaml", "code: МОН\n", "code: МОНРК\n")
    other = loader.load_plan(plan)
    with pytest.raises(DataProblems) as raised:
        snapshot.load_records(progress, other, cache)
    assert [p.code for p in raised.value.problems] == ["unknown-agency"]


def test_an_entry_of_records_of_other_code_is_not_used(
    plan: Path,
    progress: Path,
    cache: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    loaded = loader.load_plan(plan)
    snapshot.load_records(progress, loaded, cache)
    monkeypatch.setattr(snapshot, "_FINGERPRINT", ["0" * 64])
    from reintegration_plan import progress as progress_module

    calls: list[Path] = []
    read = progress_module.load_records
    monkeypatch.setattr(
        progress_module,
        "load_records",
        lambda path, *args, **options: calls.append(path) or read(path, *args, **options),
    )
    snapshot.load_records(progress, loaded, cache)
    assert calls == [progress]


@pytest.mark.parametrize(
    "spoil",
    [
        *spoilers(snapshot.RECORDS_MAGIC, 5),
        *(
            pytest.param(*p.values, id="a checked payload of a list that is not records")
            for p in spoilers(snapshot.RECORDS_MAGIC, [1, 2])
            if p.id == "a checked payload of other data"
        ),
    ],
)
def test_a_spoiled_entry_of_records_is_ignored_and_written_again(
    plan: Path, progress: Path, cache: Path, spoil: Any
) -> None:
    loaded = loader.load_plan(plan)
    read = read_records(progress, plan)
    snapshot.load_records(progress, loaded, cache)
    (entry,) = progress_entries(cache)
    spoil(entry)
    assert snapshot.load_records(progress, loaded, cache) == read
    if entry.is_file():  # a folder in its place stays: the file is read every time
        assert entry.read_bytes().startswith(snapshot.RECORDS_MAGIC)
        assert snapshot.load_records(progress, loaded, cache) == read


def test_an_entry_of_other_records_is_not_used(plan: Path, progress: Path, cache: Path) -> None:
    """An entry holding another version's records (as if the file changed but not the entry)."""
    loaded = loader.load_plan(plan)
    snapshot.load_records(progress, loaded, cache)
    (entry,) = progress_entries(cache)
    kept = entry.read_bytes()
    edit(progress, "on: 2017-03-01", "on: 2017-03-02")
    entry.write_bytes(kept)
    (second,) = [r.on.isoformat() for r in snapshot.load_records(progress, loaded, cache)][1:]
    assert second == "2017-03-02"


def test_an_unwritable_cache_means_no_cache_of_records(
    plan: Path, progress: Path, tmp_path: Path
) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    loaded = loader.load_plan(plan)
    found = snapshot.load_records(progress, loaded, blocker / "reintegration-plan")
    assert found == read_records(progress, plan)
    assert blocker.read_text() == "not a folder"


def test_a_progress_file_that_cannot_be_read_says_so(
    plan: Path, tmp_path: Path, cache: Path
) -> None:
    from reintegration_plan.errors import UnreadableInput

    fifo = tmp_path / "progress.yaml"
    os.mkfifo(fifo)
    loaded = loader.load_plan(plan)
    with pytest.raises(UnreadableInput, match="named pipe"):
        snapshot.load_records(fifo, loaded, cache)
    with pytest.raises(UnreadableInput, match="no such file"):
        snapshot.load_records(tmp_path / "missing.yaml", loaded, cache)
    assert progress_entries(cache) == []


def test_the_cli_keeps_the_records_in_the_cache_folder(tmp_path: Path) -> None:
    """`plan show` with a progress file: the same output whether its records were read or kept,
    and kept records spare the reading code."""
    show = ("show", "5", "--as-of", "2017-07-01", "--format", "json")
    run_in_process(tmp_path, *show)  # the plan kept
    (tmp_path / "progress.yaml").write_text(
        "schema_version: 1\nrecords:\n- measure: 5\n  status: done\n  on: 2017-06-20\n"
        "  evidence: приказ № 1\n",
        encoding="utf-8",
    )
    first, loaded = run_in_process(tmp_path, *show)
    assert loaded == list(READING_CODE)  # read, then kept
    assert '"evidence": "приказ № 1"' in first
    assert run_in_process(tmp_path, *show) == (first, [])
    assert len(progress_entries(tmp_path / "cache" / "reintegration-plan")) == 1
