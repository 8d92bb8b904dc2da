"""Renderers of the half-yearly submission (``submission``), keyed by format name: docx (a
Word document the official edits before signing, written with python-docx), xlsx and
markdown. Each returns the file's bytes; python-docx and openpyxl are imported only here, when
such a file is written.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from .i18n import (
    Lang,
    date_long,
    date_short,
    days,
    has_label,
    label,
    period_phrase,
    pick,
    status_label,
    texts_note,
)
from .models import ProgressRecord
from .obligations import translated
from .submission import Submission, SubmissionLine
from .tables import written
from .workbook import Column, Table, deterministic, write_workbook


@dataclass(frozen=True)
class Draft:
    """The submission's texts in a language: the heading lines, then the table."""

    to: str
    sender: str
    title: str
    basis: str
    dated: str
    intro: str
    head: list[str]
    rows: list[list[str]]
    fill: str  # what a cell says where the official must fill in
    note: str | None  # English: what its texts of the act are (a translation, or Russian)
    signature: str


def _record(record: ProgressRecord, lang: Lang) -> str:
    text = f"{date_short(record.on, lang)}: {status_label(record.status.value, lang)}"
    if record.note:
        text += f"; {record.note}"
    if record.evidence:
        text += "; " + label("submission.evidence", lang, evidence=record.evidence)
    if record.by:
        text += f" ({record.by})"
    return text


def _status(line: SubmissionLine, lang: Lang) -> str:
    s = line.item.standing
    text = status_label(s.status.value, lang)
    if s.days_overdue is not None:
        text += f" ({days(s.days_overdue, lang)})"
    elif s.days_late is not None:
        text += f" ({label('message.late', lang, days=days(s.days_late, lang))})"
    return text


def _deadline(line: SubmissionLine, lang: Lang) -> str:
    o = line.item.obligation
    words = pick(lang, o.deadline_text, o.deadline_text_en) or ""
    return f"{words} ({date_short(o.deadline, lang)})" if o.deadline else words


def _period(submission: Submission, form: str, lang: Lang) -> str:
    """The submission's period in words: "за 1 полугодие 2018 года" (``for``), "в 1 полугодии
    2018 года" (``in``), "за полугодие" (``unit``), "в этом полугодии" (``this``)."""
    return period_phrase(submission.period, form, lang, start=submission.start)


def draft(submission: Submission, lang: Lang) -> Draft:
    s = submission
    fill = label("submission.fill", lang, period=_period(submission, "unit", lang))
    rows = []
    for line in s.lines:
        o = line.item.obligation
        done = "\n".join(_record(r, lang) for r in line.records) or fill
        rows.append(
            [
                str(o.number),
                pick(lang, o.title_ru, o.title_en),
                _deadline(line, lang),
                label(f"role.{line.item.role}", lang),
                _status(line, lang),
                done,
            ]
        )
    names = [pick(lang, r.expansion, r.name_en) for r in s.recipients]
    names += [label(f"body.{b}", lang) if has_label(f"body.{b}") else b for b in s.bodies]
    recipients = ", ".join(names)
    return Draft(
        to=label("submission.to", lang, name=recipients),
        sender=label(
            "submission.from", lang, name=pick(lang, s.agency.expansion, s.agency.name_en)
        ),
        title=label("submission.title", lang, period=_period(s, "for", lang)),
        basis=label(
            "submission.basis",
            lang,
            point=s.report.point,
            act=label(f"act.kind_genitive.{s.act_kind}", lang),
            number=s.act_number if s.act_number is not None else "…",
            date=date_long(s.act_date, lang) if s.act_date is not None else "…",
        ),
        dated=label("submission.dated", lang, date=date_short(s.dated, lang)),
        intro=label(
            "submission.intro",
            lang,
            code=written(s.agency, lang),
            period=_period(s, "in", lang),
            end=date_short(s.end, lang),
            plan=pick(lang, s.plan_title_ru, s.plan_title_en),
        ),
        head=[
            label("act.column.number", lang),
            label("act.column.text", lang),
            label("act.column.deadline", lang),
            label("column.role", lang),
            label("submission.status_at", lang, date=date_short(s.end, lang)),
            label("submission.done", lang),
        ],
        rows=rows,
        fill=fill,
        note=texts_note(
            (
                s.plan_title_en is not None,
                s.agency.name_en is not None,
                *(r.name_en is not None for r in s.recipients),
                *(translated(line.item.obligation) for line in s.lines),
            ),
            lang,
        ),
        signature=label("submission.signature", lang),
    )


# --- Markdown ----------------------------------------------------------------------------


def _md(text: str) -> str:
    return " ".join(text.replace("|", "\\|").split("\n")).strip() or " "


Submissions = Submission | Sequence[Submission]
"""What a renderer takes: one submission, or one per plan (several plans loaded), written one
after another (Markdown: a rule between them; a workbook: a sheet each; Word: a page each)."""


def _each(submissions: Submissions) -> Sequence[Submission]:
    return [submissions] if isinstance(submissions, Submission) else submissions


def render_markdown(submissions: Submissions, lang: Lang) -> bytes:
    parts = [_markdown(submission, lang) for submission in _each(submissions)]
    return "\n---\n\n".join(parts).encode("utf-8")


def _markdown(submission: Submission, lang: Lang) -> str:
    d = draft(submission, lang)
    out = [d.to, "", d.sender, "", d.dated, "", f"# {d.title}", "", d.basis, "", d.intro, ""]
    if d.note:
        out += [f"_{d.note}_", ""]
    if d.rows:
        out.append("| " + " | ".join(d.head) + " |")
        out.append("| ---: | --- | --- | --- | --- | --- |")
        for row in d.rows:
            cells = [_md(cell).replace("  ", " ") for cell in row[:-1]]
            cells.append("<br>".join(_md(part) for part in row[-1].split("\n")))
            out.append("| " + " | ".join(cells) + " |")
    else:
        out.append(label("submission.no_measures", lang, period=_period(submission, "this", lang)))
    out += ["", d.signature, ""]
    return "\n".join(out)


# --- Excel -------------------------------------------------------------------------------


def render_xlsx(submissions: Submissions, lang: Lang) -> bytes:
    """The draft on one sheet (one per plan, several plans loaded), its cells typed: the
    number a number (a dotted one, 1.7, a text), the deadline a date beside the act's words
    for it."""
    return write_workbook([_sheet(s, lang) for s in _each(submissions)], lang)


def _sheet(submission: Submission, lang: Lang) -> Table:
    d = draft(submission, lang)
    number, text, deadline, *others = d.head
    columns = [
        Column(number, 6),
        Column(text, 60, wrap=True),
        Column(deadline, 12, date=True),
        Column(label("column.deadline_text", lang), 22, wrap=True),
        *(Column(h, width, wrap=True) for h, width in zip(others, (14, 18, 60), strict=True)),
    ]
    rows: list[list[str | int | dt.date | None]] = []
    for line, row in zip(submission.lines, d.rows, strict=True):
        o = line.item.obligation
        words = pick(lang, o.deadline_text, o.deadline_text_en)
        rows.append([_typed_number(o.number, row[0]), row[1], o.deadline, words, *row[3:]])
    preamble = [d.title, d.basis, d.to, d.sender, d.dated, d.intro, *([d.note] if d.note else [])]
    name = label("submission.sheet", lang, period=period_phrase(submission.period, "short", lang))
    return Table(
        f"{submission.plan} {submission.period}" if submission.plan else name,
        columns,
        rows,
        preamble=preamble,
        highlight=d.fill,
    )


def _typed_number(number: int | str | None, text: str) -> int | str:
    """A measure's number in a cell: 5 a number, 1.7 as written."""
    return number if isinstance(number, int) else text


# --- Word --------------------------------------------------------------------------------

WIDTHS_MM = (10, 84, 32, 26, 30, 75)  # A4 landscape, 30 mm and 10 mm side margins: 257 mm


def render_docx(submissions: Submissions, lang: Lang) -> bytes:
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_BREAK
    from docx.shared import Mm, Pt

    each = _each(submissions)
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    section.left_margin, section.right_margin = Mm(30), Mm(10)
    section.top_margin, section.bottom_margin = Mm(20), Mm(15)
    normal = document.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(12)
    for n, submission in enumerate(each):
        if n:  # each plan's submission on pages of its own
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        _docx_body(document, submission, lang)
    first = each[0]
    properties = document.core_properties
    properties.title = draft(first, lang).title
    properties.author = first.agency.code
    moment = dt.datetime.combine(first.dated, dt.time())
    properties.created = properties.modified = moment
    properties.last_modified_by = first.agency.code
    properties.revision = 1
    buffer = io.BytesIO()
    document.save(buffer)
    return deterministic(buffer.getvalue())


def _docx_body(document: Any, submission: Submission, lang: Lang) -> None:
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    d = draft(submission, lang)
    for text in (d.to, d.sender):
        paragraph = document.add_paragraph(text)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    document.add_paragraph(d.dated).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(d.title)
    run.bold = True
    run.font.size = Pt(14)
    document.add_paragraph(d.basis).alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph(d.intro).alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    if d.note:
        document.add_paragraph().add_run(d.note).italic = True

    if d.rows:
        table = document.add_table(rows=1, cols=len(d.head))
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        header = table.rows[0]
        flag = OxmlElement("w:tblHeader")  # repeat the header row on every page
        flag.set(qn("w:val"), "true")
        header._tr.get_or_add_trPr().append(flag)
        for cell, text in zip(header.cells, d.head, strict=True):
            cell.text = ""
            run = cell.paragraphs[0].add_run(text)
            run.bold = True
            run.font.size = Pt(10)
        for row in d.rows:
            cells = table.add_row().cells
            for n, (cell, text) in enumerate(zip(cells, row, strict=True)):
                paragraph = cell.paragraphs[0]
                for k, part in enumerate(text.split("\n")):
                    if k:
                        paragraph = cell.add_paragraph()
                    run = paragraph.add_run(part)
                    run.font.size = Pt(10)
                    if part == d.fill:
                        run.font.highlight_color = WD_COLOR_INDEX.YELLOW
                if n == 0:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        for row in table.rows:
            for cell, width in zip(row.cells, WIDTHS_MM, strict=True):
                cell.width = Mm(width)
    else:
        document.add_paragraph(
            label("submission.no_measures", lang, period=_period(submission, "this", lang))
        )

    document.add_paragraph()
    document.add_paragraph(d.signature)


SUBMISSION_FORMATS: dict[str, Callable[[Submissions, Lang], bytes]] = {
    "docx": render_docx,
    "xlsx": render_xlsx,
    "markdown": render_markdown,
}
