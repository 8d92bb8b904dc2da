"""Property tests: whatever the input, the loader and the validator answer with data or
diagnostics and an exit code, never an exception; positions agree with PyYAML's composer.
"""

from __future__ import annotations

import copy
import math
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ABBREVIATIONS, PLAN, run
from reintegration_plan import checks, conventions, yamlio
from reintegration_plan.models import Abbreviation, AgencyKind
from reintegration_plan.problems import Problem, Severity
from reintegration_plan.text_checks import latin_aliases
from reintegration_plan.validation import validate_paths

SETTINGS = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# Characters that make YAML syntax, so that generated text reaches the parser's corners
YAMLISH = st.text(
    alphabet=st.sampled_from(
        list("-:?,[]{}&*!|>'\"#%@`~. \t\n\r0123456789aeoxyzTFNМВДё\x00\ufeff\x85\u2028")
    ),
    max_size=80,
)


def walk(data: Any, path: yamlio.Path = ()) -> Iterator[yamlio.Path]:
    """Every path in plain data, the root first."""
    yield path
    if isinstance(data, dict):
        for key, value in data.items():
            yield from walk(value, (*path, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from walk(value, (*path, i))


def assert_located(error: yamlio.YamlError, text: str) -> None:
    lines = re.split("\r\n|[\r\n\x85\u2028\u2029]", text)
    assert 1 <= error.position.line <= len(lines)
    assert error.position.column >= 1
    assert error.message and "\n" not in error.message


# --- the loader ----------------------------------------------------------------------------


@SETTINGS
@given(st.one_of(st.text(), YAMLISH))
def test_any_text_is_data_or_a_located_yaml_error(text: str) -> None:
    try:
        document = yamlio.load_text("t.yaml", text)
    except yamlio.YamlError as error:
        assert_located(error, text)
        return
    for path in walk(document.data):
        position = document.position(path)
        assert position.line >= 1 and position.column >= 1


@SETTINGS
@given(st.binary(max_size=200))
def test_any_bytes_decode_or_are_an_encoding_error(raw: bytes) -> None:
    try:
        text = yamlio.decode(raw)
    except yamlio.YamlError as error:
        assert error.code == "encoding"
        assert error.position.line >= 1 and error.position.column >= 1
        return
    assert text.encode("utf-8") == raw.removeprefix(b"\xef\xbb\xbf")


SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**29), max_value=10**29)
    | st.floats(allow_nan=False)
    | st.text()
)
STRUCTURES = st.recursive(
    SCALARS,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(), children, max_size=4)
    ),
    max_leaves=25,
)


def composed_positions(text: str) -> dict[tuple[str, yamlio.Path], tuple[int, int]]:
    """Where PyYAML's own composer says each value and key starts: the independent oracle."""
    found: dict[tuple[str, yamlio.Path], tuple[int, int]] = {}

    def visit(node: yaml.Node, path: yamlio.Path) -> None:
        found[("value", path)] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                found[("key", (*path, key.value))] = (
                    key.start_mark.line + 1,
                    key.start_mark.column + 1,
                )
                visit(value, (*path, key.value))
        elif isinstance(node, yaml.SequenceNode):
            for i, value in enumerate(node.value):
                visit(value, (*path, i))

    root = yaml.compose(text, Loader=yaml.SafeLoader)
    if root is not None:
        visit(root, ())
    return found


@SETTINGS
@given(STRUCTURES, st.sampled_from([None, True, False]), st.sampled_from([2, 4]))
def test_positions_agree_with_pyyaml(data: Any, flow: bool | None, indent: int) -> None:
    text = yaml.safe_dump(data, allow_unicode=True, default_flow_style=flow, indent=indent)
    try:
        document = yamlio.load_text("t.yaml", text)
    except yamlio.YamlError as error:  # e.g. an anchor for a repeated object: refused
        assert_located(error, text)
        return
    expected = composed_positions(text)
    for path in walk(document.data):
        position = document.position(path)
        assert (position.line, position.column) == expected[("value", path)]
        if path and isinstance(path[-1], str):
            key = document.position(path, key=True)
            assert (key.line, key.column) == expected[("key", path)]
    # the full index (for callers that want every position) says the same
    index = document.index
    assert {("value", p): (v.line, v.column) for p, v in index.values.items()} | {
        ("key", p): (v.line, v.column) for p, v in index.keys.items()
    } == expected
    # and so do the positions recorded for every node in the parser's pass
    data, every_node = yamlio.parse_with_positions(text, every_node=True)
    for path in walk(data):
        position = every_node.find(data, path)
        assert (position.line, position.column) == expected[("value", path)]
        if path and isinstance(path[-1], str):
            key = every_node.find(data, path, key=True)
            assert (key.line, key.column) == expected[("key", path)]
        # a path that goes on past the data: the value where it stops, not a key
        assert every_node.find(data, (*path, "missing"), key=True) == every_node.find(data, path)
        assert document.position((*path, "missing"), key=True) == document.position(path)


CODES = st.text(alphabet=st.sampled_from(list("АБВ ,.")), min_size=1, max_size=5)


@SETTINGS
@given(
    st.lists(CODES, min_size=1, max_size=5, unique=True),
    st.text(alphabet=st.sampled_from(list("АБВ ,.()x")), max_size=40),
)
def test_reading_the_codes_in_one_pass_finds_what_reading_code_by_code_finds(
    codes: list[str], text: str
) -> None:
    """When no two codes' matches can overlap, one pattern for all the codes finds what each
    code's pattern finds, the longest taken first."""
    patterns, combined = conventions._code_patterns(tuple(codes))
    if combined is not None:
        found = [(match.start(), match.end(), match[0]) for match in combined.finditer(text)]
        assert found == conventions._spans_code_by_code(text, patterns)


WORDS = st.text(alphabet=st.sampled_from(list("abcxyzАБВМДёъ -")), max_size=12)
PLAIN = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**29), max_value=10**29)
    | st.floats(allow_nan=False)
    | WORDS,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(WORDS, children, max_size=4),
    max_leaves=25,
)


@SETTINGS
@given(PLAIN, st.sampled_from([None, True, False]))
def test_dumped_data_reads_back_equal(data: Any, flow: bool | None) -> None:
    text = yaml.safe_dump(data, allow_unicode=True, default_flow_style=flow)
    assert yamlio.parse(text) == data


# The YAML 1.2 core schema, written from the specification's table, as the reference
_CORE = [
    (r"null|Null|NULL|~|", lambda v: None),
    (r"true|True|TRUE", lambda v: True),
    (r"false|False|FALSE", lambda v: False),
    (r"[-+]?[0-9]+", int),
    (r"0o[0-7]+", lambda v: int(v[2:], 8)),
    (r"0x[0-9a-fA-F]+", lambda v: int(v[2:], 16)),
    (r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?", float),
    (r"[-+]?(\.inf|\.Inf|\.INF)", lambda v: -math.inf if v[0] == "-" else math.inf),
    (r"\.nan|\.NaN|\.NAN", lambda v: math.nan),
]


def core_schema(value: str) -> Any:
    for pattern, convert in _CORE:
        if re.fullmatch(pattern, value):
            return convert(value)
    return value


def over_the_limit(value: str) -> bool:
    """Numbers longer than the loader accepts: 30 digits, or 30 characters for a float."""
    if re.fullmatch(r"[-+]?[0-9]+", value):
        return len(value.lstrip("+-")) > 30
    if re.fullmatch(r"0o[0-7]+|0x[0-9a-fA-F]+", value):
        return len(value) - 2 > 30
    if re.fullmatch(_CORE[6][0], value):
        return len(value) > 30
    return False


MARK = yaml.Mark("t.yaml", 0, 0, 0, None, None)


@SETTINGS
@given(
    st.text(alphabet=st.sampled_from(list("+-.0123456789eEoxabfinINFtTrueNl~ ")), max_size=12)
    | st.sampled_from(["~", "null", "True", "FALSE", ".Inf", "-.INF", ".NaN", "0o17", "0x1F"])
    | st.integers(min_value=-(10**35), max_value=10**35).map(str)
    | st.integers(min_value=0, max_value=16**35).map(hex)
    | st.integers(min_value=0, max_value=8**35).map(lambda n: f"0o{n:o}")
    | st.floats(allow_nan=False, allow_infinity=False).map(repr)
)
def test_plain_scalars_resolve_by_the_yaml_1_2_core_schema(value: str) -> None:
    if over_the_limit(value):
        with pytest.raises(yamlio.YamlError) as raised:
            yamlio.resolve_plain(value, MARK)
        assert raised.value.code == "number-too-long"
        return
    expected = core_schema(value)
    got = yamlio.resolve_plain(value, MARK)
    if isinstance(expected, float) and math.isnan(expected):
        assert isinstance(got, float) and math.isnan(got)
    else:
        assert (type(got), got) == (type(expected), expected)


# --- the simplest layout, read without the parser (yamlio.parse_simple) -----------------------

SIMPLE_KEYS = st.sampled_from(["measure", "status", "on", "note", "by", "null", "a_b", "Key", "2"])
CORNER_VALUES = st.sampled_from(
    [
        *("5", "2017-01-01", "2017-1-1", "null", "Null", "~", "true", "True", "yes", "no"),
        *(".inf", "-.inf", ".nan", "0x1F", "0o17", "1e3", "+1", "-1", "01", "1_000", "1.", "12:30"),
        *("1" * 30, "1" * 31, "1" * 29 + ".5", "'q'", '"q"', "it's", 'a "b"', "a: b", "a:b", "a:"),
        *("a #b", "a#b", "#a", "a ", " a", "[1]", "a [1]", "{a}", "a, b", "&x", "*x", "!t", "|"),
        *("> x", "%x", "@x", "`x", "-x", "- x", "?x", "? x", ":x", ",x", "a\tb", "a\\b", "МВД"),
        *("запись номер 5", "ё", "a\u00a0", "\u00a0a", "a\u200bb", "a\u2028b", "a\x85b", "a\rb"),
        *("http://x.kz/a?b=1#c", "https://example.kz/orders/7", "a  b", "a - b", "a -b"),
    ]
)
RECORD_KEYS = st.sampled_from(["measure", "obligation", "status", "on", "evidence", "note", "by"])
PLAIN_WORDS = st.text(
    alphabet=st.sampled_from(list("abcxyzАБВмвдзапись0123456789.-/_")), min_size=1, max_size=9
).filter(lambda word: word[0] not in "-.")
PLAIN_VALUES = st.lists(PLAIN_WORDS, min_size=1, max_size=3).map(" ".join)
SIMPLE_VALUES = st.one_of(
    PLAIN_VALUES, PLAIN_VALUES, CORNER_VALUES, YAMLISH.filter(lambda text: "\n" not in text)
)
FIELD = st.builds("{}: {}".format, SIMPLE_KEYS, SIMPLE_VALUES)
FIELD_LINES = st.lists(FIELD, min_size=1, max_size=4)
ODD_LINES = st.sampled_from(
    ["# c", "", "  # c", "- ", "  key:", "  - x: 1", "---", "...", "   a: 1", "-  a: 1", " - a: 1"]
)
HEAD_LINES = st.builds("{}: {}".format, SIMPLE_KEYS, SIMPLE_VALUES) | st.sampled_from(
    ["schema_version: 1", "# c", "", "  ", "key:", "records: []", "---", "%YAML 1.2", " a: 1"]
)


def simple_text(
    head: list[str], key: str, items: list[list[str]], odd: list[tuple[int, str]], end: str
) -> str:
    lines = [*head, f"{key}:"]
    for fields in items:
        lines += [f"- {fields[0]}", *(f"  {field}" for field in fields[1:])]
    for at, line in odd:  # a line of another layout here and there
        lines.insert(at % (len(lines) + 1), line)
    newline = end.rstrip("$")
    return newline.join(lines) + ("" if end.endswith("$") else newline)


SIMPLE_TEXTS = st.builds(
    simple_text,
    st.lists(HEAD_LINES, max_size=3),
    st.sampled_from(["records", "records", "measure", "Records", "records "]),
    st.lists(FIELD_LINES, min_size=1, max_size=5),
    st.lists(st.tuples(st.integers(0, 30), ODD_LINES), max_size=1),
    st.sampled_from(["\n", "\n", "\r\n", "\r", "\n$"]),
)


@SETTINGS
@given(SIMPLE_TEXTS | YAMLISH | st.text())
def test_the_simplest_layout_reads_as_the_parser_reads_it(text: str) -> None:
    """parse_simple gives data only where the parser gives that very data (else None)."""
    simple = yamlio.parse_simple(text)
    if simple is not None:
        assert repr(simple) == repr(yamlio.parse(text))  # types too; nan is nan


@SETTINGS
@given(
    st.lists(
        st.lists(st.tuples(RECORD_KEYS, PLAIN_VALUES), min_size=1),
        min_size=1,
        max_size=20,
    ),
    st.sampled_from(["\n", "\r\n"]),
)
def test_records_as_plan_record_writes_them_are_read_without_the_parser(
    records: list[list[tuple[str, str]]], newline: str
) -> None:
    lines = ["# progress", "schema_version: 1", "records:"]
    for fields in records:
        unique = dict(fields)
        lines += [f"{'- ' if i == 0 else '  '}{k}: {v}" for i, (k, v) in enumerate(unique.items())]
    text = newline.join(lines) + newline
    simple = yamlio.parse_simple(text)
    assert simple is not None
    assert repr(simple) == repr(yamlio.parse(text))


@SETTINGS
@given(st.text())
def test_the_whitespace_shortcut_agrees_with_the_rule(text: str) -> None:
    assert checks.has_stray_whitespace(text) == bool(checks._STRAY_WHITESPACE.search(text))


TEXTS = st.text() | st.text(alphabet=st.sampled_from(list("aZМВДмвд \t\u00a0\u0301é–.")))


@SETTINGS
@given(TEXTS)
def test_the_walk_over_every_value_suspects_what_the_rule_suspects(text: str) -> None:
    """The test inlined in the walk over every value of a file is the rule's own."""
    found: list[Any] = []
    checks._find_suspects({"k": [text]}, (), found)
    assert bool(found) == checks._suspect(text)


GLOSSARY = {
    code: Abbreviation(
        code=code,
        expansion="x",
        in_glossary=code != "МЗСР",
        alias=alias,
        kind=AgencyKind.central_state_body,
        name_en="x",
        executor=True,
    )
    for code, alias in (("МВД", "MVD"), ("МЗСР", "MZSR"), ("ГП", "GP"))
}


@SETTINGS
@given(st.lists(st.text(alphabet=st.sampled_from(list("MVDGPМВДЗСРГПмвaz_0 -\n")), max_size=12)))
def test_the_quick_test_of_the_codes_used_misses_nothing(texts: list[str]) -> None:
    """When it says a measure's texts use only codes as the glossary defines them, the full
    checks find nothing in them."""
    context = checks.Context(GLOSSARY, None)
    with_paths = [(("measures", 0, str(n)), text) for n, text in enumerate(texts)]
    full = [*checks._abbreviation_use(with_paths, context), *latin_aliases(with_paths, GLOSSARY)]
    assert checks._codes_as_defined(texts, context) == (full == [])


# --- the validator and the CLI ---------------------------------------------------------------


def assert_problems(problems: list[Problem], path: Path) -> None:
    # lines as the parser counts them (CR, LF, CR LF, NEL, LS, PS end a line)
    text = path.read_bytes().decode("utf-8", errors="replace")
    lines = len(re.split("\r\n|[\r\n\x85\u2028\u2029]", text))
    for problem in problems:
        assert problem.severity in (Severity.error, Severity.warning)
        assert 1 <= problem.line <= lines and problem.column >= 1
        assert problem.message and "\n" not in problem.message


def assert_cli(path: Path) -> None:
    result = run("validate", str(path))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert result.exit_code in (0, 1)
    assert result.stderr == ""


@SETTINGS
@given(st.binary(max_size=300) | YAMLISH.map(lambda text: text.encode("utf-8")))
def test_any_file_gives_problems_and_an_exit_code(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "plan.yaml"
        path.write_bytes(raw)
        assert_problems(validate_paths([path]), path)
        assert_cli(path)


SHIPPED = yamlio.parse(PLAN.read_text(encoding="utf-8"))
SHIPPED_PATHS = [path for path in walk(SHIPPED) if path]
OTHER_TYPES = [0, 2017, -1, "text", "", [], ["a"], {}, {"key": "value"}, None, True, 1.5]


def _parent(data: Any, path: yamlio.Path) -> Any:
    for part in path[:-1]:
        data = data[part]
    return data


@SETTINGS
@given(st.data())
def test_a_mutated_plan_gives_problems_and_an_exit_code(draw: st.DataObject) -> None:
    data = copy.deepcopy(SHIPPED)
    path = draw.draw(st.sampled_from(SHIPPED_PATHS), label="path")
    parent, last = _parent(data, path), path[-1]
    mutation = draw.draw(st.sampled_from(["drop", "retype", "duplicate"]), label="mutation")
    if mutation == "drop" or (mutation == "duplicate" and isinstance(parent, dict)):
        del parent[last]
    elif mutation == "retype":
        old = parent[last]
        new = draw.draw(st.sampled_from([v for v in OTHER_TYPES if type(v) is not type(old)]))
        parent[last] = new
    else:
        parent.insert(last, copy.deepcopy(parent[last]))
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "plan.yaml"
        target.write_text(
            yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**6), "utf-8"
        )
        shutil.copyfile(ABBREVIATIONS, Path(tmp) / "abbreviations.yaml")
        assert_problems(validate_paths([target]), target)
        assert_cli(target)


def test_codes_that_can_overlap_are_read_code_by_code() -> None:
    assert conventions._code_patterns(("А Б", "Б В"))[1] is None
    assert conventions.read_executors_text("А Б В (созыв)", ("А Б", "Б В")) == [
        ("А Б", True, False)
    ]
    shipped = tuple(
        entry["code"] for entry in yaml.safe_load(ABBREVIATIONS.read_text())["abbreviations"]
    )
    assert conventions._code_patterns(shipped)[1] is not None  # the act's codes: one pass
