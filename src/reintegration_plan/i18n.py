"""Labels in Russian and English, and which language to use. Pure data and functions.

Every label a command prints (statuses, kinds, roles, column headings, report headings,
messages) is looked up here by key, so that each exists in both languages (a test checks it).
Texts from the act are not here: they are in the data, Russian verbatim with an unofficial
English translation beside it (:func:`pick`).

The language is ``--lang`` if given, else ``$PLAN_LANG``, else the locale (``LC_ALL``, then
``LC_MESSAGES``, then ``LANG``: one starting with ``ru`` means Russian), else English.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal, TypeVar

from .errors import InvalidInput

Lang = Literal["ru", "en"]
LANGS: tuple[Lang, ...] = ("ru", "en")
DEFAULT_LANG: Lang = "en"

T = TypeVar("T")


class UnknownLanguage(InvalidInput):
    """A language that is neither ru nor en (exit 2)."""


# key -> (Russian, English). Placeholders in braces must be the same in both.
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
    # roles of an agency in a measure
    "role.lead": ("созыв", "lead"),
    "role.co": ("соисполнитель", "co-executor"),
    "role.by_agreement": ("по согласованию", "by agreement"),
    # column headings (the act's own for columns 1-6)
    "column.number": ("№ п/п", "No."),
    "column.text": ("Мероприятие", "Measure"),
    "column.form": ("Форма завершения", "Form of completion"),
    "column.executors": ("Ответственные исполнители", "Responsible executors"),
    "column.deadline": ("Сроки исполнения", "Deadline"),
    "column.costs": ("Предполагаемые расходы (тыс. тенге)", "Estimated costs (thousand tenge)"),
    "column.id": ("Обязательство", "Obligation"),
    "column.kind": ("Вид", "Kind"),
    "column.title": ("Наименование", "Title"),
    "column.due_date": ("Срок", "Due"),
    "column.status": ("Статус", "Status"),
    "column.lead": ("Созыв", "Lead"),
    "column.agency": ("Орган", "Agency"),
    "column.role": ("Роль", "Role"),
    "column.days_overdue": ("Дней просрочки", "Days overdue"),
    "column.days_late": ("Дней опоздания", "Days late"),
    "column.done_on": ("Дата исполнения", "Done on"),
    "column.evidence": ("Подтверждение", "Evidence"),
    "column.count": ("Количество", "Count"),
    "column.recipients": ("Получатели", "Recipients"),
    "column.total": ("Всего", "Total"),
    "column.quarter": ("Квартал", "Quarter"),
    # report headings
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
    "report.none": ("нет", "none"),
    "report.no_evidence": ("не указано", "not given"),
    "report.translation_note": (
        "Тексты постановления приведены дословно на русском языке.",
        "Texts of the act are an unofficial English translation; the Russian text is "
        "authoritative.",
    ),
    "report.generated_by": ("Подготовлено программой plan", "Prepared with plan"),
    # the timeline
    "timeline.title": ("График исполнения", "Timeline"),
    "timeline.as_of": ("по состоянию на {date}", "as of {date}"),
    "timeline.legend": ("Обозначения", "Legend"),
    "timeline.deadline_mark": ("срок", "deadline"),
    "timeline.period_bar": ("период", "period"),
    "timeline.as_of_mark": ("текущий квартал", "as-of quarter"),
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
    "calendar.done_prefix": ("[выполнено]", "[done]"),
    "calendar.done_on": ("Выполнено {date}", "Done on {date}"),
    "calendar.evidence": ("Подтверждение: {text}", "Evidence: {text}"),
    # messages
    "message.days_overdue": ("просрочено на {days}", "{days} overdue"),
    "message.days_late": ("выполнено с опозданием на {days}", "done {days} late"),
    "message.late": ("с опозданием на {days}", "{days} late"),
    "message.nothing": ("Нет обязательств.", "No obligations."),
    "message.written": ("Записано: {path}", "Written: {path}"),
    "message.unofficial": (
        "Английский перевод неофициальный.",
        "The English translation is unofficial.",
    ),
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


# The query commands' tables (``tables``), keyed by their English text: English -> Russian.
TABLE_RU: dict[str, str] = {
    "Status": "Статус",
    "No.": "№",
    "Deadline": "Срок",
    "Lead": "Созыв",
    "Title": "Наименование",
    "Executors": "Исполнители",
    "Measure": "Мероприятие",
    "Field": "Поле",
    "Value": "Значение",
    "Forms": "Формы завершения",
    "Costs": "Расходы",
    "required": "требуются",
    "none required": "не требуются",
    "Measure (en, unofficial)": "Мероприятие (англ., неофициальный перевод)",
    "Obligation": "Обязательство",
    "Obligation (en)": "Обязательство (англ.)",
    "Point {point}": "Пункт {point}",
    "Period": "Период",
    "Recipients": "Получатели",
    "Code": "Код",
    "Alias": "Латиницей",
    "Role": "Роль",
    "Name": "Наименование",
    "Executors: each owes its own report": "Исполнители: каждый представляет свою информацию",
    "report": "отчетность",
    "lead": "созыв",
    "co": "соисполнитель",
    ", by agreement": ", по согласованию",
    "Progress": "Ход исполнения",
    "On": "Дата",
    "By": "Кто",
    "Evidence": "Подтверждение",
    "Note": "Примечание",
    "No progress recorded.": "Записей о ходе исполнения нет.",
    "{n} later record(s), after {date}, not counted.": (
        "Записей позже {date}: {n}; они не учтены."
    ),
    "Co": "Соисп.",
    "By agr.": "По согл.",
    "Reports": "Отчеты",
    "Overdue": "Просроч.",
    "Lead, Co: measures it leads, co-executes; By agr.: measures it takes part in by "
    "agreement; Reports: reporting obligations it owes; Overdue: of all these, overdue.": (
        "Созыв, Соисп.: мероприятия, где орган созывает или соисполняет; По согл.: мероприятия, "
        "где он участвует по согласованию; Отчеты: его отчетность; Просроч.: из всего этого "
        "просрочено."
    ),
    "Measures it leads ({n})": "Мероприятия, где он созывает ({n})",
    "Measures it co-executes ({n})": "Мероприятия, где он соисполнитель ({n})",
    "Reports it owes ({n})": "Его отчетность ({n})",
    "Obligations {window}": "Обязательства {window}",
    "Obligations owed by {code} {window}": "Обязательства {code} {window}",
    "Measures {window}": "Мероприятия {window}",
    "Measure {number} {window}": "Мероприятие {number} {window}",
    "Report {id} {window}": "Отчетность {id} {window}",
    "Agencies {window}": "Органы {window}",
    "as of {date} (due: through {horizon})": "по состоянию на {date} (к исполнению: по {horizon})",
    "Nothing is overdue, due or ongoing.": "Просроченных, подлежащих исполнению и выполняемых "
    "обязательств нет.",
    "No measure matches.": "Подходящих мероприятий нет.",
    "{n} measures: {counts}.": "Мероприятий: {n}; {counts}.",
    "nothing": "ничего",
    "(none)": "(нет)",
    "— (no date in the act)": "— (в акте срока нет)",
    "{n} agencies": "органов: {n}",
    "{days} d": "{days} дн.",
    "{days} d late": "{days} дн. опоздания",
    "by {days} days": "на {days} дн.",
    "on {date}": "{date}",
    ", {days} days late": ", с опозданием на {days} дн.",
    "recorded in {path}: {target} {status} on {on}": "записано в {path}: {target} {status} {on}",
}


def tr(lang: Lang, english: str, **values: object) -> str:
    """A text of the query tables in ``lang``: the English as written, or its Russian."""
    text = TABLE_RU[english] if lang == "ru" else english
    return text.format(**values) if values else text


def label(key: str, lang: Lang, **values: object) -> str:
    """The label ``key`` in ``lang``, with its placeholders filled from ``values``."""
    try:
        russian, english = LABELS[key]
    except KeyError:
        raise KeyError(f"no label {key!r}") from None
    text = russian if lang == "ru" else english
    return text.format(**values) if values else text


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
