# ruff: noqa: E501  (the site's markup, line for line)
"""Pages in the layout of adilet.zan.kz, built from a real act's texts, for testing the HTML
reader.

No page of a plan of measures saved from adilet.zan.kz is in the corpora this project could
read (tests/acts/README.md), so the tests build one: the texts come from a real act (read from
its plain-text export or its Markdown), the markup is the site's (a saved law's page in the
public corpus kittamirlan5555-blip/adilet, data/source/*.html, shows it): the site's head,
scripts, menus and banners around; the title in ``<div class="container_alpha slogan"><h1>``
with the act's own line after it; the text in ``<article>``, each paragraph a ``<p id="z…">``
indented with five ``&nbsp;``; footnotes ``<span class="note">`` with the amending act's number
in a link; the signature and the approval note as tables; every text HTML-escaped.
"""

from __future__ import annotations

from html import escape

from reintegration_plan.act_text import ActText

NBSP = "&nbsp;" * 5

HEAD = """<!DOCTYPE html>
<!-- saved from url=(0042)https://adilet.zan.kz/rus/docs/P1600000912 -->
<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<title>{title} - ИПС "Әділет"</title>
<script type="text/javascript">var _gaq = _gaq || []; if (a < b && c > d) {{ _gaq.push(['x']); }}</script>
<style>body {{ opacity: 0; }} p > b {{ color: red; }}</style>
</head>
<body class="normal js">
<div id="header"><div id="logo"><a href="https://adilet.zan.kz/rus"><img src="logo.png" alt="Әділет"></a></div>
<div id="personal_data"><p><a href="https://adilet.zan.kz/rus">Информационно-правовая система <span>нормативных правовых актов</span> Республики Казахстан</a></p></div></div>
<div id="menu"><ul class="left"><li><a href="https://adilet.zan.kz/rus/advertising">Размещение рекламы</a>
<li class="selected"><a href="https://adilet.zan.kz/rus/index/docs">Поиск</a>
<li><a href="https://adilet.zan.kz/rus/faq3">ЧЗВ</a></ul></div>
<svg viewBox="0 0 10 10"><g><path d="M1,1"></path></g></svg>
<div class="main png_bg"><div class="inner_main">
<div class="container_alpha slogan">
\t\t\t\t<h1>{title}</h1>
\t\t\t<span class="status status_upd">Обновленный</span>
\t\t\t\t<p>{requisites}</p>
\t\t\t</div>
<div id="tabs_container"><ul class="clearfix"><li class="selected"><a href="#"> Текст </a></li><li><a href="#"> Информация </a></li></ul></div>
<div class="container_gamma text text_upd"><div class="gs_12">
<article>"""

FOOT = """</article>
</div></div></div></div>
<div id="footer"><p>© 2012-2025 РГП на ПХВ «Институт законодательства и правовой информации Республики Казахстан» Министерства юстиции Республики Казахстан</p></div>
</body></html>
"""


def _paragraph(number: int, text: str) -> str:
    return f'<p id="z{number}">\n{NBSP} {escape(text)}</p>\n'


def _lines(text: str, at: str) -> str:
    """A text broken into lines with <br> before ``at``."""
    head, found, tail = text.partition(at)
    return escape(head) + ("<br>" + escape(found + tail) if found else "")


def _note(text: str) -> str:
    """A footnote as the site writes one: spans of class note, the act's number in a link."""
    head, found, tail = text.rpartition("№ ")
    if not found:
        return f'<span class="note">{NBSP} {escape(text)}</span><br>\n'
    number, _, rest = tail.partition(".")
    return (
        f'<span class="note">{NBSP} {escape(head)}</span>'
        f'<a href="https://adilet.zan.kz/rus/docs/P170000443#z1">№ {escape(number)}</a>'
        f'<span class="note">.{escape(rest)}</span><br>\n'
    )


def page(act: ActText, title: str, requisites: str) -> str:
    """The act as adilet.zan.kz shows it (see the module's doc)."""
    assert act.preamble and act.signatory and act.approval_note and act.plan_title and act.table
    out = [HEAD.format(title=escape(title), requisites=escape(requisites))]
    z = 1
    out.append(_paragraph(z, act.preamble.text))
    for point in act.points:
        z += 1
        out.append(_paragraph(z, f"{point.number}. {point.text.text}"))
        for sub in point.subpoints:
            z += 1
            out.append(_paragraph(z, f"{sub.number}) {sub.text.text}"))
    position, name = act.signatory.position.text, act.signatory.name.text
    out.append(
        '<table width="100%" cellspacing="0" cellpadding="0" border="0"><tbody><tr>\n'
        f'<td valign="top" width="50%"><p><b>{_lines(position, "Республики")}</b></p></td>\n'
        f'<td valign="top" width="50%"><p><b>{escape(name)}</b></p></td>\n'
        "</tr></tbody></table>\n"
    )
    out.append(
        '<table width="100%" cellspacing="0" cellpadding="0" border="0"><tbody><tr>\n'
        '<td valign="top" width="50%"></td>\n'
        f'<td valign="top" width="50%"><p align="center">{_lines(act.approval_note.text, "постановлением")}</p></td>\n'
        "</tr></tbody></table>\n"
    )
    words = act.plan_title.text.split(" ", 1)
    out.append(
        f'<p align="center"><b>{escape(words[0])}<br>{escape(words[1] if len(words) > 1 else "")}</b></p>\n'
    )
    for footnote in act.footnotes:
        out.append(_note(footnote.text.text))
    table = act.table
    out.append('<table border="1" cellspacing="0" cellpadding="0"><tbody>\n<tr>\n')
    out.extend(f'<td><p align="center">{escape(cell.text)}</p></td>\n' for cell in table.header)
    out.append("</tr>\n")
    if table.numbering:
        out.append("<tr>" + "".join(f"<td>{escape(c.text)}</td>" for c in table.numbering))
        out.append("</tr>\n")
    for row in table.rows:
        out.append("<tr>\n")
        out.extend(f'<td valign="top">\n<p>{escape(cell.text)}</p>\n</td>\n' for cell in row.cells)
        out.append("</tr>\n")
    out.append("</tbody></table>\n")
    if act.glossary:
        out.append(f"<p>{NBSP} {escape(act.glossary.heading.text)}</p>\n<table><tbody>\n")
        for entry in act.glossary.entries:
            out.append(
                f"<tr><td>{escape(entry.code.text)}</td><td>–</td>"
                f"<td>{escape(entry.expansion.text)}</td></tr>\n"
            )
        out.append("</tbody></table>\n")
    out.append(FOOT)
    return "".join(out)
