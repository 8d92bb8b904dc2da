"""yamlio, the one YAML wrapper: YAML 1.2 core scalars, positions, and every refusal with its
1-based line and column."""

from __future__ import annotations

import math
from typing import Any

import pytest

from reintegration_plan.yamlio import (
    MAX_DEPTH,
    Position,
    PositionIndex,
    YamlError,
    decode,
    format_path,
    load_text,
    parse,
)


def value(scalar: str) -> Any:
    return parse(f"k: {scalar}\n")["k"]


def refusal(text: str) -> tuple[str, Position, str]:
    with pytest.raises(YamlError) as caught:
        parse(text)
    return caught.value.code, caught.value.position, format_path(caught.value.path)


def decode_refusal(raw: bytes) -> tuple[str, str, Position]:
    with pytest.raises(YamlError) as caught:
        decode(raw)
    return caught.value.code, caught.value.message, caught.value.position


# --- scalars: the YAML 1.2 core schema ------------------------------------------------------


@pytest.mark.parametrize(
    ("scalar", "expected"),
    [
        ("null", None),
        ("Null", None),
        ("NULL", None),
        ("~", None),
        ("", None),
        ("true", True),
        ("True", True),
        ("TRUE", True),
        ("false", False),
        ("FALSE", False),
        # YAML 1.1 booleans are strings in 1.2
        ("no", "no"),
        ("No", "No"),
        ("on", "on"),
        ("off", "off"),
        ("yes", "yes"),
        ("y", "y"),
        ("n", "n"),
        # integers
        ("0", 0),
        ("-12", -12),
        ("+7", 7),
        ("007", 7),
        ("0o17", 15),
        ("0x1F", 31),
        ("999999999999999999999999999999", 10**30 - 1),
        # not integers in 1.2
        ("0b101", "0b101"),
        ("1_000", "1_000"),
        ("0o8", "0o8"),
        ("0xG", "0xG"),
        ("12:30", "12:30"),
        # floats
        ("1.5", 1.5),
        ("-.5", -0.5),
        ("1e3", 1000.0),
        ("1.", 1.0),
        (".inf", math.inf),
        ("-.inf", -math.inf),
        ("3.14abc", "3.14abc"),
        # dates and timestamps are not converted (the models parse ISO dates)
        ("2016-12-29", "2016-12-29"),
        ("2016-12-29T10:00:00Z", "2016-12-29T10:00:00Z"),
        # quoted: always strings
        ("'12'", "12"),
        ('"0x1F"', "0x1F"),
        ("'true'", "true"),
        ("'null'", "null"),
        ('""', ""),
        ("'~'", "~"),
    ],
)
def test_core_schema_scalars(scalar: str, expected: Any) -> None:
    got = value(scalar)
    assert got == expected
    assert type(got) is type(expected)


def test_nan() -> None:
    assert math.isnan(value(".nan"))


def test_keys_are_strings() -> None:
    assert parse("1: a\ntrue: b\nnull: c\n") == {"1": "a", "true": "b", "null": "c"}


# --- positions ---------------------------------------------------------------------------------

TEXT = "a: 1\nb:\n  - x\n  - {c: 'y', d: [1, 2]}\nМВД: значение\n"


def test_positions_of_values_and_keys() -> None:
    index = PositionIndex()
    assert parse(TEXT, index) == {
        "a": 1,
        "b": ["x", {"c": "y", "d": [1, 2]}],
        "МВД": "значение",
    }
    assert index.values == {
        (): Position(1, 1),
        ("a",): Position(1, 4),
        ("b",): Position(3, 3),
        ("b", 0): Position(3, 5),
        ("b", 1): Position(4, 5),
        ("b", 1, "c"): Position(4, 9),
        ("b", 1, "d"): Position(4, 17),
        ("b", 1, "d", 0): Position(4, 18),
        ("b", 1, "d", 1): Position(4, 21),
        ("МВД",): Position(5, 6),  # columns count characters, not bytes
    }
    assert index.keys == {
        ("a",): Position(1, 1),
        ("b",): Position(2, 1),
        ("b", 1, "c"): Position(4, 6),
        ("b", 1, "d"): Position(4, 14),
        ("МВД",): Position(5, 1),
    }


def test_document_positions_on_demand() -> None:
    document = load_text("x.yaml", TEXT)
    assert document.position(("b", 1, "d", 1)) == Position(4, 21)
    assert document.position(("b", 1, "d"), key=True) == Position(4, 14)
    # a missing key resolves to its parent mapping
    assert document.resolve(("b", 1, "missing")) == ("b", 1)
    assert document.position(document.resolve(("b", 1, "missing"))) == Position(4, 5)
    # a list index past the end, and a union's tag in a pydantic location, are skipped
    assert document.resolve(("b", 5)) == ("b",)
    assert document.resolve(("b", 1, "function-after[x]", "c")) == ("b", 1, "c")


@pytest.mark.parametrize(
    ("text", "position"),
    [
        ("---", Position(1, 4)),  # the parser says line 2 of a one-line file: the end instead
        ("---\n", Position(2, 1)),
        ("--- 5", Position(1, 5)),
        ("\n\nx", Position(3, 1)),
    ],
)
def test_a_document_that_is_one_scalar_is_located_in_the_file(
    text: str, position: Position
) -> None:
    assert load_text("x.yaml", text).position(()) == position


def test_format_path() -> None:
    assert format_path(()) == "$"
    assert format_path(("measures", 2, "deadline")) == "measures[2].deadline"
    assert format_path((0, "x")) == "[0].x"
    assert format_path(("МВД",)) == "МВД"
    # keys that are not names are quoted, so a location stays one line
    assert format_path(("a", "b c", "1", "x\n::y")) == "a['b c']['1']['x\\n::y']"


def test_bom_and_crlf() -> None:
    text = decode(b"\xef\xbb\xbfa: 1\r\nb: [x,\r\n  y]\r\nc: 'q\r\n  r'\r\n")
    assert not text.startswith("\ufeff")
    index = PositionIndex()
    assert parse(text, index) == {"a": 1, "b": ["x", "y"], "c": "q r"}
    assert index.values[("a",)] == Position(1, 4)  # the BOM is not a column
    assert index.values[("b", 1)] == Position(3, 3)
    assert index.keys[("c",)] == Position(4, 1)


# --- refusals ----------------------------------------------------------------------------------


def test_nul_byte() -> None:
    for text in ("a: 1\nb: x\x00y\n", "a: 1\r\nb: x\x00y\r\n"):
        with pytest.raises(YamlError) as caught:
            parse(text)
        assert caught.value.code == "syntax"
        assert caught.value.message == "the character U+0000 is not allowed in YAML: remove it"
        assert caught.value.position == Position(2, 5)


@pytest.mark.parametrize(
    ("raw", "byte", "offset", "position"),
    [
        (b"a: 1\nb: \xd0\x9c\xff\n", 0xFF, 10, Position(2, 5)),  # after a 2-byte М
        (b"\xef\xbb\xbfb: \xff\n", 0xFF, 6, Position(1, 4)),  # after a BOM
        (b"a: 1\nb: \xd0\n", 0xD0, 8, Position(2, 4)),  # a cut multi-byte character
        (b"a: 1\r\nb: \xe9t\xe9\r\n", 0xE9, 9, Position(2, 4)),  # Latin-1
    ],
)
def test_bad_utf8_position(raw: bytes, byte: int, offset: int, position: Position) -> None:
    assert decode_refusal(raw) == (
        "encoding",
        f"the file is not valid UTF-8 (byte 0x{byte:02x} at offset {offset}); save it as UTF-8",
        position,
    )


def test_depth_limit() -> None:
    deepest = "[" * MAX_DEPTH + "]" * MAX_DEPTH
    data = parse(deepest)
    for _ in range(MAX_DEPTH - 1):
        data = data[0]
    assert data == []
    code, position, _ = refusal("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1))
    assert (code, position) == ("too-deep", Position(1, MAX_DEPTH + 1))


def test_a_hundred_thousand_brackets() -> None:
    code, position, _ = refusal("[" * 100_000)
    assert code in {"too-deep", "syntax"}
    assert position.line == 1


def test_a_5000_digit_integer() -> None:
    with pytest.raises(YamlError) as caught:
        parse("k: " + "9" * 5000 + "\n")
    assert caught.value.code == "number-too-long"
    assert caught.value.message == (
        "a number of 5000 digits is not accepted (at most 30); quote it if it is text"
    )
    assert caught.value.position == Position(1, 4)
    assert format_path(caught.value.path) == "k"
    assert value("'" + "9" * 5000 + "'") == "9" * 5000


def test_a_5000_digit_float() -> None:
    assert refusal("k: 1." + "0" * 5000 + "\n") == ("number-too-long", Position(1, 4), "k")


def test_multiple_documents() -> None:
    assert refusal("a: 1\n---\nb: 2\n") == ("multiple-documents", Position(2, 1), "$")
    # one document with explicit markers is fine
    assert parse("---\na: 1\n...\n") == {"a": 1}


@pytest.mark.parametrize(
    ("text", "shown", "position", "where"),
    [
        ("a: !!python/object:os.system x\n", "!!python/object:os.system", Position(1, 4), "a"),
        (
            "a: !!python/object/apply:os.system ['ls']\n",
            "!!python/object/apply:os.system",
            Position(1, 4),
            "a",
        ),
        ("a: !!str 5\n", "!!str", Position(1, 4), "a"),
        ("a: [1, !local x]\n", "!local", Position(1, 8), "a[1]"),
        ("!!map\na: 1\n", "!!map", Position(1, 1), "$"),
    ],
)
def test_explicit_tags_are_refused(text: str, shown: str, position: Position, where: str) -> None:
    with pytest.raises(YamlError) as caught:
        parse(text)
    assert caught.value.code == "tag"
    assert caught.value.message == f"tags ({shown}) are not allowed: remove the tag"
    assert (caught.value.position, format_path(caught.value.path)) == (position, where)


def test_the_non_specific_tag_is_a_string() -> None:
    assert value("! 12") == "12"


@pytest.mark.parametrize(
    ("text", "position"),
    [
        ("? [a, b]\n: c\n", Position(1, 3)),
        ("{[a]: b}\n", Position(1, 2)),
        ("x:\n  ? {a: 1}\n  : c\n", Position(2, 5)),
    ],
)
def test_complex_keys_are_refused(text: str, position: Position) -> None:
    code, at, _ = refusal(text)
    assert (code, at) == ("complex-key", position)


def test_anchor_and_alias() -> None:
    assert refusal("a:\n  b: &x 1\n  c: *x\n") == ("anchor", Position(2, 6), "a.b")
    assert refusal("a: [1, 2]\nb: *y\n") == ("alias", Position(2, 4), "b")


def test_duplicate_keys() -> None:
    assert refusal("a: 1\na: 2\n") == ("duplicate-key", Position(2, 1), "a")
    assert refusal("m:\n  a: 1\n  'a': 2\n") == ("duplicate-key", Position(3, 3), "m.a")
    assert refusal("- {x: 1, x: 2}\n") == ("duplicate-key", Position(1, 10), "[0].x")


def test_empty_and_comment_only() -> None:
    assert refusal("") == ("empty", Position(1, 1), "$")
    assert refusal("   \n\n") == ("empty", Position(3, 1), "$")
    with pytest.raises(YamlError, match="holds only comments"):
        parse("# only\n")


def test_syntax_error_position() -> None:
    assert refusal("a: b: c\n") == ("syntax", Position(1, 5), "$")
    # the end of a file without a final line break is on its last line, not after it
    assert refusal("a: [1, 2") == ("syntax", Position(1, 9), "$")
    assert refusal("a: [1, 2\n") == ("syntax", Position(2, 1), "$")


def test_document_is_plain_data() -> None:
    document = load_text("x.yaml", "a: [1]\n")
    assert document.data == {"a": [1]}
    assert type(document.data) is dict
    assert type(document.data["a"]) is list
