"""``plan import``: an act's text file drafted into a plan file, its abbreviations file and a copy
of the act beside them, each written all at once; then the draft checked as ``plan validate``
checks it.

Files, for ``plan import ACT -o DIR/PLAN.yaml``: ``DIR/PLAN.yaml``, ``DIR/abbreviations.yaml``
(the name can be changed) and ``DIR/source/<ACT's name>``, the act's bytes unchanged, named in
the plan's ``source:`` so that ``plan validate`` compares the verbatim texts with it (``DIR``
and ``DIR/source`` are made when missing, as ``mkdir -p`` would). An output
that exists is refused unless ``force`` (a copy of the act that already holds the same bytes is
kept as it is); the act itself is never written over, ``force`` or not. Nothing is written
until the whole draft is made and reads back as written (the YAML round trip is checked).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .act_formats import ActFormat, act_format, read_act
from .act_text import ActTextError
from .draft import Draft, DraftError, Given, draft_plan
from .errors import InvalidInput
from .loader import read_bytes
from .outfile import make_directory, target_of, write_output
from .problems import Problem
from .validation import validate_paths
from .yamlio import YamlError, decode, parse
from .yamlout import dump, plain

__all__ = ["ImportResult", "import_act"]

PLAN_HEADER = (
    "yaml-language-server: $schema=https://example.invalid/reintegration-plan/plan.schema.json",
    "Drafted by `plan import` from the act named in `source`. Every Russian text is copied",
    "verbatim from it; the structured fields beside the texts were read from them. A `review`",
    "note marks what the importer did not understand: check that field against the act, fix",
    "it, and remove the note (`plan validate` warns on each until then).",
)
ABBREVIATIONS_HEADER = (
    "Abbreviations drafted by `plan import`: the act's glossary, code and expansion verbatim,",
    "then the names the act uses without defining them (in_glossary: false). The aliases and",
    "kinds are guesses to check; add an English name (name_en) to each.",
)


@dataclass(frozen=True)
class ImportResult:
    plan: Path
    abbreviations: Path
    source: Path
    form: ActFormat
    draft: Draft
    problems: tuple[Problem, ...]


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:  # pragma: no cover - a path that vanished in between
        return False


def _check_outputs(act: Path, outputs: list[Path], force: bool) -> None:
    """Refuse, before anything is written, an output that is the act, that exists (without
    ``force``), or that cannot be written (``outfile``: a directory, a device, no directory)."""
    for path in outputs:
        if _same_file(path, act) or path.resolve() == act.resolve():
            raise InvalidInput(f"{path} is the act itself: choose another output file")
        if path.exists() and not force:
            raise InvalidInput(f"{path} exists: give --force to replace it, or another -o file")
        if path.parent.is_dir():  # a missing folder is made (the draft's, its source/)
            target_of(path)


def _round_trip(text: str, data: object, name: str) -> None:
    """The written text reads back as the data (every string, every number)."""
    try:
        back = parse(text)
    except YamlError as exc:  # pragma: no cover - would be a bug in yamlout
        raise AssertionError(f"{name}: the draft does not read back: {exc.message}") from exc
    if back != plain(data):  # pragma: no cover - would be a bug in yamlout
        raise AssertionError(f"{name}: the draft does not read back as written")


def import_act(
    act: Path,
    output: Path,
    *,
    force: bool = False,
    given: Given | None = None,
    abbreviations_name: str = "abbreviations.yaml",
    form: ActFormat | None = None,
) -> ImportResult:
    """Draft ``act`` into ``output`` and the files beside it (see the module's doc)."""
    raw = read_bytes(act)
    try:
        text = decode(raw)
    except YamlError as exc:
        raise InvalidInput(
            f"{act}:{exc.position.line}:{exc.position.column}: {exc.message}"
        ) from None
    chosen = form or act_format(text, act.name)
    try:
        read = read_act(text, act.name, chosen)
    except ActTextError as exc:
        raise InvalidInput(f"{act}:{exc.line}:{exc.column}: {exc}") from None
    directory = output.parent
    abbreviations = directory / abbreviations_name
    source = directory / "source" / act.name
    if abbreviations.resolve() == output.resolve():
        raise InvalidInput(f"the abbreviations file would be {output} itself: name another")
    copy = not (_same_file(source, act) or (source.exists() and source.read_bytes() == raw))
    _check_outputs(act, [output, abbreviations, *([source] if copy else [])], force)
    try:
        draft = draft_plan(
            read,
            source=f"source/{act.name}",
            abbreviations=abbreviations_name,
            given=given or Given(),
        )
    except DraftError as exc:
        raise InvalidInput(f"{act}: {exc}") from None
    plan_text = dump(draft.plan, PLAN_HEADER)
    abbreviations_text = dump(draft.abbreviations, ABBREVIATIONS_HEADER)
    _round_trip(plan_text, draft.plan, str(output))
    _round_trip(abbreviations_text, draft.abbreviations, str(abbreviations))
    reads = {"act": act}
    if copy:  # a new draft's folder is made, as its source/ folder is
        make_directory(directory / "source")
        write_output(source, raw, reads)
    write_output(abbreviations, abbreviations_text.encode("utf-8"), reads)
    write_output(output, plan_text.encode("utf-8"), reads)
    problems = validate_paths([output], output)
    return ImportResult(output, abbreviations, source, chosen, draft, tuple(problems))
