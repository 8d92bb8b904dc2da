"""Labels in Russian and English, and which language to use. Pure data and functions.

Every label a command prints (statuses, kinds, roles, column headings, report headings,
messages) is looked up here by key, so that each exists in both languages (a test checks it).
Texts from the act are not here: they are in the data, Russian verbatim with an unofficial
English translation beside it (:func:`pick`).

The language is ``--lang`` if given, else ``$PLAN_LANG``, else the locale (``LC_ALL``, then
``LC_MESSAGES``, then ``LANG``: one starting with ``ru`` means Russian), else English.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Literal, TypeVar

from .errors import InvalidInput

Lang = Literal["ru", "en"]
DEFAULT_LANG: Lang = "en"

T = TypeVar("T")


class UnknownLanguage(InvalidInput):
    """A language that is neither ru nor en (exit 2)."""


# key -> (Russian, English). Placeholders in braces must be the same in both. Every key is used
# somewhere and every key used is here (tests/test_i18n.py checks both).
LABELS: dict[str, tuple[str, str]] = {
    # statuses of an obligation as of a date, and of a progress record
    "status.overdue": ("просрочено", "overdue"),
    "status.due": ("к исполнению", "due"),
    "status.ongoing": ("выполняется", "ongoing"),
    "status.upcoming": ("предстоит", "upcoming"),
    "status.done": ("выполнено", "done"),
    "status.cancelled": ("отменено", "cancelled"),
    "status.in_progress": ("в работе", "in progress"),
    "status.not_started": ("не начато", "not started"),
    "status.undated": ("без срока", "undated"),
    # kinds of obligation
    "kind.measure": ("мероприятие", "measure"),
    "kind.report": ("отчетность", "report"),
    # an agency's part in an obligation
    "role.lead": ("созыв", "lead"),
    "role.co": ("соисполнитель", "co-executor"),
    "role.report": ("отчетность", "report"),
    "role.by_agreement": ("по согласованию", "by agreement"),
    # the act's own column headings, for its verbatim texts
    "act.column.number": ("№ п/п", "No."),
    "act.column.text": ("Мероприятие", "Measure"),
    "act.column.form": ("Форма завершения", "Form of completion"),
    "act.column.executors": ("Ответственные исполнители", "Responsible executors"),
    "act.column.deadline": ("Сроки исполнения", "Deadline"),
    "act.column.costs": ("Предполагаемые расходы", "Estimated costs"),
    # column headings of the tables
    "column.number": ("№", "No."),
    "column.measure": ("Мероприятие", "Measure"),
    "column.measure_en": (
        "Мероприятие (англ., неофициальный перевод)",
        "Measure (en, unofficial)",
    ),
    "column.obligation": ("Обязательство", "Obligation"),
    "column.obligation_en": ("Обязательство (англ.)", "Obligation (en)"),
    "column.title": ("Наименование", "Title"),
    "column.deadline": ("Срок", "Deadline"),
    "column.status": ("Статус", "Status"),
    "column.lead": ("Созыв", "Lead"),
    "column.executors": ("Исполнители", "Executors"),
    "column.agency": ("Орган", "Agency"),
    "column.role": ("Роль", "Role"),
    "column.code": ("Код", "Code"),
    "column.alias": ("Латиницей", "Alias"),
    "column.name": ("Наименование", "Name"),
    "column.field": ("Поле", "Field"),
    "column.value": ("Значение", "Value"),
    "column.forms": ("Формы завершения", "Forms"),
    "column.costs": ("Расходы", "Costs"),
    "column.point": ("Пункт {point}", "Point {point}"),
    "column.period": ("Период", "Period"),
    "column.recipients": ("Получатели", "Recipients"),
    "column.on": ("Дата", "On"),
    "column.by": ("Кто", "By"),
    "column.note": ("Примечание", "Note"),
    "column.days_overdue": ("Дней просрочки", "Days overdue"),
    "column.days_late": ("Дней опоздания", "Days late"),
    "column.done_on": ("Дата исполнения", "Done on"),
    "column.evidence": ("Подтверждение", "Evidence"),
    "column.count": ("Количество", "Count"),
    "column.submitted_by": ("Представляет", "Submitted by"),
    "column.responsible": ("Ответственный", "Responsible"),
    "column.total": ("Всего", "Total"),
    "column.co_short": ("Соисп.", "Co"),
    "column.by_agreement_short": ("По согл.", "By agr."),
    "column.reports": ("Отчеты", "Reports"),
    "column.overdue_short": ("Просроч.", "Overdue"),
    "column.deadline_text": ("Срок по акту", "Deadline in the act"),
    "column.start": ("Начало", "Start"),
    # the names of spreadsheet sheets
    "heading.due_sheet": ("Обязательства", "Obligations"),
    "heading.measures_sheet": ("Мероприятия", "Measures"),
    "heading.agencies_sheet": ("Органы", "Agencies"),
    "heading.detail_sheet": ("Карточка", "Detail"),
    # CSV column names: English keeps the JSON's field names, for scripts
    "csv.kind": ("вид", "kind"),
    "csv.id": ("идентификатор", "id"),
    "csv.number": ("номер", "number"),
    "csv.status": ("статус", "status"),
    "csv.deadline": ("срок", "deadline"),
    "csv.deadline_text": ("срок по акту", "deadline_text"),
    "csv.start": ("начало", "start"),
    "csv.period": ("период", "period"),
    "csv.days_overdue": ("дней просрочки", "days_overdue"),
    "csv.days_late": ("дней опоздания", "days_late"),
    "csv.done_on": ("дата исполнения", "done_on"),
    "csv.evidence": ("подтверждение", "evidence"),
    "csv.lead": ("созыв", "lead"),
    "csv.executors": ("исполнители", "executors"),
    "csv.title": ("наименование", "title"),
    "csv.title_ru": ("наименование на русском", "title_ru"),
    "csv.role": ("роль", "role"),
    "csv.code": ("код", "code"),
    "csv.alias": ("латиницей", "alias"),
    "csv.name": ("наименование органа", "name"),
    "csv.name_en": ("наименование на английском", "name_en"),
    "csv.co": ("соисполнитель", "co"),
    "csv.by_agreement": ("по согласованию", "by_agreement"),
    "csv.reports": ("отчетность", "reports"),
    "csv.overdue": ("просрочено", "overdue"),
    "csv.field": ("поле", "field"),
    "csv.value": ("значение", "value"),
    # costs
    "costs.required": ("требуются", "required"),
    "costs.none": ("не требуются", "none required"),
    # headings of the query tables
    "heading.window": (
        "по состоянию на {date} (к исполнению: по {horizon})",
        "as of {date} (due: through {horizon})",
    ),
    "heading.due": ("Обязательства {window}", "Obligations {window}"),
    "heading.due_agency": ("Обязательства {code} {window}", "Obligations owed by {code} {window}"),
    "heading.measures": ("Мероприятия {window}", "Measures {window}"),
    "heading.measure": ("Мероприятие {number} {window}", "Measure {number} {window}"),
    "heading.report": ("Отчетность {id} {window}", "Report {id} {window}"),
    "heading.agencies": ("Органы {window}", "Agencies {window}"),
    "heading.report_executors": (
        "Исполнители: каждый представляет свою информацию",
        "Executors: each owes its own report",
    ),
    "heading.progress": ("Ход исполнения", "Progress"),
    "heading.agency_leads": ("Мероприятия, где он созывает ({n})", "Measures it leads ({n})"),
    "heading.agency_co": (
        "Мероприятия, где он соисполнитель ({n})",
        "Measures it co-executes ({n})",
    ),
    "heading.agency_reports": ("Его отчетность ({n})", "Reports it owes ({n})"),
    # the progress report
    "report.title": (
        "Ход исполнения Плана мероприятий (постановление Правительства РК № 912)",
        "Progress of the Plan of Measures (Resolution of the Government of the RK No. 912)",
    ),
    "report.as_of": ("По состоянию на {date}", "As of {date}"),
    "report.headline": ("Сводка по статусам", "Obligations by status"),
    "report.by_agency": ("По исполнителям", "By agency"),
    "report.agency": ("{code}: {name}", "{code}: {name}"),
    "report.overdue": ("Просроченные обязательства", "Overdue obligations"),
    "report.completed": ("Исполненные обязательства", "Completed obligations"),
    "report.reporting": ("Отчетность", "Reporting obligations"),
    "report.no_evidence": ("не указано", "not given"),
    "report.running_title": (
        "Ход исполнения Плана мероприятий (постановление № 912)",
        "Progress of the Plan of Measures (Resolution No. 912)",
    ),
    "report.agency_reports": (
        "Отчетность органа (обязательств: {n}) приведена в разделе «Отчетность».",
        "Its reporting obligations ({n}) are in the section “Reporting obligations”.",
    ),
    "report.shares": (
        "Информация в МВД за полугодие: по органам",
        "Half-yearly information to MVD: by agency",
    ),
    "report.half_year": ("{half} пол. {year}", "H{half} {year}"),
    "report.translation_note": (
        "Тексты постановления приведены дословно на русском языке.",
        "Texts of the act are an unofficial English translation; the Russian text is "
        "authoritative.",
    ),
    # the timeline
    "timeline.title": ("График исполнения", "Timeline"),
    "timeline.as_of": ("по состоянию на {date}", "as of {date}"),
    "timeline.deadline_mark": ("срок", "deadline"),
    "timeline.period_bar": ("период", "period"),
    "timeline.as_of_mark": ("текущий квартал", "as-of quarter"),
    # the Gantt chart (plan timeline --svg/--html, and the report's overview)
    "gantt.title": (
        "График исполнения Плана мероприятий по состоянию на {date}",
        "Timeline of the Plan of Measures as of {date}",
    ),
    "gantt.legend.in_progress": (
        "в работе (начата, по записи о ходе исполнения)",
        "in progress (started, as a progress record says)",
    ),
    "gantt.legend.ongoing": (
        "выполняется (срок — период, он идёт)",
        "ongoing (a period under way, not yet due)",
    ),
    "gantt.legend.undated": ("без срока (в акте срок не указан)", "undated (no date in the act)"),
    "gantt.sample.quarter": ("квартал срока", "quarter of the deadline"),
    "gantt.sample.period": ("период исполнения", "period of execution"),
    "gantt.sample.as_of": ("дата, на которую составлен график", "the as-of date"),
    "gantt.no_date": ("срок в акте не указан", "no date in the act"),
    "gantt.quarter.1": ("I кв.", "Q1"),
    "gantt.quarter.2": ("II кв.", "Q2"),
    "gantt.quarter.3": ("III кв.", "Q3"),
    "gantt.quarter.4": ("IV кв.", "Q4"),
    # the half-yearly submission to МВД (plan submission)
    "submission.to": ("Кому: {name}", "To: {name}"),
    "submission.from": ("От кого: {name}", "From: {name}"),
    "submission.dated": ("Дата: {date}", "Date: {date}"),
    "submission.title": (
        "Информация о ходе реализации Плана мероприятий за {half} полугодие {year} года",
        "Information on the implementation of the Plan of Measures for H{half} {year}",
    ),
    "submission.basis": (
        "(пункт {point} постановления Правительства Республики Казахстан от {date} № {number})",
        "(point {point} of Resolution of the Government of the Republic of Kazakhstan "
        "No. {number} of {date})",
    ),
    "submission.intro": (
        "Мероприятия Плана ({plan}), в исполнении которых участвует {code}, подлежавшие "
        "исполнению или исполнявшиеся в {half} полугодии {year} года, и не исполненные ранее; "
        "статус указан по состоянию на {end}.",
        "The measures of the Plan ({plan}) that {code} takes part in and that were due or under "
        "way in H{half} {year}, or due earlier and not yet done; each status as of {end}.",
    ),
    "submission.status_at": ("Статус на {date}", "Status on {date}"),
    "submission.done": ("Проделанная работа", "Work done"),
    "submission.fill": (
        "[Заполнить: что сделано за полугодие]",
        "[To fill in: what was done in the half-year]",
    ),
    "submission.evidence": ("подтверждение: {evidence}", "evidence: {evidence}"),
    "submission.no_measures": (
        "Мероприятий, подлежавших исполнению в этом полугодии, нет.",
        "No measure of the agency concerned this half-year.",
    ),
    "submission.signature": (
        "Руководитель ______________________ (подпись, Ф.И.О.)",
        "Head ______________________ (signature, name)",
    ),
    "submission.sheet": ("Информация {period}", "Information {period}"),
    # printed pages
    "print.page": ("Страница", "Page"),
    "print.of": ("из", "of"),
    # the calendar
    "calendar.name": (
        "План мероприятий по постановлению № 912: сроки",
        "Plan of Measures, Resolution No. 912: deadlines",
    ),
    "calendar.measure_summary": ("Мероприятие {number}: {text}", "Measure {number}: {text}"),
    "calendar.executors": ("Ответственные исполнители: {text}", "Responsible executors: {text}"),
    "calendar.form": ("Форма завершения: {text}", "Form of completion: {text}"),
    "calendar.deadline": ("Сроки исполнения: {text}", "Deadline: {text}"),
    "calendar.obligors": ("Обязаны: {text}", "Obliged: {text}"),
    "calendar.recipients": ("Кому: {text}", "To: {text}"),
    "calendar.point": ("Пункт {point} постановления", "Point {point} of the resolution"),
    "calendar.original": ("Текст на русском языке: {text}", "Russian original: {text}"),
    "calendar.done_on": ("Выполнено {date}", "Done on {date}"),
    "calendar.evidence": ("Подтверждение: {text}", "Evidence: {text}"),
    # messages and short texts
    "message.none": ("нет", "none"),
    "message.nothing": ("ничего", "nothing"),
    "message.nothing_due": (
        "Просроченных, подлежащих исполнению и выполняемых обязательств нет.",
        "Nothing is overdue, due or ongoing.",
    ),
    "message.no_measure": ("Подходящих мероприятий нет.", "No measure matches."),
    "message.measure_counts": ("Мероприятий: {n}; {counts}.", "{n} measures: {counts}."),
    "message.no_date": ("— (в акте срока нет)", "— (no date in the act)"),
    "message.n_agencies": ("органов: {n}", "{n} agencies"),
    "message.days_short": ("{days} дн.", "{days} d"),
    "message.days_late_short": ("{days} дн. опоздания", "{days} d late"),
    "message.by_days": ("на {days} дн.", "by {days} days"),
    "message.on_date": ("{date}", "on {date}"),
    "message.days_late_suffix": (", с опозданием на {days} дн.", ", {days} days late"),
    "message.days_overdue": ("просрочено на {days}", "{days} overdue"),
    "message.days_late": ("выполнено с опозданием на {days}", "done {days} late"),
    "message.late": ("с опозданием на {days}", "{days} late"),
    "message.no_progress": ("Записей о ходе исполнения нет.", "No progress recorded."),
    "message.later_records": (
        "Записей позже {date}: {n}; они не учтены.",
        "{n} later record(s), after {date}, not counted.",
    ),
    "message.agencies_legend": (
        "Созыв, Соисп.: мероприятия, где орган созывает или соисполняет; По согл.: мероприятия, "
        "где он участвует по согласованию; Отчеты: его отчетность; Просроч.: из всего этого "
        "просрочено.",
        "Lead, Co: measures it leads, co-executes; By agr.: measures it takes part in by "
        "agreement; Reports: reporting obligations it owes; Overdue: of all these, overdue.",
    ),
    "message.recorded": (
        "записано в {path}: {target} {status} {on}",
        "recorded in {path}: {target} {status} on {on}",
    ),
    # the reporting duties: a short name (for a number column) and a title (for a heading);
    # keyed by the duty's id in the plan file (obligations.short_name, obligations.heading)
    "duty.half-yearly-report.name": (
        "Отчёт за {half} полугодие {year} г.",
        "Report for H{half} {year}",
    ),
    "duty.half-yearly-report.title": (
        "Информация в МВД о ходе реализации Плана за {half} полугодие {year} г.",
        "Information to MVD on the Plan's implementation for H{half} {year}",
    ),
    "duty.annual-evaluation.name": ("Ежегодная оценка", "Annual evaluation"),
    "duty.annual-evaluation.title": (
        "Мониторинг и ежегодная оценка реализации Комплексной стратегии",
        "Monitoring and annual evaluation of the Comprehensive Strategy's implementation",
    ),
    "duty.consolidated-report.name": ("Консолидированный отчёт", "Consolidated report"),
    "duty.consolidated-report.title": (
        "Консолидированный отчёт об исполнении Комплексной стратегии",
        "Consolidated report on the Comprehensive Strategy's execution",
    ),
    # months: Russian in the genitive, as in "1 июля 2018 года"
    "month.1": ("января", "January"),
    "month.2": ("февраля", "February"),
    "month.3": ("марта", "March"),
    "month.4": ("апреля", "April"),
    "month.5": ("мая", "May"),
    "month.6": ("июня", "June"),
    "month.7": ("июля", "July"),
    "month.8": ("августа", "August"),
    "month.9": ("сентября", "September"),
    "month.10": ("октября", "October"),
    "month.11": ("ноября", "November"),
    "month.12": ("декабря", "December"),
    "date.long": ("{day} {month} {year} года", "{day} {month} {year}"),
    # bodies named by the resolution that are not agency codes
    "body.central_executive_bodies": (
        "центральные исполнительные органы",
        "central executive bodies",
    ),
    "body.local_executive_bodies": ("местные исполнительные органы", "local executive bodies"),
    "body.bodies_accountable_to_president": (
        "государственные органы, подчиненные и подотчетные Президенту",
        "state bodies subordinate and accountable to the President",
    ),
    "body.government": ("Правительство Республики Казахстан", "Government of Kazakhstan"),
    "body.presidential_administration": (
        "Администрация Президента Республики Казахстан",
        "Administration of the President of Kazakhstan",
    ),
}


def label(key: str, lang: Lang, **values: object) -> str:
    """The label ``key`` in ``lang``, with its placeholders filled from ``values``."""
    try:
        russian, english = LABELS[key]
    except KeyError:
        raise KeyError(f"no label {key!r}") from None
    text = russian if lang == "ru" else english
    return text.format(**values) if values else text


def has_label(key: str) -> bool:
    return key in LABELS


def date_short(day: dt.date, lang: Lang) -> str:
    """A date in a table: ``01.07.2018`` as Russian officials write it; ``1 July 2018``."""
    if lang == "ru":
        return f"{day.day:02d}.{day.month:02d}.{day.year}"
    return date_long(day, lang)


def date_long(day: dt.date, lang: Lang) -> str:
    """A date in a sentence or heading: ``1 июля 2018 года``; ``1 July 2018``."""
    month = label(f"month.{day.month}", lang)
    return label("date.long", lang, day=day.day, month=month, year=day.year)


def status_label(status: str, lang: Lang) -> str:
    return label(f"status.{status}", lang)


def pick(lang: Lang, russian: T, english: T | None) -> T:
    """A data text in ``lang``: the English translation when English is chosen and there is
    one, else the Russian (verbatim)."""
    if lang == "en" and english is not None:
        return english
    return russian


def plural_ru(n: int, one: str, few: str, many: str) -> str:
    """The Russian plural form for ``n``: 1 день, 2 дня, 5 дней, 11 дней, 21 день."""
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def days(n: int, lang: Lang) -> str:
    """``n`` days: "1 day", "3 days"; "1 день", "3 дня", "5 дней"."""
    if lang == "ru":
        return f"{n} {plural_ru(n, 'день', 'дня', 'дней')}"
    return f"{n} day" if n == 1 else f"{n} days"


def parse_lang(text: str, source: str) -> Lang:
    """``ru`` or ``en`` (any case; a locale-style ``en_GB.UTF-8`` is read as ``en``)."""
    value = text.strip().lower()
    for separator in "_-.@":
        value = value.split(separator, 1)[0]
    if value == "ru":
        return "ru"
    if value == "en":
        return "en"
    raise UnknownLanguage(
        f"{source} {text!r} is not a language this tool speaks: expected ru or en"
    )


def locale_from(environ: Mapping[str, str]) -> str | None:
    """The locale the environment asks for, by POSIX precedence: LC_ALL, LC_MESSAGES, LANG."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name)
        if value:
            return value
    return None


def resolve_lang(option: str | None, env: str | None, locale: str | None) -> Lang:
    """``--lang`` (``option``), else ``$PLAN_LANG`` (``env``), else the locale, else English.

    An unknown ``--lang`` or ``PLAN_LANG`` raises :class:`UnknownLanguage`; any locale that
    does not start with ``ru`` (``C``, ``POSIX``, ``de_DE.UTF-8``) means English.
    """
    if option:
        return parse_lang(option, "--lang")
    if env:
        return parse_lang(env, "PLAN_LANG")
    if locale and locale.strip().lower().startswith("ru"):
        return "ru"
    return DEFAULT_LANG
