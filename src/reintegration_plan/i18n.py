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
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal, TypeVar

from .errors import InvalidInput

Lang = Literal["ru", "en"]
DEFAULT_LANG: Lang = "en"

T = TypeVar("T")

DUTY_LABELS_ACT = (912, dt.date(2016, 12, 29))
"""The act (its number and date) whose reporting duties the labels ``duty.<id>.*`` name: their
titles say whom the reports go to (МВД), true of 912's duties only."""


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
    "role.lead": ("ответственный", "lead"),
    "role.co": ("соисполнитель", "co-executor"),
    "role.report": ("отчетность", "report"),
    "role.by_agreement": ("по согласованию", "by agreement"),
    "role.any": ("любая", "any"),  # --role any: lead or co-executor
    # the act's own column headings, for its verbatim texts
    "act.column.number": ("№ п/п", "No."),
    "act.column.text": ("Мероприятие", "Measure"),
    "act.column.form": ("Форма завершения", "Form of completion"),
    "act.column.executors": ("Ответственные исполнители", "Responsible executors"),
    "act.column.deadline": ("Сроки исполнения", "Deadline"),
    "act.column.costs": ("Предполагаемые расходы", "Estimated costs"),
    "act.column.financing": ("Объем финансирования", "Financing"),
    "act.column.sources": ("Источники финансирования", "Sources of financing"),
    "act.column.other": ("Графа {number}", "Column {number}"),
    # column headings of the tables
    "column.number": ("№", "No."),
    "column.measure": ("Мероприятие", "Measure"),
    "column.translated": (
        "{column} (англ., неофициальный перевод)",
        "{column} (en, unofficial)",
    ),
    "column.obligation": ("Обязательство", "Obligation"),
    "column.obligation_en": ("Обязательство (англ.)", "Obligation (en)"),
    "column.title": ("Наименование", "Title"),
    "column.deadline": ("Срок", "Deadline"),
    "column.status": ("Статус", "Status"),
    "column.lead": ("Ответственный", "Lead"),
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
    "column.leads_short": ("Отв.", "Lead"),
    "column.co_short": ("Соисп.", "Co"),
    "column.by_agreement_short": ("По согл.", "By agr."),
    "column.reports": ("Отчеты", "Reports"),
    "column.overdue_short": ("Просроч.", "Overdue"),
    "column.deadline_text": ("Срок по акту", "Deadline in the act"),
    "column.start": ("Начало", "Start"),
    "column.plan": ("План", "Plan"),
    "column.plan_id": ("Идентификатор", "Id"),
    "column.act": ("Акт и план", "Act and plan"),
    "column.years": ("Годы", "Years"),
    "column.measures_short": ("Мер.", "Meas."),
    "column.next_deadline": ("Ближайший срок", "Next deadline"),
    # the names of spreadsheet sheets
    "heading.due_sheet": ("Обязательства", "Obligations"),
    "heading.measures_sheet": ("Мероприятия", "Measures"),
    "heading.agencies_sheet": ("Органы", "Agencies"),
    "heading.detail_sheet": ("Карточка", "Detail"),
    "heading.plans_sheet": ("Планы", "Plans"),
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
    "csv.lead": ("ответственный", "lead"),  # as the tables head it, not the act's "созыв"
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
    "csv.reports": ("отчеты", "reports"),
    "csv.overdue": ("просрочено", "overdue"),
    "csv.plan": ("план", "plan"),
    "csv.act": ("акт", "act"),
    "csv.act_kind": ("вид акта", "act_kind"),
    "csv.act_number": ("номер акта", "act_number"),
    "csv.act_date": ("дата акта", "act_date"),
    "csv.plan_title": ("наименование плана", "plan_title"),
    "csv.first_year": ("первый год", "first_year"),
    "csv.last_year": ("последний год", "last_year"),
    "csv.measures": ("мероприятий", "measures"),
    "csv.obligations": ("обязательств", "obligations"),
    "csv.next_deadline": ("ближайший срок", "next_deadline"),
    "csv.next_obligation": ("ближайшее обязательство", "next_obligation"),
    "csv.plans": ("планов", "plans"),
    "csv.codes": ("другие коды", "codes"),
    "csv.file": ("файл", "file"),
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
    "heading.agency": ("{code} ({alias}) {window}", "{alias} ({code}) {window}"),
    "heading.measures": ("Мероприятия {window}", "Measures {window}"),
    "heading.measure": ("Мероприятие {number} {window}", "Measure {number} {window}"),
    "heading.report": ("{title} ({id}) {window}", "{title} ({id}) {window}"),
    "heading.agencies": ("Органы {window}", "Agencies {window}"),
    "heading.plans": ("Планы мероприятий {window}", "Plans of measures {window}"),
    "heading.report_executors": (
        "Исполнители: каждый представляет свою информацию",
        "Executors: each owes its own report",
    ),
    "heading.progress": ("Ход исполнения", "Progress"),
    "heading.times_due": ("(сроков исполнения: {n})", "(due {n} times in all)"),
    "heading.agency_leads": (
        "Мероприятия, где орган ответственный (созыв): {n}{times}",
        "Measures it leads: {n}{times}",
    ),
    "heading.agency_co": (
        "Мероприятия, где орган соисполнитель: {n}{times}",
        "Measures it co-executes: {n}{times}",
    ),
    "heading.occurrences": (
        "Сроки мероприятия (обязательств: {n})",
        "When the measure falls due ({n} obligations)",
    ),
    "heading.agency_reports": ("Отчетность органа: {n}", "Reports it owes: {n}"),
    # the progress report
    "report.title": (
        "Ход исполнения Плана мероприятий ({act})",
        "Progress of the Plan of Measures ({act})",
    ),
    "report.title_plans": (
        "Ход исполнения планов мероприятий ({plans})",
        "Progress of the Plans of Measures ({plans})",
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
        "Ход исполнения Плана мероприятий ({act})",
        "Progress of the Plan of Measures ({act})",
    ),
    "report.agency_reports": (
        "Отчетность органа (обязательств: {n}) приведена в разделе «Отчетность».",
        "Its reporting obligations ({n}) are in the section “Reporting obligations”.",
    ),
    "report.shares": ("{title}: по органам", "{title}: by agency"),
    "duty.half-yearly-report.shares": (
        "Информация в МВД за полугодие: по органам",
        "Half-yearly information to MVD: by agency",
    ),
    "report.half_year": ("{half} пол. {year}", "H{half} {year}"),
    "report.translation_note": (
        "Тексты постановления приведены дословно на русском языке.",
        "Texts of the act are an unofficial English translation; the Russian text is "
        "authoritative.",
    ),
    "report.untranslated_note": (
        "Тексты постановления приведены на русском языке: перевода на английский язык нет.",
        "Texts of the act are shown in Russian: the act has no English translation.",
    ),
    "report.partly_translated_note": (
        "Тексты постановления приведены в неофициальном переводе на английский язык, где он "
        "есть, иначе на русском языке; официальный текст — русский.",
        "Texts of the act are an unofficial English translation where there is one, else the "
        "Russian original; the Russian text is authoritative.",
    ),
    # the timeline
    "timeline.left_out": (
        "Кварталы {which} не поместились в {width} колонок: их покажут терминал шире "
        "(COLUMNS), --svg или --html, или меньше планов (--plan-id).",
        "The quarters {which} do not fit in {width} columns: a wider terminal (COLUMNS), --svg "
        "or --html shows them, or fewer plans (--plan-id).",
    ),
    "timeline.left_before": ("до {quarter}", "before {quarter}"),
    "timeline.left_after": ("после {quarter}", "after {quarter}"),
    "timeline.left_and": ("и", "and"),
    "timeline.title": ("График исполнения", "Timeline"),
    "timeline.as_of": ("по состоянию на {date}", "as of {date}"),
    "timeline.deadline_mark": ("срок", "deadline"),
    "timeline.period_bar": ("период", "period"),
    "timeline.as_of_mark": ("текущий квартал", "as-of quarter"),
    "timeline.report": ("отчет", "report"),  # a report's row where its name does not fit
    # the Gantt chart (plan timeline --svg/--html, and the report's overview)
    "gantt.title": (
        "График исполнения Плана мероприятий по состоянию на {date}",
        "Timeline of the Plan of Measures as of {date}",
    ),
    "gantt.title_plans": (
        "График исполнения планов мероприятий ({plans}) по состоянию на {date}",
        "Timeline of the Plans of Measures ({plans}) as of {date}",
    ),
    "gantt.legend.in_progress": (
        "в работе (начата, по записи о ходе исполнения)",
        "in progress (started, as a progress record says)",
    ),
    "gantt.legend.ongoing": (
        "выполняется (срок — период, он идет)",
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
        "Информация о ходе реализации Плана мероприятий {period}",
        "Information on the implementation of the Plan of Measures {period}",
    ),
    "submission.basis": (
        "(пункт {point} {act} от {date} № {number})",
        "(point {point} of {act} No. {number} of {date})",
    ),
    "submission.intro": (
        "Мероприятия Плана ({plan}), в исполнении которых участвует {code}, подлежавшие "
        "исполнению или исполнявшиеся {period}, и не исполненные ранее; "
        "статус указан по состоянию на {end}.",
        "The measures of the Plan ({plan}) that {code} takes part in and that were due or under "
        "way {period}, or due earlier and not yet done; each status as of {end}.",
    ),
    "submission.status_at": ("Статус на {date}", "Status on {date}"),
    "submission.done": ("Проделанная работа", "Work done"),
    "submission.fill": (
        "[Заполнить: что сделано {period}]",
        "[To fill in: what was done {period}]",
    ),
    "submission.evidence": ("подтверждение: {evidence}", "evidence: {evidence}"),
    "submission.no_measures": (
        "Мероприятий, подлежавших исполнению {period}, нет.",
        "No measure of the agency concerned {period}.",
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
        "План мероприятий по {act}: сроки",
        "Plan of Measures, {act}: deadlines",
    ),
    "calendar.name_plans": (
        "Сроки по планам мероприятий ({plans})",
        "Deadlines of the Plans of Measures ({plans})",
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
    "message.also_codes": ("в других планах: {codes}", "in other plans: {codes}"),
    "message.also_known": ("В других планах: {codes}.", "In other plans: {codes}."),
    "message.act_of": ("{act} от {date}", "{act} of {date}"),
    "message.plan_number": ("№ {number}", "No. {number}"),
    "message.nothing": ("ничего", "nothing"),
    "message.nothing_due": (
        "Просроченных, подлежащих исполнению и выполняемых обязательств{whose} {window} нет.",
        "Nothing{whose} is overdue, due or ongoing {window}.",
    ),
    "message.whose": ("{names}", "owed by {names}"),
    "message.no_measure": (
        "Подходящих мероприятий {window} нет.",
        "No measure matches {window}.",
    ),
    "message.measure_counts": ("{n}: {counts}.", "{n}: {counts}."),
    "message.no_date": ("— (в акте срока нет)", "— (no date in the act)"),
    "message.days_short": ("{days} дн.", "{days} d"),
    "message.days_late_short": ("опоздание {days}", "{days} late"),
    "message.by_days": ("на {days}", "by {days}"),
    "message.on_date": ("{date}", "on {date}"),
    "message.days_late_suffix": (", с опозданием на {days}", ", {days} late"),
    "message.days_overdue": ("просрочено на {days}", "{days} overdue"),
    "message.days_late": ("выполнено с опозданием на {days}", "done {days} late"),
    "message.late": ("с опозданием на {days}", "{days} late"),
    "message.no_progress": ("Записей о ходе исполнения нет.", "No progress recorded."),
    "message.later_records": (
        "Позже {date}: {n}; не учтены.",
        "After {date}: {n}, not counted.",
    ),
    "message.agencies_legend": (
        "Отв., Соисп., По согл.: мероприятия, где орган ответственный (созыв), соисполнитель, "
        "участвует по согласованию, каждое один раз, сколько бы сроков у него ни было; Отчеты: "
        "его отчетность; Просроч.: сколько сроков из всего этого просрочено (у мероприятия — "
        "каждый его срок).",
        "Lead, Co, By agr.: measures it leads, co-executes, takes part in by agreement, each "
        "counted once however many times it falls due; Reports: reporting obligations it owes; "
        "Overdue: of all these, the deadlines overdue (each time a measure falls due).",
    ),
    "message.recorded": (
        "Записано в {path}: {target} — {status}, {on}.",
        "Recorded in {path}: {target} — {status}, on {on}.",
    ),
    # the reporting duties of 912 (DUTY_LABELS_ACT): a short name (for a number column) and a
    # title (for a heading); keyed by the duty's id in the plan file (obligations.short_name,
    # obligations.heading); another act's duties, even of the same id, are not these
    "duty.half-yearly-report.name": (
        "Отчет за {half} полугодие {year} г.",
        "Report for H{half} {year}",
    ),
    "duty.half-yearly-report.title": (
        "Информация о ходе реализации Плана в МВД за {half} полугодие {year} года",
        "Information to MVD on the Plan's implementation for H{half} {year}",
    ),
    "duty.annual-evaluation.name": ("Ежегодная оценка", "Annual evaluation"),
    "duty.annual-evaluation.title": (
        "Мониторинг и ежегодная оценка реализации Комплексной стратегии",
        "Monitoring and annual evaluation of the Comprehensive Strategy's implementation",
    ),
    "duty.consolidated-report.name": ("Консолидированный отчет", "Consolidated report"),
    "duty.consolidated-report.title": (
        "Консолидированный отчет об исполнении Комплексной стратегии",
        "Consolidated report on the Comprehensive Strategy's execution",
    ),
    # the acts, as the titles of what is published name them: "постановление Правительства РК
    # № 912" (kind), "постановление № 912" (kind_short), "по постановлению № 912" (kind_dative)
    "act.numbered": ("{act} № {number}", "{act} No. {number}"),
    "act.kind.resolution_of_government": (
        "постановление Правительства РК",
        "Resolution of the Government of the RK",
    ),
    "act.kind_short.resolution_of_government": ("постановление", "Resolution"),
    "act.kind_dative.resolution_of_government": ("постановлению", "Resolution"),
    "act.kind_genitive.resolution_of_government": (
        "постановления Правительства Республики Казахстан",
        "Resolution of the Government of the Republic of Kazakhstan",
    ),
    "act.kind_genitive.decree_of_president": (
        "Указа Президента Республики Казахстан",
        "Decree of the President of the Republic of Kazakhstan",
    ),
    "act.kind_genitive.order_of_prime_minister": (
        "распоряжения Премьер-Министра Республики Казахстан",
        "Order of the Prime Minister of the Republic of Kazakhstan",
    ),
    "act.kind_genitive.order": ("приказа", "Order"),
    "act.kind_genitive.joint_order": ("совместного приказа", "Joint order"),
    "act.kind_genitive.law": ("Закона Республики Казахстан", "Law of the Republic of Kazakhstan"),
    "act.kind_genitive.other": ("акта", "Act"),
    "act.kind.decree_of_president": ("указ Президента РК", "Decree of the President of the RK"),
    "act.kind_short.decree_of_president": ("указ", "Decree"),
    "act.kind_dative.decree_of_president": ("указу", "Decree"),
    "act.kind.order_of_prime_minister": (
        "распоряжение Премьер-Министра РК",
        "Order of the Prime Minister of the RK",
    ),
    "act.kind_short.order_of_prime_minister": ("распоряжение", "Order"),
    "act.kind_dative.order_of_prime_minister": ("распоряжению", "Order"),
    "act.kind.order": ("приказ", "Order"),
    "act.kind_short.order": ("приказ", "Order"),
    "act.kind_dative.order": ("приказу", "Order"),
    "act.kind.joint_order": ("совместный приказ", "Joint order"),
    "act.kind_short.joint_order": ("совместный приказ", "Joint order"),
    "act.kind_dative.joint_order": ("совместному приказу", "Joint order"),
    "act.kind.law": ("Закон РК", "Law of the RK"),
    "act.kind_short.law": ("закон", "Law"),
    "act.kind_dative.law": ("закону", "Law"),
    "act.kind.other": ("акт", "Act"),
    "act.kind_short.other": ("акт", "Act"),
    "act.kind_dative.other": ("акту", "Act"),
    # the periods reports are on and measures fall due in: short (a column, an occurrence), the
    # name (a field: "1 полугодие 2018 года"), and the phrases of a submission ("за 1 полугодие
    # 2018 года", "в 1 полугодии 2018 года", "за полугодие", "в этом полугодии")
    "period.half_year.for": ("за {half} полугодие {year} года", "for H{half} {year}"),
    "period.half_year.in": ("в {half} полугодии {year} года", "in H{half} {year}"),
    "period.half_year.name": ("{half} полугодие {year} года", "H{half} {year}"),
    "period.half_year.unit": ("за полугодие", "in the half-year"),
    "period.half_year.this": ("в этом полугодии", "this half-year"),
    "period.quarter.short": ("{quarter} кв. {year}", "Q{quarter} {year}"),
    "period.quarter.for": ("за {quarter} квартал {year} года", "for Q{quarter} {year}"),
    "period.quarter.in": ("в {quarter} квартале {year} года", "in Q{quarter} {year}"),
    "period.quarter.name": ("{quarter} квартал {year} года", "Q{quarter} {year}"),
    "period.quarter.unit": ("за квартал", "in the quarter"),
    "period.quarter.this": ("в этом квартале", "this quarter"),
    "period.month.short": ("{month} {year}", "{month} {year}"),
    "period.month.for": ("за {month} {year} года", "for {month} {year}"),
    "period.month.in": ("в {month_in} {year} года", "in {month_in} {year}"),
    "period.month.name": ("{month} {year} года", "{month} {year}"),
    "period.month.unit": ("за месяц", "in the month"),
    "period.month.this": ("в этом месяце", "this month"),
    "period.year.short": ("{year}", "{year}"),
    "period.year.for": ("за {year} год", "for {year}"),
    "period.year.in": ("в {year} году", "in {year}"),
    "period.year.name": ("{year} год", "{year}"),
    "period.year.unit": ("за год", "in the year"),
    "period.year.this": ("в этом году", "this year"),
    "period.date.short": ("к {date}", "by {date}"),
    "period.date.for": ("по состоянию на {date}", "as of {date}"),
    "period.date.in": ("с {start} по {date}", "from {start} to {date}"),
    "period.date.name": ("{date}", "{date}"),
    "period.date.unit": ("за период", "in the period"),
    "period.date.this": ("в этот период", "in this period"),
    "months.nominative": (
        "январь|февраль|март|апрель|май|июнь|июль|август|сентябрь|октябрь|ноябрь|декабрь",
        "January|February|March|April|May|June|July|August|September|October|November|December",
    ),
    "months.prepositional": (
        "январе|феврале|марте|апреле|мае|июне|июле|августе|сентябре|октябре|ноябре|декабре",
        "January|February|March|April|May|June|July|August|September|October|November|December",
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
    "message.recorded_measure": ("мероприятие {number}", "measure {number}"),
    "message.warning": ("plan: предупреждение: {message}", "plan: warning: {message}"),
    "message.waiting": (
        "plan: ожидание: {lock} занят другой командой plan record…",
        "plan: waiting for {lock} held by another plan record…",
    ),
    "warning.done-without-evidence": (
        "запись «выполнено» без подтверждения: добавьте --evidence со ссылкой или документом",
        "a record of `done` without `evidence`: add a URL or the document that shows it",
    ),
    # words counted: the forms for 1, 2-4 and 5 in Russian (1 день, 2 дня, 5 дней); in English
    # for 1 and for the others
    "plural.day": ("день|дня|дней", "day|days"),
    "plural.measure": ("мероприятие|мероприятия|мероприятий", "measure|measures"),
    "plural.agency": ("орган|органа|органов", "agency|agencies"),
    "plural.record": ("запись|записи|записей", "record|records"),
    "plural.plan": ("план|плана|планов", "plan|plans"),
    "plural.status.overdue": ("просрочено|просрочены|просрочены", "overdue|overdue"),
    "plural.status.due": ("к исполнению|к исполнению|к исполнению", "due|due"),
    "plural.status.ongoing": ("выполняется|выполняются|выполняются", "ongoing|ongoing"),
    "plural.status.upcoming": ("предстоит|предстоят|предстоят", "upcoming|upcoming"),
    "plural.status.done": ("выполнено|выполнены|выполнены", "done|done"),
    "plural.status.cancelled": ("отменено|отменены|отменены", "cancelled|cancelled"),
    "plural.status.in_progress": ("в работе|в работе|в работе", "in progress|in progress"),
    "plural.status.undated": ("без срока|без срока|без срока", "undated|undated"),
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
    "body.central_state_bodies": (
        "центральные государственные органы",
        "central state bodies",
    ),
    "body.state_bodies": ("государственные органы", "state bodies"),
    "body.other_organizations": ("иные организации", "other organisations"),
    "body.quasi_public_sector": (
        "субъекты квазигосударственного сектора",
        "entities of the quasi-public sector",
    ),
    "body.government": ("Правительство Республики Казахстан", "Government of Kazakhstan"),
    "body.government_office": (
        "Аппарат Правительства Республики Казахстан",
        "Office of the Government of Kazakhstan",
    ),
    "body.prime_minister_office": (
        "Канцелярия Премьер-Министра Республики Казахстан",
        "Office of the Prime Minister of Kazakhstan",
    ),
    "body.presidential_administration": (
        "Администрация Президента Республики Казахстан",
        "Administration of the President of Kazakhstan",
    ),
    # the help of the command line (`plan --help`, `plan COMMAND --help`): a command's summary
    # and description, each parameter's help (its own, else the shared `help.option.*`) and
    # the placeholder for its value
    "help.usage": ("Использование:", "Usage:"),
    "help.options": ("Параметры", "Options"),
    "help.arguments": ("Аргументы", "Arguments"),
    "help.commands": ("Команды", "Commands"),
    "help.options_metavar": ("[ПАРАМЕТРЫ]", "[OPTIONS]"),
    "help.command_metavar": ("КОМАНДА [АРГУМЕНТЫ]...", "COMMAND [ARGS]..."),
    "help.plan": (
        "План мероприятий 2017–2019 годов по реализации Комплексной стратегии социальной "
        "реабилитации граждан, освободившихся из мест лишения свободы и находящихся на учете "
        "службы пробации (постановление Правительства Республики Казахстан от 29 декабря 2016 "
        "года № 912): что просрочено и что к исполнению, мероприятия и органы, ход исполнения, "
        "график, календарь и отчет.\n\n"
        "Справка каждой команды: plan КОМАНДА --help. Коды выхода: 0 успешно, 1 ошибки в "
        "данных, 2 ошибка в команде, файл, который нельзя прочитать, или вывод, который нельзя "
        "записать, 3 внутренняя ошибка программы (PLAN_DEBUG=1 покажет трассировку), 130 "
        "прервано (Ctrl-C).",
        "The 2017–2019 plan of measures implementing the Comprehensive Strategy for the social "
        "rehabilitation of people released from prison and people registered with the "
        "probation service (Resolution of the Government of Kazakhstan No. 912 of 29 December "
        "2016): what is overdue and due, the measures and the agencies, progress, a timeline, "
        "a calendar and a report.\n\n"
        "Each command's help: plan COMMAND --help. Exit codes: 0 ok, 1 data problems, 2 usage "
        "errors, unreadable input or output that cannot be written, 3 internal error (a bug: "
        "PLAN_DEBUG=1 shows the traceback), 130 interrupted (Ctrl-C).",
    ),
    "help.option.help": ("Показать эту справку и выйти.", "Show this message and exit."),
    "help.option.version": (
        "Показать версию программы и постановление, данные которого она содержит.",
        "Show the version and the act whose data it carries.",
    ),
    "help.option.agency": (
        "Только то, что должен орган: код в любом регистре (МТСЗН, мтсзн), латиницей (MTSZN), "
        "полное наименование или его начало (министерство труда, акиматы). Можно указать "
        "несколько раз: обязательства любого из органов.",
        "Only what an agency owes: its code in any letter case (МТСЗН, мтсзн), its Latin "
        "alias (MTSZN), its full name or a start of it (Ministry of Labour, акиматы). Give it "
        "more than once for several agencies.",
    ),
    "help.option.plan": (
        "Файл плана вместо встроенных данных; можно указать несколько раз: все эти планы "
        "вместе (по умолчанию: $PLAN_PATH, иначе $PLAN_FILE, иначе встроенные данные).",
        "A plan file to use instead of the embedded data; give it more than once for several "
        "plans together (default: $PLAN_PATH, else $PLAN_FILE, else the embedded data).",
    ),
    "help.option.plans": (
        "Папка (или файл): все файлы планов в ней и во вложенных папках, вместе с файлами хода "
        "исполнения, найденными там; можно указать несколько раз (по умолчанию: $PLAN_PATH, "
        "список папок и файлов через двоеточие, в Windows через точку с запятой).",
        "A folder (or a file): every plan file in it and its subfolders, with the progress "
        "files found there; give it more than once (default: $PLAN_PATH, a list of folders "
        "and files separated by colons, by semicolons on Windows).",
    ),
    "help.record.plans": (
        "Папка (или файл): все файлы планов в ней и во вложенных папках; можно указать "
        "несколько раз (по умолчанию: $PLAN_PATH).",
        "A folder (or a file): every plan file in it and its subfolders; give it more than "
        "once (default: $PLAN_PATH).",
    ),
    "help.option.plan_id": (
        "Только один из загруженных планов: его идентификатор (pp-912-2016, см. plan plans) "
        "или номер акта, если он есть только у одного плана (912).",
        "Only one of the plans loaded: its id (pp-912-2016, see plan plans), or its act's "
        "number when no other plan's act has it (912).",
    ),
    "help.option.progress": (
        "Файл хода исполнения; можно указать несколько раз (по умолчанию: $PLAN_PROGRESS, "
        "иначе ./progress.yaml, если он есть, и файлы, найденные с --plans). Названный здесь "
        "или в $PLAN_PROGRESS файл должен существовать.",
        "A progress file; give it more than once for several (default: $PLAN_PROGRESS, else "
        "./progress.yaml if it exists and those found with --plans). A file named here or in "
        "$PLAN_PROGRESS must exist.",
    ),
    "help.option.as_of": (
        "Дата, на которую дать ответ: 01.07.2018, 2018-07-01, 1 июля 2018, 1 July 2018, today "
        "или сегодня; месяц (январь 2018), квартал (2018Q3, 3 квартал 2018, Q3 2018), "
        "полугодие (2018H1, 1 полугодие 2018, H1 2018) или год (2018) означает его первый "
        "день, и к исполнению то, что наступает в нем. По умолчанию: сегодня.",
        "The date to answer for: 01.07.2018, 2018-07-01, 1 июля 2018, 1 July 2018, today or "
        "сегодня; a month (январь 2018), quarter (2018Q3, 3 квартал 2018, Q3 2018), half-year "
        "(2018H1, 1 полугодие 2018, H1 2018) or year (2018) means its first day, and what "
        "falls due in it is due. Default: today.",
    ),
    "help.option.output_format": (
        "Формат: table (таблица для чтения, по умолчанию); xlsx (книга Excel, с -o ФАЙЛ); "
        "json, csv (UTF-8, для программ) или markdown. Без --format его задает имя файла -o "
        "(.txt, .json, .csv, .md, .xlsx).",
        "Output format: table (for people, the default); xlsx, an Excel workbook (with -o "
        "FILE); json, csv (UTF-8, for programs) or markdown. Without --format, the -o file's "
        "name chooses it (.txt, .json, .csv, .md, .xlsx).",
    ),
    "help.option.lang": (
        "Язык подписей, заголовков и текстов постановления: ru или en (по умолчанию: "
        "$PLAN_LANG, иначе ru при русской локали, иначе en). Английские тексты — неофициальный "
        "перевод.",
        "Language of labels, headings and the act's texts: ru or en (default: $PLAN_LANG, else "
        "ru when the locale is Russian, else en). English texts are an unofficial translation.",
    ),
    "help.option.output": (
        "Записать в этот файл (целиком: во временный файл, затем переименовать) вместо "
        "стандартного вывода (-: стандартный вывод).",
        "Write to this file (all at once: a temporary file, then renamed) instead of standard "
        "output (-: standard output).",
    ),
    "help.option.target": (
        "Номер мероприятия (5, №5) или идентификатор обязательства, как его печатает plan, в "
        "любом регистре (measure-5, half-yearly-report-2018H1, measure-13-2026Q2).",
        "A measure's number (5, №5) or an obligation's id as plan prints it, in any letter "
        "case (measure-5, half-yearly-report-2018H1, measure-13-2026Q2).",
    ),
    "summary.due": (
        "Что просрочено, что к исполнению и что выполняется на дату.",
        "What is overdue, due and ongoing as of a date.",
    ),
    "help.due": (
        "Что просрочено, что к исполнению и что выполняется на дату, начиная с самого "
        "срочного: мероприятия плана и отчетность, установленная постановлением. С --agency — "
        "только то, что должен орган: мероприятия, где он ответственный или соисполнитель, и "
        "его отчетность.\n\n"
        "\b\n"
        "Даты (--as-of):\n"
        "  01.07.2018, 1.7.2018, 2018-07-01, 2018-7-1, 1 июля 2018 (года),\n"
        "  1 July 2018, today или сегодня. Месяц (январь 2018), квартал\n"
        "  (2018Q3, Q3 2018, 3 квартал 2018, III квартал 2018 года, 3 кв. 2018),\n"
        "  полугодие (2018H1, H1 2018, 1 полугодие 2018, 1 пол. 2018) или год\n"
        "  (2018) означает ПЕРВЫЙ день периода, а к исполнению — то, что\n"
        "  наступает до его последнего дня: --as-of 2018Q3 показывает как\n"
        "  «к исполнению» то, что наступает в третьем квартале, и как\n"
        '  «просрочено» то, что наступило раньше; --as-of "1 полугодие 2018"\n'
        "  — то, что наступает до 30.06.2018.\n\n"
        "\b\n"
        "Сроки:\n"
        "  - квартал («2 квартал 2017 года») истекает в его последний день\n"
        "    включительно: к исполнению до 2017-06-30, просрочено с 2017-07-01;\n"
        "  - период («2017 – 2019 годы») идет с 2017-01-01 и истекает\n"
        "    в последний день, 2019-12-31;\n"
        "  - информация в МВД о ходе реализации Плана — до 10 числа месяца,\n"
        "    следующего за полугодием, с 1 полугодия 2017 по 2 полугодие 2019\n"
        "    (2017-07-10, 2018-01-10, ..., 2020-01-10); консолидированный отчет —\n"
        "    2020-02-25; у ежегодной оценки срока в акте нет: она без срока\n"
        "    и никогда не просрочена.\n\n"
        "\b\n"
        "Статус на дату D без записей о ходе исполнения:\n"
        "  - просрочено: срок раньше D;\n"
        "  - к исполнению: срок между D и концом квартала D (или периода,\n"
        "    который назван в --as-of, или --within);\n"
        "  - выполняется: период начался, но срок еще не наступил;\n"
        "  - предстоит: в остальных случаях.\n"
        "Учитываются записи, датированные D или раньше, и решает последняя:\n"
        "выполнено (с днями опоздания) и отменено заменяют статус; в работе —\n"
        "тоже, но обязательство после срока остается просроченным.",
        "What is overdue, due and ongoing as of a date, most urgent first: the plan's measures "
        "and the resolution's reporting obligations. With --agency, only what that agency "
        "owes: the measures it leads or co-executes, and the reports that apply to it.\n\n"
        "\b\n"
        "Dates (--as-of):\n"
        "  01.07.2018, 1.7.2018, 2018-07-01, 2018-7-1, 1 июля 2018 (года),\n"
        "  1 July 2018, today or сегодня. A month (январь 2018), a quarter\n"
        "  (2018Q3, Q3 2018, 3 квартал 2018, III квартал 2018 года, 3 кв. 2018),\n"
        "  a half-year (2018H1, H1 2018, 1 полугодие 2018, 1 пол. 2018) or a\n"
        "  year (2018) means its FIRST day, and what falls due by its last day\n"
        "  is due: --as-of 2018Q3 lists what falls due in the third quarter as\n"
        "  due, and what fell due before it as overdue; --as-of 2018H1 what\n"
        "  falls due by 2018-06-30.\n\n"
        "\b\n"
        "Deadline rules:\n"
        '  - a quarter ("2 квартал 2017 года") falls due on its last day,\n'
        "    inclusive: due on 2017-06-30, overdue from 2017-07-01;\n"
        '  - a period ("2017 – 2019 годы") runs from 2017-01-01 and falls due\n'
        "    on its last day, 2019-12-31;\n"
        "  - the half-yearly report to MVD is due on the 10th of the month after\n"
        "    each half-year, 2017-H1 to 2019-H2 (2017-07-10, 2018-01-10, ...,\n"
        "    2020-01-10); the consolidated report on 2020-02-25; the annual\n"
        "    evaluation has no date in the act: it is undated, never overdue.\n\n"
        "\b\n"
        "Status as of a date D, with no progress recorded:\n"
        "  - overdue: the deadline is before D;\n"
        "  - due: the deadline is between D and the end of D's quarter (or of\n"
        "    the period --as-of names, or of --within);\n"
        "  - ongoing: a period has started but is not yet due;\n"
        "  - upcoming: otherwise.\n"
        "Progress records dated on or before D count, and the latest decides:\n"
        "done (with the days late) and cancelled replace the status; in progress\n"
        "does too, except that an obligation past its deadline stays overdue.",
    ),
    "help.due.within": (
        "Считать к исполнению то, что наступает в этот срок от даты (30д, 2н, 2м, 1к, 1г или "
        "словами: 30 дней, 2 недели, 2 месяца, 1 квартал, 1 год; 30d, 2w, 2m, 1q, 1y), а не до "
        "конца ее квартала (или периода из --as-of).",
        "Count as due what falls due within this window from the date (30d, 2w, 2m, 1q, 1y, or "
        "30 days, 2 weeks, 2 months, 1 quarter, 1 year; in Russian 30 дней, 2 недели …) instead "
        "of by the end of its quarter (or of the period --as-of names).",
    ),
    "help.due.include_all": (
        "Показать также предстоящие, без срока, выполненные и отмененные.",
        "Also list upcoming, undated, done and cancelled obligations.",
    ),
    "summary.measures": (
        "Мероприятия плана по порядку, со статусом, с отбором.",
        "The plan's measures in order, with their status, filtered.",
    ),
    "help.measures": (
        "Мероприятия плана в порядке постановления, со статусом на дату. Отборы сочетаются: "
        "plan measures --agency мтсзн --role co --deadline 2017 — мероприятия 2017 года, где "
        "МТСЗН соисполнитель.",
        "The plan's measures in the act's order, with their status as of the date. The filters "
        "combine: plan measures --agency mtszn --role co --deadline 2017 lists the measures "
        "MTSZN co-executes that fall due in 2017.",
    ),
    "help.measures.role": (
        "С --agency: роль органа — ответственный (lead), соисполнитель (co) или любая (any, "
        "по умолчанию); регистр не важен.",
        "With --agency: its role, lead, co-executor (co) or any (the default), or the Russian "
        "words the tables print (ответственный, соисполнитель, любая); any letter case.",
    ),
    "help.measures.deadline": (
        "Срок в квартале (2017Q2, 2 квартал 2017), полугодии (2018H1) или году (2018).",
        "Falling due in a quarter (2017Q2, 2 квартал 2017), a half-year (2018H1) or a year (2018).",
    ),
    "help.measures.form": (
        "Часть формы завершения (приказ).",
        "A part of the form of completion (приказ).",
    ),
    "help.measures.search": (
        "Часть текста мероприятия (регистр не важен, ё и е равны).",
        "A part of the measure's text (any letter case; ё and е match).",
    ),
    "help.measures.status": (
        "Только эти статусы на дату (повторить или через запятую): просрочено, "
        "к исполнению, в работе, выполняется, предстоит, выполнено, отменено — или overdue, "
        "due, in_progress, ongoing, upcoming, done, cancelled.",
        "Only these statuses as of the date (repeat, or separate by commas): overdue, due, "
        "in_progress, ongoing, upcoming, done, cancelled, or as the Russian tables print them "
        "(просрочено, в работе).",
    ),
    "summary.show": (
        "Одно мероприятие или отчетность целиком.",
        "One measure or report whole.",
    ),
    "help.show": (
        "Одно мероприятие целиком: все графы дословно, структурированные поля, исполнители, "
        "статус на дату и записи о ходе исполнения. Вместо номера — идентификатор отчетности: "
        "plan show half-yearly-report-2018H1 показывает пункт постановления, который ее "
        "устанавливает, и статус каждого обязанного органа.",
        "One measure whole: every column verbatim, the structured fields, its agencies, its "
        "status as of the date and its progress records. A report's id instead of a number: "
        "plan show half-yearly-report-2018H1 shows the point of the resolution that creates "
        "it, and the status of each agency that owes it.",
    ),
    "summary.agencies": (
        "Органы-исполнители и их обязательства.",
        "The executing agencies and what they owe.",
    ),
    "help.agencies": (
        "Каждый орган-исполнитель: код, написание латиницей и наименование; сколько "
        "мероприятий он возглавляет, в скольких соисполнитель и участвует по согласованию, "
        "сколько у него отчетности и сколько из всего этого просрочено на дату.",
        "Every executing agency with its code, alias and name, and how many measures it "
        "leads, co-executes and takes part in by agreement, how many reports it owes, and how "
        "many of all these are overdue as of the date.",
    ),
    "summary.agency": ("Все, что должен один орган.", "Everything one agency owes."),
    "summary.plans": (
        "Загруженные планы: акт, период, мероприятия, ближайший срок.",
        "The plans loaded: act, period, measures, next deadline.",
    ),
    "help.plans": (
        "Каждый загруженный план (--plan, --plans, $PLAN_PATH): его идентификатор "
        "(pp-912-2016: вид акта, номер, год), акт и наименование плана, годы, число "
        "мероприятий и ближайший срок на дату (первое обязательство, срок которого на дату "
        "или позже и которое не выполнено и не отменено).",
        "Every plan loaded (--plan, --plans, $PLAN_PATH): its id (pp-912-2016: the act's kind, "
        "number and year), its act and title, its years, how many measures it has, and its "
        "next deadline as of the date (the first obligation due on or after the date that is "
        "neither done nor cancelled).",
    ),
    "help.agency": (
        "Все, что должен один орган на дату, со статусом: мероприятия, где он ответственный, "
        "где соисполнитель, и его отчетность.",
        "Everything one agency owes as of the date, each with its status: the measures it "
        "leads, those it co-executes, and the reporting obligations that apply to it.",
    ),
    "help.agency.code": (
        'Орган: код (МТСЗН, мтсзн), латиницей (MTSZN) или наименование ("министерство труда").',
        'The agency: its code (МТСЗН, мтсзн), Latin alias (MTSZN) or name ("Ministry of Labour").',
    ),
    "summary.record": (
        "Записать ход исполнения в файл хода исполнения.",
        "Record progress in the progress file.",
    ),
    "help.record": (
        "Добавить запись о ходе исполнения в файл (--progress, иначе $PLAN_PROGRESS, иначе "
        "./progress.yaml), создав его при необходимости. Запись проверяется до записи: "
        "неизвестное мероприятие, неверная дата или статус, дата раньше постановления или "
        "позже сегодняшней — отказ с кодом 2, файл не тронут. Затем под блокировкой запись "
        "добавляется после последней, все прежнее содержимое (и комментарии) сохраняется "
        "байт в байт, файл заменяется атомарно.",
        "Append a progress record to the progress file (--progress, else $PLAN_PROGRESS, else "
        "./progress.yaml), creating it if absent. The record is checked first: an unknown "
        "measure, a bad date or status, a date before the act or after today is refused "
        "(exit 2, the file untouched). Then, under a lock, it is added after the last record, "
        "everything already in the file (comments included) kept byte for byte, and the file "
        "replaced atomically.",
    ),
    "help.record.status": (
        "Статус: не начато, в работе, выполнено, отменено (или not_started, in_progress, "
        "done, cancelled).",
        "The status: not_started, in_progress, done or cancelled (or in Russian: не начато, в "
        "работе, выполнено, отменено).",
    ),
    "help.record.on": (
        "День события: 01.07.2018, 2018-07-01, 1 июля 2018, today или сегодня. Не раньше "
        "постановления и не позже сегодняшнего дня (иначе --force).",
        "The day it happened: 01.07.2018, 2018-07-01, 1 июля 2018, today or сегодня. Not "
        "before the act, not after today (unless --force).",
    ),
    "help.record.evidence": (
        "Ссылка или документ, подтверждающие исполнение.",
        "A URL or a document that shows it.",
    ),
    "help.record.note": ("Примечание к записи.", "A note to keep with the record."),
    "help.record.plan_id": (
        "План, к которому относится запись, когда N есть в нескольких загруженных планах "
        "(pp-912-2016; или N вида pp-912-2016/5). Запись тогда называет свой план (plan:).",
        "The plan the record is about, when N is in several plans loaded (pp-912-2016; or N "
        "written pp-912-2016/5). The record then names its plan (plan:).",
    ),
    "help.record.by": (
        "Орган, который сообщает: код, латиницей или наименование (сохраняется код из акта).",
        "The agency reporting it: code, Latin alias or name (stored as the act's code).",
    ),
    "help.record.lang": (
        "Язык подтверждения: ru или en (по умолчанию: $PLAN_LANG, иначе ru при русской "
        "локали, иначе en).",
        "Language of the confirmation: ru or en (default: $PLAN_LANG, else ru when the locale "
        "is Russian, else en).",
    ),
    "help.record.force": (
        "Записать и дату раньше постановления или позже сегодняшней.",
        "Record a date before the act or after today anyway.",
    ),
    "help.record.progress": (
        "Файл хода исполнения (по умолчанию: $PLAN_PROGRESS, иначе ./progress.yaml); "
        "создается, если его нет.",
        "The progress file (default: $PLAN_PROGRESS, else ./progress.yaml); created if absent.",
    ),
    "summary.timeline": (
        "План в виде диаграммы Ганта по кварталам.",
        "The plan as a Gantt chart by quarter.",
    ),
    "help.timeline": (
        "План в виде диаграммы Ганта: строка на обязательство, столбец на квартал. ◆ — "
        "квартал срока, ━ — идущий период (2017 – 2019), │ — квартал даты --as-of; цвет и "
        "столбец статуса показывают положение на дату. --svg и --html записывают ту же "
        "картину в файлы вместо вывода на экран.",
        "The plan as a Gantt chart: one row per obligation, one column per quarter. ◆ marks "
        "the quarter an obligation falls due in, ━ a period running (2017 – 2019), │ the "
        "quarter of the --as-of date; colours and the status column say where each stands as "
        "of the date. --svg and --html write the same picture to files instead of the terminal.",
    ),
    "help.timeline.svg": (
        "Записать картину в файл SVG (вместо вывода на экран).",
        "Write the picture as SVG (instead of the terminal).",
    ),
    "help.timeline.html": (
        "Записать картину в файл HTML для печати на A4 (вместо вывода на экран).",
        "Write the picture as HTML, to print on A4 (instead of the terminal).",
    ),
    "summary.calendar": (
        "Календарь сроков (iCalendar) для почты и календарей.",
        "The deadlines as an iCalendar file, for calendar apps.",
    ),
    "help.calendar": (
        "Файл iCalendar (RFC 5545) со всеми датированными обязательствами: событие на день "
        "срока каждого мероприятия, каждой полугодовой информации и консолидированного "
        "отчета. Идентификаторы событий постоянны, поэтому повторный импорт обновляет события, "
        "а не дублирует их; выполненные на дату начинаются с «[выполнено]».",
        "An iCalendar (RFC 5545) file of every dated obligation: an all-day event on the "
        "deadline of each measure, half-yearly report and the consolidated report. The events' "
        "UIDs are fixed, so importing a newer file updates them instead of duplicating them; "
        'those done as of the date start with "[done]".',
    ),
    "summary.report": (
        "Отчет о ходе исполнения для публикации.",
        "The progress report to publish.",
    ),
    "help.report": (
        "Отчет о ходе исполнения на дату (мероприятие 30 плана): сводка по статусам, таблица "
        "по каждому органу, просроченные обязательства, исполненные с подтверждениями, "
        "отчетность. HTML — одна страница без внешних ресурсов, пригодная для печати.",
        "The progress report to publish, as of a date (measure 30 of the plan): counts by "
        "status, a table per agency, the overdue obligations, the completed ones with their "
        "evidence, and the reporting obligations. The HTML is one page with no external "
        "assets, readable when printed.",
    ),
    "help.report.output_format": (
        "markdown (по умолчанию) или html — одна страница для печати. Без --format его задает "
        "имя файла -o (.md, .html).",
        "markdown (the default), or html: one standalone, printable page. Without --format, "
        "the -o file's name chooses it (.md, .html).",
    ),
    "summary.submission": (
        "Проект полугодовой информации органа в МВД.",
        "Draft an agency's half-yearly information to MVD.",
    ),
    "help.submission": (
        "Проект полугодовой информации, которую орган направляет в МВД (пункт 2.2 "
        "постановления): в МВД, от органа, за полугодие, датой срока (10 число следующего "
        "месяца). В таблице — каждое мероприятие, где орган ответственный или соисполнитель, "
        "со сроком в полугодии или идущее в нем, или с прошедшим сроком и не выполненное: его "
        "текст дословно, срок, роль органа, статус на конец полугодия и записи о ходе "
        "исполнения за полугодие с подтверждениями; где записей нет — выделенная пометка для "
        "заполнения. На русском языке, если не указано --lang en. Для docx и xlsx на терминале "
        "нужен -o ФАЙЛ.",
        "Draft the half-yearly information an agency sends MVD (point 2.2 of the resolution): "
        "addressed to MVD, from the agency, for the half-year, dated the day it is due (the "
        "10th of the month after). Its table: every measure the agency leads or co-executes "
        "that was due or under way in the half-year, or due earlier and not yet done, with its "
        "verbatim text, deadline, the agency's role, the status at the half-year's end and the "
        "progress recorded in the half-year with its evidence; where nothing was recorded, a "
        "highlighted mark for the official to fill in. Russian unless --lang en. docx and xlsx "
        "need -o FILE on a terminal.",
    ),
    "help.submission.agency": (
        "Орган, который направляет информацию: код в любом регистре, латиницей или "
        "наименование (МТСЗН, mtszn, министерство труда).",
        "The agency that sends it: its code in any letter case, Latin alias or name (МТСЗН, "
        "mtszn, Ministry of Labour).",
    ),
    "help.submission.period": (
        "Полугодие: 2017H1 … 2019H2, 2 полугодие 2017, 2 пол. 2017 (в плане с другой "
        "отчетностью: квартал 2023Q1, месяц 2023-01 или январь 2023, год 2023 или дата срока "
        "2024-06-15).",
        "The half-year: 2017H1 … 2019H2, H2 2017, 2 полугодие 2017 (in a plan whose reports "
        "are otherwise: a quarter 2023Q1, a month 2023-01 or January 2023, a year 2023 or the "
        "date due 2024-06-15).",
    ),
    "help.submission.output_format": (
        "docx (Word, по умолчанию), xlsx (Excel) или markdown. Без --format его задает имя "
        "файла -o (.docx, .xlsx, .md).",
        "docx (Word, the default), xlsx (Excel) or markdown. Without --format, the -o file's "
        "name chooses it (.docx, .xlsx, .md).",
    ),
    "help.submission.lang": (
        "Язык документа: ru (по умолчанию: документ адресован МВД) или en (неофициальный перевод).",
        "Language of the document: ru (the default: it is addressed to MVD) or en (an "
        "unofficial translation).",
    ),
    "metavar.period": ("ПОЛУГОДИЕ", "HALF-YEAR"),
    "summary.validate": (
        "Проверить файлы данных (для ведущих данные и CI).",
        "Check the data files (for maintainers and CI).",
    ),
    "help.validate": (
        "Проверить файлы данных по схеме и по правилам постановления и сообщить обо всех "
        "проблемах в виде файл:строка:столбец. Сообщения — на английском, у каждого "
        "постоянный код. Выход 0 без ошибок (предупреждения допустимы), 1 при ошибках "
        "(или предупреждениях с --strict), 2 если файл не читается.",
        "Check data files against the schema and the act, and report every problem at "
        "file:line:column. Diagnostics are in English, each with a stable code. Exit 0 when "
        "valid (warnings allowed), 1 on errors (or on warnings with --strict), 2 when a file "
        "cannot be read.",
    ),
    "help.validate.files": (
        "Файлы плана, сокращений или хода исполнения либо текст постановления (.txt), или "
        "папки (как --plans); файлы плана рядом с файлом сокращений или текстом "
        "постановления, которые их называют, проверяются тоже (по умолчанию — то, что "
        "читают команды-запросы: файл --plan, иначе "
        "$PLAN_FILE, иначе встроенные данные, и файл --progress, иначе $PLAN_PROGRESS, иначе "
        "./progress.yaml, если он есть).",
        "Plan, abbreviations or progress files, or an act's text (.txt), or folders (as "
        "--plans); the plan files beside "
        "an abbreviations file or an act's text that name it are validated too (default: what "
        "the query commands read: the --plan file, else $PLAN_FILE, else the embedded data, and "
        "the --progress file, else $PLAN_PROGRESS, else ./progress.yaml if it exists).",
    ),
    "help.validate.no_source": (
        "Не сверять дословные тексты с текстом постановления, который называет файл плана "
        "(source).",
        "Do not compare the verbatim texts with the act's text the plan file names (`source`).",
    ),
    "help.validate.output_format": (
        "text, json или github (по умолчанию github при GITHUB_ACTIONS=true, иначе text).",
        "text, json or github (default: github when GITHUB_ACTIONS=true, else text).",
    ),
    "help.validate.strict": (
        "Выход 1 и при предупреждениях.",
        "Exit 1 on warnings too.",
    ),
    "help.validate.progress": (
        "Файл хода исполнения для проверки по плану --plan (иначе $PLAN_FILE, иначе "
        "встроенные данные). Файл среди ФАЙЛОВ распознается как файл хода исполнения по ключу "
        "records.",
        "A progress file to check against the --plan file (else $PLAN_FILE, else the embedded "
        "data). A file given in FILES is told to be one by its `records` key.",
    ),
    "summary.schema": (
        "JSON-схема файлов данных для редакторов.",
        "The data files' JSON Schema, for editors.",
    ),
    "help.schema": (
        "Напечатать JSON-схему файла плана (или файла сокращений) для редакторов: первая "
        "строка файла # yaml-language-server: $schema=../schema/plan.schema.json. Описания "
        "в схеме — на английском.",
        "Print the JSON Schema of the plan file (or of the abbreviations file), for editors: "
        "a first line such as # yaml-language-server: $schema=../schema/plan.schema.json. The "
        "schema's descriptions are in English.",
    ),
    "help.schema.abbreviations": (
        "Схема файла сокращений вместо схемы плана.",
        "Print the abbreviations file's schema instead.",
    ),
    # placeholders for values in the help
    "metavar.agency": ("ОРГАН", "AGENCY"),
    "metavar.code": ("ОРГАН", "AGENCY"),
    "metavar.plan": ("ФАЙЛ", "FILE"),
    "metavar.plans": ("ПАПКА", "DIR"),
    "metavar.plan_id": ("ПЛАН", "PLAN"),
    "metavar.progress": ("ФАЙЛ", "FILE"),
    "metavar.output": ("ФАЙЛ", "FILE"),
    "metavar.svg": ("ФАЙЛ", "FILE"),
    "metavar.html": ("ФАЙЛ", "FILE"),
    "metavar.files": ("ФАЙЛ...", "FILE..."),
    "metavar.as_of": ("ДАТА", "DATE"),
    "metavar.on": ("ДАТА", "DATE"),
    "metavar.deadline": ("ПЕРИОД", "PERIOD"),
    "metavar.within": ("СРОК", "WINDOW"),
    "metavar.output_format": ("ФОРМАТ", "FORMAT"),
    "metavar.lang": ("ru|en", "ru|en"),
    "metavar.target": ("N", "N"),
    "metavar.status": ("СТАТУС", "STATUS"),
    "metavar.role": ("lead|co|any", "lead|co|any"),
    "metavar.form": ("ТЕКСТ", "TEXT"),
    "metavar.search": ("ТЕКСТ", "TEXT"),
    "metavar.evidence": ("ССЫЛКА", "URL"),
    "metavar.note": ("ТЕКСТ", "TEXT"),
    "metavar.by": ("ОРГАН", "AGENCY"),
    # plan --version
    "version.act": ("Данные: {act} от {date}{amended}.", "Data: {act} of {date}{amended}."),
    "version.amended": ("(с изменениями от {changes})", "(as amended by {changes})"),
    "version.amendment": ("{date} № {number}", "No. {number} of {date}"),
    # plan import's help
    "summary.import": (
        "Черновик файла плана из официального текста постановления.",
        "Draft a plan file from an act's official text.",
    ),
    "help.import": (
        "Составить черновик файла плана из официального русского текста акта: каждый текст "
        "копируется дословно, структурные поля (сроки, исполнители, расходы, отчетность) "
        "читаются из текстов, а то, что прочитать уверенно нельзя, помечается замечанием "
        "review для проверки человеком. Рядом пишутся файл сокращений и копия акта "
        "(source/). Затем черновик проверяется, как plan validate. Код 0 — без ошибок "
        "(замечания — предупреждения), 1 — есть ошибки, 2 — акт не прочитать или файл уже "
        "есть (без --force).",
        "Draft a plan file from an act's official Russian text: every text is copied "
        "verbatim, the structured fields (deadlines, executors, costs, reporting duties) are "
        "read from the texts, and what cannot be read with confidence is marked with a review "
        "note for a person to check. The abbreviations file and a copy of the act (source/) "
        "go beside it. Then the draft is checked as plan validate checks it. Exit 0 without "
        "errors (review notes are warnings), 1 with errors, 2 when the act cannot be read or "
        "an output exists (without --force).",
    ),
    "help.import.act": (
        "Текст акта: текстовая выгрузка базы (.txt), страница adilet.zan.kz (.html) или "
        "Markdown с HTML-таблицами (.md).",
        "The act's text: the database's plain-text export (.txt), its page saved from "
        "adilet.zan.kz (.html), or Markdown with HTML tables (.md).",
    ),
    "help.import.output": (
        "Файл плана, который записать (PLAN.yaml); файл сокращений и копия акта (source/) "
        "пишутся рядом, недостающая папка создается.",
        "The plan file to write (PLAN.yaml); the abbreviations file and a copy of the act "
        "(source/) go beside it, in a folder made when it is missing.",
    ),
    "help.import.force": (
        "Заменить уже существующие файлы (сам акт — никогда).",
        "Replace output files that exist (never the act).",
    ),
    "help.import.kind": (
        "Вид акта, если текст его не называет: resolution_of_government, "
        "decree_of_president, order_of_prime_minister, order, joint_order, law, other.",
        "The act's kind, when its text does not say: resolution_of_government, "
        "decree_of_president, order_of_prime_minister, order, joint_order, law, other.",
    ),
    "help.import.number": (
        "Номер акта, если текст оставляет его пустым.",
        "The act's number, when its text leaves it blank.",
    ),
    "help.import.date": (
        "Дата акта (07.11.2025 или 2025-11-07), если текст оставляет ее пустой.",
        "The act's date (07.11.2025 or 2025-11-07), when its text leaves it blank.",
    ),
    "help.import.title": (
        "Заголовок акта, если текста заголовка нет.",
        "The act's title, when the text does not give it.",
    ),
    "help.import.abbreviations": (
        "Имя файла сокращений рядом с файлом плана.",
        "The abbreviations file's name, beside the plan file.",
    ),
    "help.import.source_format": (
        "Формат акта, если имя файла его не выдает: text, html или markdown.",
        "The act's format, when its name does not tell: text, html or markdown.",
    ),
    "metavar.act": ("АКТ", "ACT"),
    "metavar.kind": ("ВИД", "KIND"),
    "metavar.number": ("НОМЕР", "NUMBER"),
    "metavar.date": ("ДАТА", "DATE"),
    "metavar.title": ("ЗАГОЛОВОК", "TITLE"),
    "metavar.abbreviations": ("ИМЯ", "NAME"),
    "metavar.source_format": ("text|html|markdown", "text|html|markdown"),
    # one-line errors of the query commands and plan record, in the user's language (the
    # others, as plan validate's diagnostics, are in English): i18n.worded, errors.Worded
    "error.line": ("plan: ошибка: {message}", "plan: error: {message}"),
    "error.no_measure": (
        "в плане нет мероприятия {number}: {expected}",
        "there is no measure {number} in the plan: {expected}",
    ),
    "error.no_obligation": (
        "в плане нет обязательства {text}: {expected}",
        "there is no obligation {text} in the plan: {expected}",
    ),
    "error.not_a_measure_number": (
        "{text} — не номер мероприятия: наберите его цифрами 0-9 (5 или №5); {expected}",
        "{text} is not a measure number: type it with the digits 0-9 (5 or №5); {expected}",
    ),
    "error.expected_target": (
        "ожидается номер мероприятия {first}–{last} или идентификатор отчетности: {reports}",
        "expected a measure number {first}–{last} or a report id: {reports}",
    ),
    "error.expected_target_times": (
        "ожидается номер мероприятия {first}–{last}, идентификатор одного из сроков "
        "мероприятия (например, {example}) или идентификатор отчетности: {reports}",
        "expected a measure number {first}–{last}, the id of a time a measure falls due "
        "(such as {example}) or a report id: {reports}",
    ),
    "error.expected_target_no_reports": (
        "ожидается номер мероприятия {first}–{last}; отчетности в плане нет",
        "expected a measure number {first}–{last}; the plan has no reports",
    ),
    "error.expected_target_times_no_reports": (
        "ожидается номер мероприятия {first}–{last} или идентификатор одного из сроков "
        "мероприятия (например, {example}); отчетности в плане нет",
        "expected a measure number {first}–{last} or the id of a time a measure falls due "
        "(such as {example}); the plan has no reports",
    ),
    "error.listed": ("{shown}, … (всего {count})", "{shown}, … ({count} in all)"),
    "error.several_times": (
        "мероприятие {number} исполняется несколько раз: укажите, о каком сроке запись, "
        "{first} (или другой из {count})",
        "measure {number} falls due several times: name the one the record is about, {first} "
        "(or another of {count})",
    ),
    "error.not_a": ("{text} — не {noun}: {expected}", "{text} is not {noun}: {expected}"),
    "error.noun.date": ("дата", "a date"),
    "error.noun.deadline_filter": ("срок для отбора", "a deadline filter"),
    "error.date_forms": (
        "ожидается день (01.07.2018, 2018-07-01, 1 июля 2018, 1 July 2018, сегодня или today), "
        "месяц (январь 2018, 2018-01), квартал (2018Q3, 3 квартал 2018, Q3 2018), полугодие "
        "(2018H1, 1 полугодие 2018, H1 2018) или год (2018)",
        "expected a day (01.07.2018, 2018-07-01, 1 июля 2018, 1 July 2018, today or сегодня), a "
        "month (январь 2018, 2018-01), a quarter (2018Q3, 3 квартал 2018, Q3 2018), a half-year "
        "(2018H1, 1 полугодие 2018, H1 2018) or a year (2018)",
    ),
    "error.out_of_range": (
        "{what} {value} вне допустимых ({low}–{high})",
        "{what} {value} is out of range ({low} to {high})",
    ),
    "error.year_digits": (
        "укажите год полностью, четырьмя цифрами ({digits} — не год)",
        "give the year in full, with four digits ({digits} is not a year)",
    ),
    "error.month_days": ("в {month} {year} года {count} дн.", "{month} {year} has {count} days"),
    "error.not_a_window": (
        "{text} — не промежуток времени: укажите число и единицу, 30d (30 дней), 2w (2 недели), "
        "2m (2 месяца), 1q (1 квартал) или 1y (1 год)",
        "{text} is not a window: expected a number and a unit, 30d (30 days), 2w (2 weeks), "
        "2m (2 months), 1q (1 quarter) or 1y (1 year); in Russian 30 дней, 2 недели …",
    ),
    "error.not_a_day": (
        "{text} — {span}, а не день: укажите день, например 01.07.2018",
        "{text} is a {span}, not a day: give the day, e.g. 01.07.2018",
    ),
    "error.span.day": ("день", "day"),
    "error.span.month": ("месяц", "month"),
    "error.span.quarter": ("квартал", "quarter"),
    "error.span.half-year": ("полугодие", "half-year"),
    "error.span.year": ("год", "year"),
    "error.not_one_of": (
        "{text} — не {kind}: ожидается одно из: {expected}",
        "{text} is not a {kind}: expected one of {expected}",
    ),
    "error.record_refused": (
        "ничего не записано: в {path} ошибки (выше), файл оставлен как был; исправьте их и "
        "запишите снова",
        "nothing recorded: {path} has errors (above) and is left as it was; fix them and "
        "record again",
    ),
    "error.kind.status": ("статус", "status"),
    "error.kind.role": ("роль", "role"),
    "error.agency_ambiguous": (
        "{name} может означать любой из органов {several}: наберите наименование полнее, или "
        "код, или написание латиницей",
        "{name} could be any of {several}: type more of the name, or a code or alias",
    ),
    "error.not_an_agency": (
        "{name} — не орган плана: ожидается код, написание латиницей или наименование, одно "
        "из: {valid}",
        "{name} is not an agency of the plan: expected a code, an alias or a name, one of {valid}",
    ),
    "error.not_executing": (
        "{name} — не орган-исполнитель: ожидается код, написание латиницей или наименование, "
        "одно из: {valid}",
        "{name} is not an executing agency: expected a code, an alias or a name, one of {valid}",
    ),
    "error.before_act": (
        "--on {on} раньше самого постановления ({act}): проверьте дату или укажите --force, "
        "чтобы записать все равно",
        "--on {on} is before the act itself ({act}): check the date, or give --force to record "
        "it anyway",
    ),
    "error.after_today": (
        "--on {on} позже сегодняшнего дня ({today}): ход исполнения записывают, когда он "
        "состоялся; укажите --force, чтобы записать все равно",
        "--on {on} is after today ({today}): progress is recorded when it has happened; give "
        "--force to record it anyway",
    ),
    "error.option": ("{option} {message}", "{option} {message}"),
    "error.expected": ("ожидается {forms}", "expected {forms}"),
    "error.or": ("или", "or"),
    "error.named_forms": ("{name} ({forms})", "{name} ({forms})"),
    "error.period.half_year": ("полугодие", "a half-year"),
    "error.period.quarter": ("квартал", "a quarter"),
    "error.period.month": ("месяц", "a month"),
    "error.period.year": ("год", "a year"),
    "error.period.date": ("дата", "a date"),
    "error.period.any": ("период отчетности плана", "a period of the plan's reports"),
    "error.period_forms.half_year": (
        "2018H1, 1 полугодие 2018 или H1 2018",
        "2018H1, 1 полугодие 2018 or H1 2018",
    ),
    "error.period_forms.quarter": (
        "2023Q1, 1 квартал 2023 или Q1 2023",
        "2023Q1, 1 квартал 2023 or Q1 2023",
    ),
    "error.period_forms.month": (
        "2023-01, январь 2023 или January 2023",
        "2023-01, январь 2023 or January 2023",
    ),
    "error.period_forms.year": ("2023", "2023"),
    "error.period_forms.date": (
        "день, когда отчет представляется, 2024-06-15 или 15.06.2024",
        "the date the report is due, 2024-06-15 or 15.06.2024",
    ),
    "error.report_kind.half_year": ("полугодовую", "half-yearly"),
    "error.report_kind.quarter": ("ежеквартальную", "quarterly"),
    "error.report_kind.month": ("ежемесячную", "monthly"),
    "error.report_kind.year": ("ежегодную", "yearly"),
    "error.report_kind.date": ("к установленным датам", "dated"),
    "error.period_not_in_plan": (
        "--period {period} — не {name} плана: ожидается {valid}",
        "--period {period} is not {name} of the plan: expected {valid}",
    ),
    "error.does_not_report": (
        "{code} не представляет {kind} информацию (пункт {point}): ее представляют в "
        "{recipients}: {owing}",
        "{code} does not send the {kind} information (point {point}): it is sent to "
        "{recipients} by {owing}",
    ),
    "error.executes_nothing": (
        "{code} не исполняет мероприятий загруженных планов",
        "{code} executes no measure of the plans loaded",
    ),
    "error.no_plan_reports": (
        "ни в одном загруженном плане нет отчетности {code} за {period}: {reasons}",
        "no plan loaded has a report of {code} on {period}: {reasons}",
    ),
    "error.no_periodic_reports": (
        "в плане нет отчетности за периоды (полугодия, кварталы, месяцы, годы)",
        "the plan has no reports on periods (half-years, quarters, months, years)",
    ),
    "error.in_plan": ("{plan}: {message}", "{plan}: {message}"),
    "error.not_a_plan_loaded": (
        "--plan-id {plan_id} — не загруженный план: загружены {loaded}",
        "--plan-id {plan_id} is not a plan loaded: the plans loaded are {loaded}",
    ),
    "error.in_no_plan": (
        "в загруженных планах ({loaded}) нет мероприятия или обязательства {target}: укажите "
        "его в плане, например {example}",
        "there is no measure or obligation {target} in the plans loaded ({loaded}): name a "
        "plan's own, as {example}",
    ),
    "error.in_several_plans": (
        "{target} есть в {count} загруженных планах ({having}): укажите один, например "
        "{example}, или дайте --plan-id",
        "{target} is in {count} plans loaded ({having}): name one, as {example}, or give --plan-id",
    ),
    # plan import's summary
    "import.written": ("Черновик плана записан: {path}", "Plan draft written: {path}"),
    "import.act": ("акт: {path}", "act: {path}"),
    "import.form": ("его формат: {form}", "its format: {form}"),
    "import.abbreviations": ("сокращения: {path}", "abbreviations: {path}"),
    "import.source": ("копия акта: {path}", "copy of the act: {path}"),
    "import.form.text": ("текстовая выгрузка базы", "the database's plain-text export"),
    "import.form.html": ("страница adilet.zan.kz", "a page of adilet.zan.kz"),
    "import.form.markdown": ("Markdown с HTML-таблицами", "Markdown with HTML tables"),
    "import.measures": ("Мероприятий прочитано: {count}", "Measures read: {count}"),
    "import.parsed": ("Полей разобрано: {count}", "Fields parsed: {count}"),
    "import.review": (
        "Полей оставлено на проверку: {count} (замечания — на английском, как в файле)",
        "Fields left for review: {count}",
    ),
    "import.where.act": ("акт", "act"),
    "import.where.measure": ("мероприятие {ident}", "measure {ident}"),
    "import.where.measures": ("мероприятия {ident}", "measures {ident}"),
    "import.where.duty": ("отчетность, пункт {ident}", "reporting duty, point {ident}"),
    "import.where.section": ("раздел {ident}", "section {ident}"),
    "import.more": (
        "… и еще замечаний: {count} (все перечисляет plan validate)",
        "… and {count} more notes (plan validate lists them all)",
    ),
    "import.validate": (
        "Проверка (plan validate): ошибок {errors}, предупреждений {warnings}",
        "Check (plan validate): {errors} errors, {warnings} warnings",
    ),
}


@dataclass(frozen=True)
class Words:
    """A message as a label and its values, said in a language when it is shown: a value may be
    Words too, and a date is written as the language writes it in messages (ISO in English,
    01.07.2018 in Russian)."""

    key: str
    values: Mapping[str, object]

    def say(self, lang: Lang) -> str:
        values = {name: _said(value, lang) for name, value in self.values.items()}
        return _filled(self.key, lang, values)


@dataclass(frozen=True)
class Nth:
    """The ``index``-th of a label's forms separated by ``|`` (a month's name), said in a
    language as a value of :class:`Words`."""

    key: str
    index: int


@dataclass(frozen=True)
class Joined:
    """Values said one after another as a value of :class:`Words`, between each two the
    words ``between`` ("или"/"or") with a space either side, else ``literal``."""

    parts: tuple[object, ...]
    between: Words | None = None
    literal: str = ", "

    def say(self, lang: Lang) -> str:
        glue = f" {self.between.say(lang)} " if self.between else self.literal
        return glue.join(str(_said(part, lang)) for part in self.parts)


def _said(value: object, lang: Lang) -> object:
    if isinstance(value, Words | Joined):
        return value.say(lang)
    if isinstance(value, Nth):
        return _filled(value.key, lang, {}).split("|")[value.index]
    if isinstance(value, dt.date):
        return date_short(value, "ru") if lang == "ru" else value.isoformat()
    return value


def worded(key: str, **values: object) -> Words:
    """The label ``key`` with its values, to be said later in a language (an error's message:
    ``errors.Worded``)."""
    return Words(key, values)


def label(key: str, lang: Lang, **values: object) -> str:
    """The label ``key`` in ``lang``, with its placeholders filled from ``values``."""
    return _filled(key, lang, values)


def _filled(key: str, lang: Lang, values: Mapping[str, object]) -> str:
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


def act_name(kind: str, number: object | None, form: str, lang: Lang) -> str:
    """The act as a title names it: ``постановление Правительства РК № 912`` (``form``
    ``kind``), ``постановление № 912`` (``kind_short``), ``постановлению № 912``
    (``kind_dative``, after "по"); without its number when the act has none yet."""
    act = label(f"act.{form}.{kind}", lang)
    return act if number is None else label("act.numbered", lang, act=act, number=number)


_PERIOD_KEYS = (
    ("half_year", re.compile(r"(?P<year>\d{4})H(?P<half>[12])\Z")),
    ("quarter", re.compile(r"(?P<year>\d{4})Q(?P<quarter>[1-4])\Z")),
    ("date", re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\Z")),
    ("month", re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})\Z")),
    ("year", re.compile(r"(?P<year>\d{4})\Z")),
)


def period_kind(key: str) -> str | None:
    """What a period key names: ``half_year`` (2018H1), ``quarter`` (2023Q1), ``month``
    (2023-01), ``year`` (2023), ``date`` (2024-06-15), or None."""
    return next((kind for kind, pattern in _PERIOD_KEYS if pattern.match(key)), None)


def period_phrase(key: str, form: str, lang: Lang, start: dt.date | None = None) -> str:
    """A period key in words: ``short`` (a column: "1 пол. 2018", "Q1 2023"), ``name`` ("1
    полугодие 2018 года", "март 2023 года"), ``for`` ("за 1 полугодие 2018 года"), ``in`` ("в
    1 полугодии 2018 года"), ``unit`` ("за полугодие"), ``this`` ("в этом полугодии");
    ``start``: where a fixed date's period starts. A key of no kind is itself."""
    for kind, pattern in _PERIOD_KEYS:
        match = pattern.match(key)
        if match is None:
            continue
        values: dict[str, object] = dict(match.groupdict())
        if kind == "half_year" and form == "short":
            return label("report.half_year", lang, **values)
        if kind in ("month", "date"):
            month = int(match["month"])
            values["month"] = label("months.nominative", lang).split("|")[month - 1]
            values["month_in"] = label("months.prepositional", lang).split("|")[month - 1]
        if kind == "date":
            day = dt.date(int(match["year"]), int(match["month"]), int(match["day"]))
            values["date"] = date_short(day, lang)
            values["start"] = date_short(start or day, lang)
        return label(f"period.{kind}.{form}", lang, **values)
    return key


def status_label(status: str, lang: Lang) -> str:
    return label(f"status.{status}", lang)


def pick(lang: Lang, russian: T, english: T | None) -> T:
    """A data text in ``lang``: the English translation when English is chosen and there is
    one, else the Russian (verbatim)."""
    if lang == "en" and english is not None:
        return english
    return russian


def texts_note(translated: Iterable[bool], lang: Lang) -> str | None:
    """What English output says of the act's texts it shows, given for each whether it is shown
    in translation (the plan has its English) or in Russian (it has none): that they are an
    unofficial translation, that they are in Russian as the act has no translation, or both.
    Nothing in Russian output, nor when no text of the act is shown."""
    if lang != "en":
        return None
    shown = set(translated)
    if not shown:
        return None
    if shown == {True}:
        return label("report.translation_note", lang)
    if shown == {False}:
        return label("report.untranslated_note", lang)
    return label("report.partly_translated_note", lang)


def plural_ru(n: int, one: str, few: str, many: str) -> str:
    """The Russian plural form for ``n``: 1 день, 2 дня, 5 дней, 11 дней, 21 день."""
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def plural(key: str, n: int, lang: Lang) -> str:
    """``n`` and the word the label ``key`` counts, in the form that agrees with it: "1 день",
    "3 дня", "5 дней"; "1 day", "3 days"; "10 выполняются"."""
    forms = LABELS[key][0 if lang == "ru" else 1].split("|")
    if lang == "ru":
        return f"{n} {plural_ru(n, forms[0], forms[1], forms[2])}"
    return f"{n} {forms[0] if n == 1 else forms[1]}"


def days(n: int, lang: Lang) -> str:
    """``n`` days: "1 day", "3 days"; "1 день", "3 дня", "5 дней"."""
    return plural("plural.day", n, lang)


def parse_lang(text: str, source: str) -> Lang:
    """``ru`` or ``en`` (any case; a locale-style ``en_GB.UTF-8`` is read as ``en``); anything
    else is refused, saying where the language comes from and where else it can be chosen."""
    value = text.strip().lower()
    for separator in "_-.@":
        value = value.split(separator, 1)[0]
    if value == "ru":
        return "ru"
    if value == "en":
        return "en"
    if source == "PLAN_LANG":
        advice = "set PLAN_LANG=ru or PLAN_LANG=en, or unset it"
    else:
        advice = "PLAN_LANG=ru or PLAN_LANG=en chooses it for every command"
    raise UnknownLanguage(
        f"{source} {text!r} is not a language this tool speaks: expected ru or en ({advice})"
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
