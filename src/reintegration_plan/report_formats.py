"""Renderers of the progress report, keyed by format name: markdown and html.

The HTML is one standalone document: styles in a ``<style>`` element in the head, no scripts,
no external fonts, images or stylesheets; the only links are the evidence the progress file
gives (http and https URLs). It prints well: ``@media print`` drops the colours, repeats table
headings on each page and prints link targets.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

from .i18n import Lang, days, label, pick, status_label
from .queries import Item
from .report import AgencySection, ProgressReport

Row = list[str]


def item_title(item: Item, lang: Lang) -> str:
    """The obligation's title in the language (a half-yearly report with its half-year)."""
    o = item.obligation
    title = pick(lang, o.title_ru, o.title_en)
    return f"{title} ({o.period})" if o.period else title


def item_label(item: Item) -> str:
    """Its short name: the measure's number, else the report's id."""
    o = item.obligation
    return str(o.number) if o.number is not None else o.id


def _role(item: Item, lang: Lang) -> str:
    if item.role == "report":
        return label("kind.report", lang)
    return label(f"role.{item.role}", lang) if item.role else ""


def _status(item: Item, lang: Lang) -> str:
    s = item.standing
    text = status_label(s.status.value, lang)
    if s.days_overdue is not None:
        text += f" ({days(s.days_overdue, lang)})"
    elif s.days_late is not None:
        text += f" ({label('message.late', lang, days=days(s.days_late, lang))})"
    return text


def _deadline(item: Item, lang: Lang) -> str:
    o = item.obligation
    if o.deadline is None:
        return status_label("undated", lang)
    text = pick(lang, o.deadline_text, o.deadline_text_en)
    return f"{o.deadline.isoformat()} ({text})" if text else o.deadline.isoformat()


def _owed_by(item: Item) -> str:
    """The lead, or every agency that owes it."""
    return item.obligation.lead or ", ".join(item.obligation.executors)


def _done_on(item: Item) -> str:
    record = item.standing.record
    return record.on.isoformat() if record is not None else ""


def _evidence(item: Item) -> str | None:
    record = item.standing.record
    return record.evidence if record is not None else None


def _is_link(text: str) -> bool:
    return text.startswith(("https://", "http://")) and not any(c.isspace() for c in text)


# --- the tables, as headings and rows of plain text --------------------------------------


def _headline(report: ProgressReport, lang: Lang) -> tuple[Row, list[Row]]:
    rows = [[status_label(status.value, lang), str(count)] for status, count in report.counts]
    rows.append([label("column.total", lang), str(report.total)])
    return [label("column.status", lang), label("column.count", lang)], rows


def _agency_table(
    report: ProgressReport, lang: Lang, items: Sequence[Item]
) -> tuple[Row, list[Row]]:
    head = [
        label("column.number", lang),
        label("column.obligation", lang),
        label("column.role", lang),
        label("column.deadline", lang),
        label("column.status", lang),
    ]
    rows = [
        [
            item_label(i),
            item_title(i, lang),
            _role(i, lang),
            _deadline(i, lang),
            _status(i, lang),
        ]
        for i in items
    ]
    return head, rows


def _overdue_table(report: ProgressReport, lang: Lang) -> tuple[Row, list[Row]]:
    head = [
        label("column.number", lang),
        label("column.obligation", lang),
        label("column.lead", lang),
        label("column.deadline", lang),
        label("column.days_overdue", lang),
    ]
    rows = [
        [
            item_label(i),
            item_title(i, lang),
            _owed_by(i),
            _deadline(i, lang),
            str(i.standing.days_overdue),
        ]
        for i in report.overdue
    ]
    return head, rows


def _completed_head(lang: Lang) -> Row:
    return [
        label("column.number", lang),
        label("column.obligation", lang),
        label("column.done_on", lang),
        label("column.days_late", lang),
        label("column.evidence", lang),
    ]


def _reporting_table(report: ProgressReport, lang: Lang) -> tuple[Row, list[Row]]:
    head = [
        label("column.obligation", lang),
        label("column.agency", lang),
        label("column.deadline", lang),
        label("column.status", lang),
    ]
    rows = [
        [item_title(i, lang), _owed_by(i), _deadline(i, lang), _status(i, lang)]
        for i in report.reporting
    ]
    return head, rows


def _agency_heading(section: AgencySection, lang: Lang) -> str:
    """``МВД: Ministry of …``; the akimats, whose code is their name, only once."""
    agency = section.agency
    code, name = agency.code, pick(lang, agency.expansion, agency.name_en)
    return code if name == code else label("report.agency", lang, code=code, name=name)


# --- Markdown ----------------------------------------------------------------------------


def _md_cell(text: str) -> str:
    return " ".join(text.split()).replace("\\", "\\\\").replace("|", "\\|") or " "


def _md_table(head: Row, rows: list[Row], right: Sequence[int] = ()) -> list[str]:
    rule = ["---:" if i in right else "---" for i in range(len(head))]
    lines = ["| " + " | ".join(_md_cell(c) for c in head) + " |", "| " + " | ".join(rule) + " |"]
    lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in rows]
    return lines


def _md_evidence(text: str | None, lang: Lang) -> str:
    if text is None:
        return label("report.no_evidence", lang)
    return f"<{text}>" if _is_link(text) else text


def render_markdown(report: ProgressReport, lang: Lang) -> str:
    out = [f"# {label('report.title', lang)}", ""]
    out += [f"{pick(lang, report.plan_title_ru, report.plan_title_en)}.", ""]
    out += [f"**{label('report.as_of', lang, date=report.as_of.isoformat())}**", ""]
    if lang == "en":
        out += [f"_{label('report.translation_note', lang)}_", ""]
    out += [f"## {label('report.headline', lang)}", ""]
    out += [*_md_table(*_headline(report, lang), right=(1,)), ""]
    out += [f"## {label('report.by_agency', lang)}", ""]
    for section in report.agencies:
        heading = _agency_heading(section, lang)
        out += [f"### {heading}", ""]
        out += [*_md_table(*_agency_table(report, lang, section.items)), ""]
    out += [f"## {label('report.overdue', lang)}", ""]
    if report.overdue:
        out += [*_md_table(*_overdue_table(report, lang), right=(4,)), ""]
    else:
        out += [label("message.none", lang).capitalize() + ".", ""]
    out += [f"## {label('report.completed', lang)}", ""]
    if report.completed:
        rows = [
            [
                item_label(i),
                item_title(i, lang),
                _done_on(i),
                str(i.standing.days_late or 0),
                _md_evidence(_evidence(i), lang),
            ]
            for i in report.completed
        ]
        out += [*_md_table(_completed_head(lang), rows, right=(3,)), ""]
    else:
        out += [label("message.none", lang).capitalize() + ".", ""]
    out += [f"## {label('report.reporting', lang)}", ""]
    out += [*_md_table(*_reporting_table(report, lang)), ""]
    return "\n".join(out)


# --- HTML --------------------------------------------------------------------------------

STYLE = """
:root { color-scheme: light; }
body { font-family: -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: #1b1b1b; line-height: 1.4; }
h1 { font-size: 1.6rem; margin-bottom: 0.25rem; }
h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid #ccc; }
h3 { font-size: 1.05rem; margin-top: 1.5rem; }
p.plan { margin-top: 0; color: #444; }
p.note { font-style: italic; color: #555; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; font-size: 0.92rem; }
th, td { border: 1px solid #bbb; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #f0f0f0; }
td.number { text-align: right; white-space: nowrap; }
.status-overdue { color: #a40000; font-weight: bold; }
.status-due { color: #8a5a00; font-weight: bold; }
.status-in_progress { color: #6a1b9a; }
.status-ongoing { color: #005a8c; }
.status-upcoming { color: #33449a; }
.status-undated, .status-cancelled { color: #666; }
.status-done { color: #1b6e20; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; color: #000; }
  h2 { break-after: avoid; }
  h3 { break-after: avoid; }
  table { font-size: 9pt; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  th { background: none; }
  [class^="status-"] { color: #000; }
  a { color: #000; text-decoration: none; }
  a[href]::after { content: " (" attr(href) ")"; font-size: 8pt; word-break: break-all; }
}
""".strip()


def _h(text: str) -> str:
    return html.escape(text, quote=True)


def _statuses(items: Sequence[Item]) -> Callable[[int], str | None]:
    return lambda n: items[n].standing.status.value


def _html_table(
    head: Row,
    rows: Sequence[Sequence[str]],
    *,
    css: str,
    numeric: Sequence[int] = (),
    status_of: Callable[[int], str | None] = lambda _: None,
    status_column: int | None = None,
    raw_columns: Sequence[int] = (),
) -> list[str]:
    """A table; cells are escaped except in ``raw_columns`` (already HTML)."""
    out = [f'<table class="{css}">', "<thead><tr>"]
    out += [f'<th scope="col">{_h(cell)}</th>' for cell in head]
    out += ["</tr></thead>", "<tbody>"]
    for n, row in enumerate(rows):
        cells = []
        for i, cell in enumerate(row):
            classes = []
            if i in numeric:
                classes.append("number")
            status = status_of(n) if i == status_column else None
            if status:
                classes.append(f"status-{status}")
            attr = f' class="{" ".join(classes)}"' if classes else ""
            cells.append(f"<td{attr}>{cell if i in raw_columns else _h(cell)}</td>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    out += ["</tbody>", "</table>"]
    return out


def _html_evidence(text: str | None, lang: Lang) -> str:
    if text is None:
        return _h(label("report.no_evidence", lang))
    if _is_link(text):
        return f'<a href="{_h(text)}">{_h(text)}</a>'
    return _h(text)


def render_html(report: ProgressReport, lang: Lang) -> str:
    title = label("report.title", lang)
    as_of = label("report.as_of", lang, date=report.as_of.isoformat())
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_h(title)} — {_h(as_of)}</title>",
        "<style>",
        STYLE,
        "</style>",
        "</head>",
        "<body>",
        "<main>",
        f"<h1>{_h(title)}</h1>",
        f'<p class="plan">{_h(pick(lang, report.plan_title_ru, report.plan_title_en))}.</p>',
        f'<p class="as-of"><strong>{_h(as_of)}</strong></p>',
    ]
    if lang == "en":
        out.append(f'<p class="note">{_h(label("report.translation_note", lang))}</p>')

    statuses = [status.value for status, _ in report.counts]
    head, rows = _headline(report, lang)
    out += ['<section class="headline">', f"<h2>{_h(label('report.headline', lang))}</h2>"]
    out += _html_table(
        head,
        rows,
        css="headline",
        numeric=(1,),
        status_of=lambda n: statuses[n] if n < len(statuses) else None,
        status_column=0,
    )
    out.append("</section>")

    out += ['<section class="by-agency">', f"<h2>{_h(label('report.by_agency', lang))}</h2>"]
    for section in report.agencies:
        heading = _agency_heading(section, lang)
        items = section.items
        out += ['<section class="agency">', f"<h3>{_h(heading)}</h3>"]
        out += _html_table(
            *_agency_table(report, lang, items),
            css="agency",
            numeric=(0,),
            status_of=_statuses(items),
            status_column=4,
        )
        out.append("</section>")
    out.append("</section>")

    out += ['<section class="overdue">', f"<h2>{_h(label('report.overdue', lang))}</h2>"]
    if report.overdue:
        out += _html_table(*_overdue_table(report, lang), css="overdue", numeric=(0, 4))
    else:
        out.append(f"<p>{_h(label('message.none', lang).capitalize())}.</p>")
    out.append("</section>")

    out += ['<section class="completed">', f"<h2>{_h(label('report.completed', lang))}</h2>"]
    if report.completed:
        rows = [
            [
                _h(item_label(i)),
                _h(item_title(i, lang)),
                _h(_done_on(i)),
                _h(str(i.standing.days_late or 0)),
                _html_evidence(_evidence(i), lang),
            ]
            for i in report.completed
        ]
        out += _html_table(
            _completed_head(lang),
            rows,
            css="completed",
            numeric=(0, 3),
            raw_columns=(0, 1, 2, 3, 4),
        )
    else:
        out.append(f"<p>{_h(label('message.none', lang).capitalize())}.</p>")
    out.append("</section>")

    reporting = report.reporting
    out += ['<section class="reporting">', f"<h2>{_h(label('report.reporting', lang))}</h2>"]
    out += _html_table(
        *_reporting_table(report, lang),
        css="reporting",
        status_of=_statuses(reporting),
        status_column=3,
    )
    out += ["</section>", "</main>", "</body>", "</html>", ""]
    return "\n".join(out)


REPORT_FORMATS: dict[str, Callable[[ProgressReport, Lang], str]] = {
    "markdown": render_markdown,
    "html": render_html,
}
