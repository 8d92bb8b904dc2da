"""The act's official text a plan file names (``source``, relative to it), read and compared
with the plan's verbatim texts (``source_check``) for ``plan validate``.

The text is read in its format (``act_formats``: the plain-text export, an adilet.zan.kz page,
Markdown with HTML tables). A missing file is a warning; one that cannot be read, or is not an
act, is an error (both at the plan's ``source``); the parts of the text the reader
could not place are warnings, since they are not compared.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from .act_formats import read_act
from .act_text import ActTextError, Row
from .errors import DataProblems, UnreadableInput
from .loader import locate, open_document, read_bytes
from .problems import Finding, Problem, Severity
from .source_check import MeasureRows, SourceCheck
from .yamlio import Document, YamlError, cut, decode


def source_problems(document: Document, plan_path: Path) -> list[Problem]:
    """The problems of the plan file ``document`` (at ``plan_path``) and of the abbreviations
    file it names against the act's text it names; none when it names none."""
    root = document.data
    if not isinstance(root, dict):
        return []
    reading = SourceReading(plan_path)
    measures = MeasureRows(root, str(reading.path(root)))
    reading.read(root, measures.take)  # each measure row compared as it is read, then dropped
    problems = locate(document, reading.findings)
    check = reading.check
    if check is None:
        return problems
    found = check.head(root) + measures.findings(check.act)
    problems += locate(document, found)
    glossary = _glossary_document(plan_path, root.get("abbreviations"))
    if glossary is not None:
        problems += locate(glossary, check.glossary(glossary.data))
    return problems


def _glossary_document(plan_path: Path, name: Any) -> Document | None:
    """The abbreviations file the plan names, parsed; None when it cannot be (the plan's own
    check reports why)."""
    if not isinstance(name, str):
        return None
    try:
        return open_document(plan_path.parent / name)
    except (UnreadableInput, DataProblems):
        return None


class SourceReading:
    """The act's text a plan file names, read once, and the findings of reading it."""

    def __init__(self, plan_path: Path) -> None:
        self.plan_path = plan_path
        self.done = False
        self.check: SourceCheck | None = None
        self.findings: list[Finding] = []

    def path(self, root: Any) -> Path:
        """Where the act's text the plan file (its data ``root``) names is (its ``source``)."""
        name = root.get("source") if isinstance(root, dict) else None
        return self.plan_path.parent / (name if isinstance(name, str) else "")

    def read(self, root: Any, keep_row: Callable[[Row], bool] | None = None) -> None:
        """Read the act's text the plan file names (``keep_row``: see ``act_formats.read_act``)."""
        name = root.get("source") if isinstance(root, dict) else None
        if self.done or not isinstance(name, str):
            return
        self.done = True
        path = self.path(root)
        if not path.exists():
            self.findings.append(
                Finding(
                    Severity.warning,
                    "source-missing",
                    f"the act's text {path} does not exist: the verbatim texts are not compared "
                    "with it (give its path relative to this file, or run with --no-source)",
                    ("source",),
                )
            )
            return
        try:
            text = decode(read_bytes(path))
            act = read_act(text, path.name, keep_row=keep_row)
            self.check = SourceCheck(act, str(path))
        except UnreadableInput as exc:
            self._refuse(f"the act's text {exc.path} cannot be read: {exc.reason}")
        except YamlError as exc:  # not UTF-8
            self._refuse(f"the act's text {path} cannot be read: {exc.message}")
        except ActTextError as exc:
            self._refuse(f"the act's text {path}:{exc.line}:{exc.column} cannot be read: {exc}")
        if self.check is not None:
            for block in self.check.act.unread:
                if block.kind == "annex_text":
                    continue  # other annexes (rules, a concept's chapters): not the plan's
                line, column = block.position
                self.findings.append(
                    Finding(
                        Severity.warning,
                        "source-unread",
                        f"{path}:{line}:{column}: a part of the act's text that could not be "
                        f"placed ({block.kind.replace('_', ' ')}), not compared: "
                        f"{cut(block.texts[0].text, 60)!r}",
                        ("source",),
                    )
                )

    def _refuse(self, message: str) -> None:
        self.findings.append(Finding(Severity.error, "source-file", message, ("source",)))
