"""Every problem code ``plan validate`` (and the commands that read data files) can report, in one
place: its severity and a one-line summary. README's table of codes is generated from it
(``markdown_table``), and the tests fail when a code is emitted that is not registered here.

A code is stable: scripts and CI annotations key on it (``--format json``, ``--format github``).
"""

from __future__ import annotations

from dataclasses import dataclass

from .problems import Severity


@dataclass(frozen=True)
class ProblemCode:
    code: str
    severity: Severity
    summary: str


_E, _W = Severity.error, Severity.warning

CODES: tuple[ProblemCode, ...] = (
    # --- reading the file (each stops the file: nothing after it is checked) ------------------
    ProblemCode("encoding", _E, "the file is not valid UTF-8"),
    ProblemCode(
        "line-break-character",
        _E,
        "U+2028, U+2029, NEL or a carriage return without a line feed: invisible in editors, "
        "and YAML would number the lines differently from them",
    ),
    ProblemCode("tab-indentation", _E, "a tab indents a line: YAML indents with spaces"),
    ProblemCode("syntax", _E, "not valid YAML: the parser's words, and a hint of the usual causes"),
    ProblemCode("empty", _E, "the file holds no YAML document"),
    ProblemCode("multiple-documents", _E, "the file holds more than one YAML document"),
    ProblemCode("duplicate-key", _E, "a key appears twice in one mapping"),
    ProblemCode("anchor", _E, "an anchor (`&name`): write the value out in full"),
    ProblemCode("alias", _E, "an alias (`*name`): write the value out in full"),
    ProblemCode("tag", _E, "an explicit tag (`!!map`, `!x`)"),
    ProblemCode("complex-key", _E, "a mapping or a list used as a key"),
    ProblemCode("too-deep", _E, "nesting deeper than 64 levels"),
    ProblemCode("too-large", _E, "more than 2,000,000 values and keys"),
    ProblemCode("number-too-long", _E, "a number of more than 30 digits"),
    ProblemCode("document-shape", _E, "the document is not a mapping of keys to values"),
    # --- the schema (`plan schema`) ------------------------------------------------------------
    ProblemCode("missing-key", _E, "a required key is missing"),
    ProblemCode("unknown-key", _E, "a key the schema does not know"),
    ProblemCode("wrong-type", _E, "a value of the wrong type (text for a number, …)"),
    ProblemCode("invalid-value", _E, "a value out of range or not one of those allowed"),
    # --- the files a plan names ----------------------------------------------------------------
    ProblemCode("abbreviations-file", _E, "the abbreviations file named cannot be read"),
    # --- texts and codes -----------------------------------------------------------------------
    ProblemCode("whitespace", _E, "leading, trailing or doubled whitespace, a tab or a line break"),
    ProblemCode(
        "special-character",
        _E,
        "an invisible or special character (zero-width, soft hyphen, bidi control, "
        "no-break or other special space, line separator), named by its Unicode name",
    ),
    ProblemCode("not-nfc", _E, "a text not in Unicode normal form NFC"),
    ProblemCode(
        "lookalike-letter",
        _E,
        "a Latin letter in a Cyrillic word or code (`MВД`), or a Cyrillic one in an English "
        "word: it looks the same and is another letter",
    ),
    ProblemCode("latin-alias", _E, "a Latin alias (`MVD`) where the act writes its code (`МВД`)"),
    ProblemCode("confusable-codes", _E, "two glossary codes that look the same on screen"),
    ProblemCode("duplicate-abbreviation", _E, "a code or alias defined twice in the glossary"),
    # --- the act's rules -----------------------------------------------------------------------
    ProblemCode("period-order", _E, "a period that starts after it ends"),
    ProblemCode("point-number-sequence", _E, "points or sub-points not numbered 1, 2, 3, …"),
    ProblemCode(
        "point-number-gap",
        _W,
        "a point (or sub-point) number past the next: the act may skip one (№ 15 has no point "
        "2); check it",
    ),
    ProblemCode(
        "measure-number-sequence", _E, "measures not numbered 1, 2, 3, … (or 1.1, 1.2, 2.1, …)"
    ),
    ProblemCode(
        "number-text-mismatch", _E, "a measure's number cell (`number_text`) is not its number"
    ),
    ProblemCode("table-columns", _E, "the table's columns: a number twice, a role missing"),
    ProblemCode("unknown-column", _E, "a cell of a column the table does not have"),
    ProblemCode("duplicate-section", _E, "two sections with one id"),
    ProblemCode("unknown-section", _E, "a section (of a measure, an indicator row) not defined"),
    ProblemCode("duplicate-measure-number", _E, "two measures with one number"),
    ProblemCode("duplicate-obligation", _E, "two reporting duties with one id"),
    ProblemCode("unknown-point", _E, "a reporting duty names a point the act lacks"),
    ProblemCode(
        "unknown-agency",
        _E,
        "an agency code not defined in the abbreviations file (or, in a progress record, "
        "neither a code nor an alias)",
    ),
    ProblemCode("by-agreement-not-obligor", _E, "by agreement, but not among the obligors"),
    ProblemCode("unknown-duty", _E, "a second-level duty follows a duty that is not there"),
    ProblemCode(
        "follows-not-recipient",
        _E,
        "a second-level duty owed by a body that does not receive the duty it follows",
    ),
    ProblemCode(
        "follows-too-early",
        _E,
        "a second-level duty's report due before the report it follows",
    ),
    ProblemCode("not-an-executor", _E, "a glossary term that cannot execute measures"),
    ProblemCode("duplicate-executor", _E, "an agency listed twice in one measure"),
    ProblemCode("lead-count", _E, "a measure without exactly one lead"),
    ProblemCode("executors-mismatch", _E, "executors not as the executors text says"),
    ProblemCode("forms-mismatch", _E, "forms not as the form text says"),
    ProblemCode(
        "deadline-text-unread",
        _E,
        'a deadline text in none of the forms read (README, "Deadline rules") and not '
        "marked for review",
    ),
    ProblemCode("impossible-quarter", _E, "a deadline text naming quarter 0 or 5"),
    ProblemCode(
        "impossible-deadline", _E, "a deadline text naming what cannot be: 31 April, half-year 3"
    ),
    ProblemCode("deadline-mismatch", _E, "a deadline not as the deadline text says"),
    ProblemCode("deadline-outside-period", _E, "a deadline outside the plan period"),
    ProblemCode("duplicate-deadline", _E, "a cell's deadlines falling due twice for one period"),
    ProblemCode("costs-text-unread", _W, "a costs text neither 'не требуются' nor an amount"),
    ProblemCode("costs-mismatch", _E, "costs not as the costs text says"),
    ProblemCode(
        "financing-text-unread",
        _W,
        "a financing text neither 'не требуются' nor amounts: check the financing by hand",
    ),
    ProblemCode("financing-mismatch", _E, "financing not as the financing and sources texts say"),
    ProblemCode(
        "review-note",
        _W,
        "a field left for review (`review:`): check it against the act, then remove the note",
    ),
    ProblemCode("review-unknown-field", _E, "a review note on a field the object does not have"),
    ProblemCode(
        "undefined-abbreviation",
        _W,
        "an abbreviation used in a text that the act's glossary does not define",
    ),
    ProblemCode("missing-translation", _W, "a text without its English translation"),
    # --- against the act's official text (`source:`) ----------------------------------------
    ProblemCode("source-missing", _W, "the act's text named by `source` does not exist"),
    ProblemCode(
        "source-file",
        _E,
        "the act's text named by `source` cannot be read, or is not an act of the layout read",
    ),
    ProblemCode(
        "source-mismatch",
        _E,
        "a verbatim text differs from the act's text: expected and found around the first "
        "differing character",
    ),
    ProblemCode(
        "source-count",
        _E,
        "more or fewer points, sub-points, measures or glossary entries than the act's text has",
    ),
    ProblemCode(
        "source-unread",
        _W,
        "a part of the act's text the reader could not place (it is not compared)",
    ),
    ProblemCode("source-unused", _W, "an act's text that no plan file beside it names"),
    # --- progress files ------------------------------------------------------------------------
    ProblemCode(
        "unknown-measure", _E, "a record (or an indicator row) names a measure the plan lacks"
    ),
    ProblemCode(
        "unknown-obligation",
        _E,
        "a record names an obligation the plan lacks, or a measure that falls due several "
        "times without saying which",
    ),
    ProblemCode("done-without-evidence", _W, "a record of `done` without `evidence`"),
    ProblemCode(
        "other-plan",
        _W,
        "a record names a plan that is not loaded (`plan:`): it is not counted; load that "
        "plan too, or check the id",
    ),
    ProblemCode(
        "ambiguous-plan",
        _E,
        "a record without `plan:` whose measure or obligation is in several plans loaded",
    ),
    ProblemCode(
        "records-layout",
        _E,
        "`plan record` cannot append to this layout of `records` (a flow list)",
    ),
)

BY_CODE: dict[str, ProblemCode] = {entry.code: entry for entry in CODES}


def markdown_table() -> str:
    """README's table of codes (between its ``<!-- problem-codes -->`` markers)."""
    lines = ["| code | severity | what it means |", "| --- | --- | --- |"]
    lines += [f"| `{c.code}` | {c.severity.value} | {c.summary} |" for c in CODES]
    return "\n".join(lines) + "\n"
