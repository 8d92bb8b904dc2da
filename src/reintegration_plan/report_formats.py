"""Renderers of the progress report, keyed by format name: markdown and html.

The HTML is one standalone document: styles in a ``<style>`` element in the head, no scripts,
no external fonts, images or stylesheets; the only links are the evidence the progress file
gives (http and https URLs). It prints well: ``@media print`` drops the colours, repeats table
headings on each page and prints link targets.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from .gantt import COMPACT, gantt_pages
from .i18n import (
    Lang,
    act_name,
    date_long,
    date_short,
    days,
    label,
    period_phrase,
    pick,
    plural,
    status_label,
    texts_note,
)
from .obligations import duty_labelled, heading, translated
from .queries import Item
from .report import AgencySection, ProgressReport
from .svg import FONT, LOOKS, css_string, document, esc, html_start, marker, num
from .svg import text as svg_text
from .tables import Names

Row = list[str]


def _number(item: Item) -> str:
    """The "№" column: a measure's number; a reporting duty's row has its title instead."""
    number = item.obligation.number
    return str(number) if number is not None else ""


def _title(item: Item, lang: Lang, report: ProgressReport | None = None) -> str:
    """The obligation's heading; with several plans, after its plan (``№ 912: …``)."""
    return _plan_prefix(item.obligation.plan, report, lang) + heading(item.obligation, lang)


def _plan_prefix(plan: str | None, report: ProgressReport | None, lang: Lang) -> str:
    if plan is None or report is None:
        return ""
    name = report.names.get(plan, plan)
    return f"{plan if name == plan else label('message.plan_number', lang, number=name)}: "


def _role(item: Item, lang: Lang) -> str:
    return label(f"role.{item.role}", lang) if item.role else ""


def _status_words(item: Item, lang: Lang) -> tuple[str, str | None]:
    """The status, and what qualifies it: the days overdue, or late."""
    s = item.standing
    text = status_label(s.status.value, lang)
    if s.days_overdue is not None:
        return text, days(s.days_overdue, lang)
    if s.days_late is not None:
        return text, label("message.late", lang, days=days(s.days_late, lang))
    return text, None


def _status(item: Item, lang: Lang) -> str:
    text, more = _status_words(item, lang)
    return f"{text} ({more})" if more else text


def _deadline_words(item: Item, lang: Lang) -> tuple[str, str | None]:
    """The deadline's date, and the act's words for it (verbatim, or translated)."""
    o = item.obligation
    if o.deadline is None:
        return status_label("undated", lang), None
    return date_short(o.deadline, lang), pick(lang, o.deadline_text, o.deadline_text_en)


def _deadline(item: Item, lang: Lang) -> str:
    date, words = _deadline_words(item, lang)
    return f"{date} ({words})" if words else date


def _owed_by(item: Item, names: Names) -> str:
    """The lead, or every agency that owes it (by their Latin aliases in English)."""
    lead = item.obligation.lead
    return names(lead) if lead else names.join(item.obligation.executors)


def _done_on(item: Item, lang: Lang) -> str:
    record = item.standing.record
    return date_short(record.on, lang) if record is not None else ""


def _evidence(item: Item) -> str | None:
    record = item.standing.record
    return record.evidence if record is not None else None


def _is_link(text: str) -> bool:
    return text.startswith(("https://", "http://")) and not any(c.isspace() for c in text)


@dataclass(frozen=True)
class _Shares:
    """A reporting duty that several agencies owe, one report per period: its table."""

    plan: str | None  # the duty's plan, when several are loaded
    duty: str
    title: str
    periods: tuple[str, ...]  # the columns, in order
    sections: tuple[AgencySection, ...]  # the rows: the agencies that owe it


def _shares(report: ProgressReport, lang: Lang) -> list[_Shares]:
    """The duties whose reports several agencies owe, each with its periods and agencies."""
    found = []
    duties = ((i.obligation.plan, i.obligation.duty) for i in report.reporting if i.obligation.duty)
    for plan, duty in dict.fromkeys(duties):

        def of_duty(i: Item, plan: str | None = plan, duty: str | None = duty) -> bool:
            return (i.obligation.plan, i.obligation.duty) == (plan, duty)

        mine = [i for i in report.reporting if of_duty(i) and i.obligation.period]
        sections = [s for s in report.agencies if any(of_duty(i) for i in s.reports)]
        if not mine or not sections or duty is None:
            continue
        first = mine[0].obligation
        if duty_labelled(first, "shares"):
            title = label(f"duty.{duty}.shares", lang)
        else:
            name = pick(lang, first.title_ru, first.title_en)
            title = label("report.shares", lang, title=name[:1].upper() + name[1:])
        title = _plan_prefix(plan, report, lang) + title
        periods = tuple(i.obligation.period or "" for i in mine)
        found.append(_Shares(plan, duty, title, periods, tuple(sections)))
    return found


def _share(section: AgencySection, shares: _Shares, period: str) -> Item | None:
    wanted = (shares.plan, shares.duty, period)
    return next(
        (
            i
            for i in section.reports
            if (i.obligation.plan, i.obligation.duty, i.obligation.period) == wanted
        ),
        None,
    )


# --- the tables, as headings and rows of plain text --------------------------------------


def _headline(report: ProgressReport, lang: Lang) -> tuple[Row, list[Row]]:
    rows = [[status_label(status.value, lang), str(count)] for status, count in report.counts]
    rows.append([label("column.total", lang), str(report.total)])
    return [label("column.status", lang), label("column.count", lang)], rows


def _agency_head(lang: Lang) -> Row:
    return [
        label("column.number", lang),
        label("column.measure", lang),
        label("column.role", lang),
        label("column.deadline", lang),
        label("column.status", lang),
    ]


def _overdue_head(lang: Lang) -> Row:
    return [
        label("column.number", lang),
        label("column.obligation", lang),
        label("column.responsible", lang),
        label("column.deadline", lang),
        label("column.days_overdue", lang),
    ]


def _completed_head(lang: Lang) -> Row:
    return [
        label("column.number", lang),
        label("column.obligation", lang),
        label("column.done_on", lang),
        label("column.days_late", lang),
        label("column.evidence", lang),
    ]


def _reporting_head(lang: Lang) -> Row:
    return [
        label("column.obligation", lang),
        label("column.submitted_by", lang),
        label("column.deadline", lang),
        label("column.status", lang),
    ]


def _shares_head(shares: _Shares, lang: Lang) -> Row:
    return [
        label("column.agency", lang),
        *(period_phrase(p, "short", lang) for p in shares.periods),
    ]


def _agency_heading(section: AgencySection, names: Names) -> str:
    """``МВД: Министерство …``, ``MVD: Ministry of …``; the akimats, whose code is their
    Russian name, only once."""
    agency, lang = section.agency, names.lang
    code, name = names(agency.code), pick(lang, agency.expansion, agency.name_en)
    return code if name == code else label("report.agency", lang, code=code, name=name)


def _texts_note(report: ProgressReport, lang: Lang) -> str | None:
    """What English says of the act's texts the report shows (the plan's title, the agencies'
    names, the obligations' titles): an unofficial translation, or Russian where there is
    none."""
    items = (*(i for s in report.agencies for i in s.items), *report.reporting)
    return texts_note(
        (
            report.plan_title_en is not None,
            *(s.agency.name_en is not None for s in report.agencies),
            *(translated(i.obligation) for i in items),
        ),
        lang,
    )


def _agency_reports_note(section: AgencySection, lang: Lang) -> str | None:
    if not section.reports:
        return None
    return label("report.agency_reports", lang, n=len(section.reports))


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


def _act(report: ProgressReport, form: str, lang: Lang) -> str:
    return act_name(report.act_kind, report.act_number, form, lang)


def _report_title(report: ProgressReport, lang: Lang, running: bool = False) -> str:
    """The report's title (its running title, in a printed page's margin): the act's, or how
    many plans it is on."""
    if report.plans:
        return label(
            "report.title_plans", lang, plans=plural("plural.plan", len(report.plans), lang)
        )
    if running:
        return label("report.running_title", lang, act=_act(report, "kind_short", lang))
    return label("report.title", lang, act=_act(report, "kind", lang))


def _plan_lines(report: ProgressReport, lang: Lang) -> list[str]:
    """Under the title: the plan's title, or each plan's id, act and title."""
    if not report.plans:
        return [f"{pick(lang, report.plan_title_ru, report.plan_title_en)}."]
    lines = []
    for plan, act in report.plans:
        name = act_name(act.kind.value, act.number, "kind", lang)
        if act.date is not None:
            name = label("message.act_of", lang, act=name, date=date_short(act.date, lang))
        lines.append(f"{plan}: {name}. {pick(lang, act.plan_title, act.plan_title_en)}.")
    return lines


def _md_none(lang: Lang) -> list[str]:
    return [label("message.none", lang).capitalize() + ".", ""]


def render_markdown(report: ProgressReport, lang: Lang) -> str:
    names = Names(report.glossary, lang)
    out = [f"# {_report_title(report, lang)}", ""]
    for line in _plan_lines(report, lang):
        out += [line, ""]
    out += [f"**{label('report.as_of', lang, date=date_long(report.as_of, lang))}**", ""]
    if (note := _texts_note(report, lang)) is not None:
        out += [f"_{note}_", ""]
    out += [f"## {label('report.headline', lang)}", ""]
    out += [*_md_table(*_headline(report, lang), right=(1,)), ""]
    out += [f"## {label('report.by_agency', lang)}", ""]
    for section in report.agencies:
        out += [f"### {_agency_heading(section, names)}", ""]
        if section.items:
            rows = [
                [
                    _number(i),
                    _title(i, lang, report),
                    _role(i, lang),
                    _deadline(i, lang),
                    _status(i, lang),
                ]
                for i in section.items
            ]
            out += [*_md_table(_agency_head(lang), rows, right=(0,)), ""]
        note = _agency_reports_note(section, lang)
        out += [note, ""] if note else []
    out += [f"## {label('report.overdue', lang)}", ""]
    if report.overdue:
        rows = [
            [
                _number(i),
                _title(i, lang, report),
                _owed_by(i, names),
                _deadline(i, lang),
                str(i.standing.days_overdue),
            ]
            for i in report.overdue
        ]
        out += [*_md_table(_overdue_head(lang), rows, right=(0, 4)), ""]
    else:
        out += _md_none(lang)
    out += [f"## {label('report.completed', lang)}", ""]
    if report.completed:
        rows = [
            [
                _number(i),
                _title(i, lang, report),
                _done_on(i, lang),
                str(i.standing.days_late or 0),
                _md_evidence(_evidence(i), lang),
            ]
            for i in report.completed
        ]
        out += [*_md_table(_completed_head(lang), rows, right=(0, 3)), ""]
    else:
        out += _md_none(lang)
    out += [f"## {label('report.reporting', lang)}", ""]
    rows = [
        [_title(i, lang, report), _owed_by(i, names), _deadline(i, lang), _status(i, lang)]
        for i in report.reporting
    ]
    out += [*_md_table(_reporting_head(lang), rows), ""]
    for shares in _shares(report, lang):
        out += [f"### {shares.title}", ""]
        rows = [
            [names(section.agency.code)]
            + [_md_share(_share(section, shares, p), lang) for p in shares.periods]
            for section in shares.sections
        ]
        out += [*_md_table(_shares_head(shares, lang), rows), ""]
    return "\n".join(out)


def _md_share(item: Item | None, lang: Lang) -> str:
    return _status(item, lang) if item is not None else "—"


# --- HTML --------------------------------------------------------------------------------

CHART_PAGE = 880
"""The height of a part of the report's timeline, in its own units (the chart is 700 wide, set
at the 183 mm A4 portrait leaves between the margins, so about 692 px): a printed page has
about 1000 px below its running head, and the caption and the figure's margins take some."""

SHARE_COLUMNS = 6
"""Periods in one table of a duty's shares by agency: six statuses fit A4 portrait's width."""

CHART_FIRST = 540
"""The height of the timeline's first part, which shares the first page with the headline
counts (912's whole chart, 38 rows, fits it)."""

STYLE = """
:root { color-scheme: light; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: FONT; margin: 2rem auto; max-width: 60rem; padding: 0 1rem;
  color: #1b1b1b; line-height: 1.35; }
h1 { font-size: 1.5rem; margin-bottom: 0.25rem; }
h2 { font-size: 1.2rem; margin-top: 1.8rem; border-bottom: 1px solid #999; }
h3 { font-size: 1rem; margin: 1.2rem 0 0.3rem; }
p.plan { margin-top: 0; color: #333; }
p.note { font-style: italic; color: #444; }
.overview { display: flex; flex-wrap: wrap; gap: 1rem 2rem; align-items: flex-start; }
.overview table { width: auto; }
figure { margin: 0.5rem 0 1rem; }
figcaption { font-weight: bold; margin: 0.6em 0 0.3em; }
figure svg { display: block; max-width: 100%; height: auto; }
table { border-collapse: collapse; width: 100%; margin: 0.4rem 0 0.6rem; font-size: 0.9rem;
  table-layout: fixed; }
table.headline, table.shares { table-layout: auto; }
th, td { border: 1px solid #999; padding: 0.25rem 0.4rem; text-align: left; vertical-align: top;
  overflow-wrap: break-word; }
th { background: #eceff1; white-space: nowrap; }
th.n { width: 2.6em; }
th.role { width: 8.4em; }
th.date { width: 7.6em; }
html[lang="en"] th.date { width: 9.8em; }
th.status { width: 9.5em; }
th.count { width: 6.5em; white-space: normal; }
th.who { width: 12em; }
th.evidence { width: 14em; }
td.n, td.count { text-align: right; white-space: nowrap; }
.date, .status, td.role { white-space: nowrap; }
.words { display: block; color: #444; font-size: 0.88em; }
a { color: #0b4f8a; }
td.evidence { overflow-wrap: anywhere; word-break: break-word; }
.status-overdue { color: #b71c1c; font-weight: bold; }
.status-due { color: #bf4200; font-weight: bold; }
.status-in_progress { color: #6a1b9a; font-weight: bold; }
.status-ongoing { color: #0d47a1; }
.status-upcoming { color: #37474f; }
.status-undated, .status-cancelled { color: #616161; }
.status-done { color: #1b5e20; }
p.reports-note { margin: 0.2em 0 0.8em; font-size: 0.9em; color: #333; }
@page {
  size: A4;
  margin: 16mm 12mm 16mm 15mm;
  @top-left { content: "RUNNING_TITLE"; font: 8pt FONT; color: #333; }
  @top-right { content: "RUNNING_DATE"; font: 8pt FONT; color: #333; }
  @bottom-right { content: "PAGE_WORD " counter(page) " OF_WORD " counter(pages);
    font: 8pt FONT; color: #333; }
}
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 9.5pt; }
  h1 { font-size: 15pt; }
  h2 { font-size: 12pt; break-after: avoid; }
  h3 { font-size: 10.5pt; break-after: avoid; }
  table { font-size: 8.5pt; }
  table.headline td, table.headline th { padding: 0.1em 0.4em; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  figure { break-inside: avoid; }
  a { color: #000; text-decoration: none; }
}
""".strip()


Cell = tuple[str, str]  # its HTML, its class ("" for none)


def _html_table(css: str, head: Sequence[Cell], rows: Sequence[Sequence[Cell]]) -> list[str]:
    """A table: the head's texts are escaped here, the cells are already HTML."""
    out = [f'<table class="{css}">', "<thead><tr>"]
    for text, kind in head:
        attribute = f' class="{kind}"' if kind else ""
        out.append(f'<th scope="col"{attribute}>{esc(text)}</th>')
    out += ["</tr></thead>", "<tbody>"]
    for row in rows:
        cells = [
            f'<td class="{kind}">{cell}</td>' if kind else f"<td>{cell}</td>" for cell, kind in row
        ]
        out.append("<tr>" + "".join(cells) + "</tr>")
    out += ["</tbody>", "</table>"]
    return out


def _html_status(item: Item, lang: Lang) -> Cell:
    text, more = _status_words(item, lang)
    cell = f'<span class="status status-{item.standing.status.value}">{esc(text)}</span>'
    if more:
        cell += f'<span class="words">{esc(more)}</span>'
    return cell, ""


def _html_deadline(item: Item, lang: Lang) -> Cell:
    date, words = _deadline_words(item, lang)
    cell = f'<span class="date">{esc(date)}</span>'
    if words:
        cell += f'<span class="words">{esc(words)}</span>'
    return cell, ""


def _html_evidence(text: str | None, lang: Lang) -> Cell:
    """A URL once, as its own link text (printed once, wrapping inside the cell)."""
    if text is None:
        return esc(label("report.no_evidence", lang)), "evidence"
    if _is_link(text):
        return f'<a href="{esc(text)}">{esc(text)}</a>', "evidence"
    return esc(text), "evidence"


def _head(lang: Lang, row: Row, kinds: Sequence[str]) -> list[Cell]:
    return list(zip(row, kinds, strict=True))


def status_chart(report: ProgressReport, lang: Lang) -> str:
    """The obligations by status as a bar chart (inline SVG): each status's marker, name, bar
    and count."""
    size, row, label_width, bar_width = 11.0, 19.0, 112.0, 150.0
    most = max((count for _, count in report.counts), default=0) or 1
    body = []
    for n, (status, count) in enumerate(report.counts):
        y = 4 + n * row
        look = LOOKS[status.value]
        body.append(marker(status.value, 7, y + row / 2, 4.5))
        body.append(svg_text(16, y + row / 2 + 4, status_label(status.value, lang), size=size))
        width = bar_width * count / most
        if count:
            body.append(
                f'<rect x="{label_width}" y="{num(y + 3)}" width="{num(width)}" '
                f'height="{num(row - 6)}" fill="{look.bar}" stroke="{look.colour}" '
                'stroke-width="0.75"/>'
            )
        body.append(
            svg_text(label_width + width + 5, y + row / 2 + 4, str(count), size=size, bold=True)
        )
    height = 8 + len(report.counts) * row
    return document(label_width + bar_width + 30, height, body, label("report.headline", lang))


def render_html(report: ProgressReport, lang: Lang) -> str:
    names = Names(report.glossary, lang)
    title = _report_title(report, lang)
    as_of_long = label("report.as_of", lang, date=date_long(report.as_of, lang))
    style = (
        STYLE.replace("FONT", FONT)
        .replace(
            "RUNNING_TITLE",
            css_string(_report_title(report, lang, running=True)),
        )
        .replace("RUNNING_DATE", css_string(as_of_long))
        .replace("PAGE_WORD", css_string(label("print.page", lang)))
        .replace("OF_WORD", css_string(label("print.of", lang)))
    )
    out = [
        *html_start(lang, f"{title} — {as_of_long}", style),
        f"<h1>{esc(title)}</h1>",
        *(f'<p class="plan">{esc(line)}</p>' for line in _plan_lines(report, lang)),
        f'<p class="as-of"><strong>{esc(as_of_long)}</strong></p>',
    ]
    if (note := _texts_note(report, lang)) is not None:
        out.append(f'<p class="note">{esc(note)}</p>')

    head, rows = _headline(report, lang)
    statuses = [status.value for status, _ in report.counts]
    cells = [
        [
            (
                f'<span class="status-{statuses[n]}">{esc(row[0])}</span>'
                if n < len(statuses)
                else esc(row[0]),
                "",
            ),
            (esc(row[1]), "count"),
        ]
        for n, row in enumerate(rows)
    ]
    out += ['<section class="headline">', f"<h2>{esc(label('report.headline', lang))}</h2>"]
    out += [
        '<div class="overview">',
        f'<figure class="status-chart">{status_chart(report, lang)}</figure>',
    ]
    out += _html_table("headline", _head(lang, head, ("", "count")), cells)
    out += ["</div>"]

    # the timeline in parts that each fit an A4 page, cut between rows, each with the legend
    # and the quarters; the caption in the first part's figure, so it never prints alone
    parts = gantt_pages(report.timeline, lang, CHART_PAGE, COMPACT, first=CHART_FIRST)
    caption = f"<figcaption>{esc(label('timeline.title', lang))}</figcaption>"
    for n, part in enumerate(parts):
        out += ['<figure class="gantt">', *([caption] if n == 0 else []), part, "</figure>"]
    out += ["</section>"]

    out += ['<section class="by-agency">', f"<h2>{esc(label('report.by_agency', lang))}</h2>"]
    agency_kinds = ("n", "", "role", "date", "status")
    for section in report.agencies:
        out += ['<section class="agency">', f"<h3>{esc(_agency_heading(section, names))}</h3>"]
        if section.items:
            rows_html = [
                [
                    (esc(_number(i)), "n"),
                    (esc(_title(i, lang, report)), ""),
                    (esc(_role(i, lang)), "role"),
                    _html_deadline(i, lang),
                    _html_status(i, lang),
                ]
                for i in section.items
            ]
            out += _html_table("agency", _head(lang, _agency_head(lang), agency_kinds), rows_html)
        note = _agency_reports_note(section, lang)
        if note:
            out.append(f'<p class="reports-note">{esc(note)}</p>')
        out.append("</section>")
    out.append("</section>")

    out += ['<section class="overdue">', f"<h2>{esc(label('report.overdue', lang))}</h2>"]
    if report.overdue:
        rows_html = [
            [
                (esc(_number(i)), "n"),
                (esc(_title(i, lang, report)), ""),
                (esc(_owed_by(i, names)), ""),
                _html_deadline(i, lang),
                (esc(str(i.standing.days_overdue)), "count"),
            ]
            for i in report.overdue
        ]
        kinds: tuple[str, ...] = ("n", "", "who", "date", "count")
        out += _html_table("overdue", _head(lang, _overdue_head(lang), kinds), rows_html)
    else:
        out.append(f"<p>{esc(label('message.none', lang).capitalize())}.</p>")
    out.append("</section>")

    out += ['<section class="completed">', f"<h2>{esc(label('report.completed', lang))}</h2>"]
    if report.completed:
        rows_html = [
            [
                (esc(_number(i)), "n"),
                (esc(_title(i, lang, report)), ""),
                (f'<span class="date">{esc(_done_on(i, lang))}</span>', ""),
                (esc(str(i.standing.days_late or 0)), "count"),
                _html_evidence(_evidence(i), lang),
            ]
            for i in report.completed
        ]
        kinds = ("n", "", "date", "count", "evidence")
        out += _html_table("completed", _head(lang, _completed_head(lang), kinds), rows_html)
    else:
        out.append(f"<p>{esc(label('message.none', lang).capitalize())}.</p>")
    out.append("</section>")

    out += ['<section class="reporting">', f"<h2>{esc(label('report.reporting', lang))}</h2>"]
    rows_html = [
        [
            (esc(_title(i, lang, report)), ""),
            (esc(_owed_by(i, names)), ""),
            _html_deadline(i, lang),
            _html_status(i, lang),
        ]
        for i in report.reporting
    ]
    kinds = ("", "who", "date", "status")
    out += _html_table("reporting", _head(lang, _reporting_head(lang), kinds), rows_html)
    for shares in _shares(report, lang):
        out.append(f"<h3>{esc(shares.title)}</h3>")
        # at most SHARE_COLUMNS periods a table, so that a duty of 36 monthly reports prints
        # within the page instead of shrinking the whole report to fit its width
        for start in range(0, len(shares.periods), SHARE_COLUMNS):
            chunk = replace(shares, periods=shares.periods[start : start + SHARE_COLUMNS])
            rows_html = []
            for section in chunk.sections:
                row: list[Cell] = [(esc(names(section.agency.code)), "")]
                for period in chunk.periods:
                    item = _share(section, chunk, period)
                    row.append(_html_status(item, lang) if item is not None else ("—", ""))
                rows_html.append(row)
            head = _shares_head(chunk, lang)
            out += _html_table("shares", _head(lang, head, ("",) * len(head)), rows_html)
    out += ["</section>", "</main>", "</body>", "</html>", ""]
    return "\n".join(out)


REPORT_FORMATS: dict[str, Callable[[ProgressReport, Lang], str]] = {
    "markdown": render_markdown,
    "html": render_html,
}
