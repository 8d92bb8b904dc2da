"""Characters that look like others or like nothing (characters, text_checks), and the plain
words for YAML's syntax errors (syntax_hints): each rule with its exact message."""

from __future__ import annotations

import pytest

from reintegration_plan.characters import (
    MixedWord,
    character_name,
    describe_letters,
    is_special,
    mixed_words,
    not_nfc,
    skeleton,
    special_characters,
)
from reintegration_plan.checks import check_whitespace
from reintegration_plan.models import Abbreviation, AbbreviationsFile
from reintegration_plan.problems import Severity
from reintegration_plan.syntax_hints import TAB_MESSAGE, explain_syntax, odd_line_break
from reintegration_plan.text_checks import (
    confusable_codes,
    is_english,
    latin_aliases,
    lookalike_code,
    misread_codes,
    text_findings,
)
from reintegration_plan.yamlio import YamlError, parse


def entry(code: str, alias: str) -> Abbreviation:
    return Abbreviation(
        code=code,
        expansion="x",
        in_glossary=True,
        alias=alias,
        kind="central_state_body",  # type: ignore[arg-type]
        name_en="x",
        executor=True,
    )


GLOSSARY = {e.code: e for e in (entry("МВД", "MVD"), entry("МОН", "MON"), entry("ГП", "GP"))}


# --- characters -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("character", "name"),
    [
        ("\u200b", "U+200B ZERO WIDTH SPACE"),
        ("\x85", "U+0085 NEXT LINE (NEL)"),
        ("\x01", "U+0001 CONTROL CHARACTER"),
        ("\x0c", "U+000C FORM FEED"),
        ("\u00a0", "U+00A0 NO-BREAK SPACE"),
    ],
)
def test_character_names(character: str, name: str) -> None:
    assert character_name(character) == name


def test_what_is_special() -> None:
    special = (
        "\u200b\u200c\u200d\u2060\u00ad\u202e\u2066\u00a0\u202f\u2003\u3000\u2028\u2029\x85\ufeff"
    )
    assert all(is_special(c) for c in special)
    assert not any(is_special(c) for c in " \t\n\rаZ1–«»№")
    assert special_characters("МВД (созыв)") == []
    assert special_characters("а\u00a0б\u200b") == [(1, "\u00a0"), (3, "\u200b")]


def test_nfc() -> None:
    assert not_nfc("Комплексной") is None
    assert not_nfc("ascii") is None
    found = not_nfc("Комплексно\u0438\u0306 стратегии")
    assert found is not None
    assert (found.index, found.written, found.composed) == (10, "\u0438\u0306", "й")
    singleton = not_nfc("10 \u212b")  # ANGSTROM SIGN: NFC is Å, U+00C5
    assert singleton is not None and (singleton.index, singleton.composed) == (3, "\u00c5")


def test_mixed_words_and_their_letters() -> None:
    assert mixed_words("МВД (созыв), MVD, Risk-needs-responsibility") == []
    assert mixed_words("МВД и MВД, а также MBД") == [MixedWord(6, "MВД"), MixedWord(19, "MBД")]
    (word,) = mixed_words("MТСЗН")
    assert describe_letters(word, "Latin") == (
        "the Latin letter M at position 1; the act writes Cyrillic М"
    )
    (word,) = mixed_words("MBД")
    assert describe_letters(word, "Latin") == (
        "the Latin letters M at position 1 and B at position 2; the act writes Cyrillic М, В"
    )
    (word,) = mixed_words("МWД")  # W looks like no Cyrillic letter
    assert describe_letters(word, "Latin") == "the Latin letter W at position 2"
    (word,) = mixed_words("Ministrу")  # a Cyrillic у in an English word
    assert describe_letters(word, "Cyrillic") == (
        "the Cyrillic letter у at position 8; English is written in Latin y"
    )


def test_skeletons() -> None:
    assert skeleton("MOH") == skeleton("МОН") == skeleton("мон") == "МОН"
    assert skeleton("М\u200bВД") == skeleton("MBД") == "МВД"
    assert skeleton("3O") == "ЗО"
    assert skeleton("МЗ") != skeleton("МВД")


# --- text_checks --------------------------------------------------------------------------------


def test_english_paths() -> None:
    assert is_english(("act", "title_en"))
    assert is_english(("measures", 0, "en", "text"))
    assert is_english(("abbreviations", 2, "alias"))
    assert not is_english(("measures", 0, "text"))
    assert not is_english(("abbreviations", 2, "code"))


def test_the_walk_reports_each_kind_once_per_text() -> None:
    data = {
        "code": "MВД",
        "name_en": "Ministrу of Finance",
        "ok": ["ascii", "МВД"],
        "text": "а\u00a0б\u200bв\u00adг\u2060д",
        "nfc": "и\u0306",
    }
    found = [(f.code, f.path, f.message) for f in check_whitespace(data)]
    assert found == [
        (
            "lookalike-letter",
            ("code",),
            "'MВД' mixes alphabets: the Latin letter M at position 1; the act writes Cyrillic М",
        ),
        (
            "lookalike-letter",
            ("name_en",),
            "the word 'Ministrу' at character 1 mixes alphabets: the Cyrillic letter у at "
            "position 8; English is written in Latin y",
        ),
        (
            "special-character",
            ("text",),
            "U+00A0 NO-BREAK SPACE at character 2 looks like a space but is not one: type an "
            "ordinary space (3 more: U+200B ZERO WIDTH SPACE, U+00AD SOFT HYPHEN, U+2060 WORD "
            "JOINER)",
        ),
        (
            "not-nfc",
            ("nfc",),
            "not in Unicode normal form NFC at character 1: U+0438 CYRILLIC SMALL LETTER I + "
            "U+0306 COMBINING BREVE is shown as 'й' (U+0439 CYRILLIC SMALL LETTER SHORT I) but is "
            "not that character; type it again (or convert the file to NFC)",
        ),
    ]
    assert [f.path for f in check_whitespace("MВД", ("x",))] == [("x",)]
    assert list(check_whitespace("ascii")) == []
    assert all(f.severity is Severity.error for f in check_whitespace(data))


def test_more_than_a_few_special_characters_are_counted() -> None:
    (finding,) = text_findings("а\u200b" * 6, ("t",))
    assert finding.message.endswith(
        "(5 more: U+200B ZERO WIDTH SPACE, U+200B ZERO WIDTH SPACE, U+200B ZERO WIDTH SPACE, …)"
    )


def test_latin_aliases_in_the_act_s_texts() -> None:
    texts = [(("t",), "MVD (созыв), МОН"), (("u",), "Risk-needs-responsibility, GPS, MON")]
    found = [(f.code, f.path, f.message) for f in latin_aliases(texts, GLOSSARY)]
    assert found == [
        (
            "latin-alias",
            ("t",),
            "'MVD' at character 1 is the Latin alias of МВД: the act's text writes the code МВД",
        ),
        (
            "latin-alias",
            ("u",),
            "'MON' at character 33 is the Latin alias of МОН: the act's text writes the code МОН",
        ),
    ]
    assert misread_codes("MVD (созыв)", GLOSSARY) and misread_codes("MВД", GLOSSARY)
    assert not misread_codes("МВД (созыв), GPS", GLOSSARY)


def test_lookalike_codes() -> None:
    alias = lookalike_code("MVD", ("a",), GLOSSARY)
    assert alias is not None and (alias.code, alias.message) == (
        "latin-alias",
        "'MVD' is the Latin alias of МВД: write the act's code МВД",
    )
    latin = lookalike_code("TП", ("a",), GLOSSARY)  # mixed: named by the walk instead
    assert latin is None
    skeletal = lookalike_code("MBA", ("a",), {**GLOSSARY, "МВА": entry("МВА", "MVA")})
    assert skeletal is not None and (skeletal.code, skeletal.message) == (
        "lookalike-letter",
        "'MBA' looks like МВА but is written in other letters: write the act's code МВА",
    )
    assert lookalike_code("XYZ", ("a",), GLOSSARY) is None


def test_confusable_glossary_codes() -> None:
    file = AbbreviationsFile(
        schema_version=1,
        abbreviations=[entry("МОН", "MON"), entry("MOH", "MOH2"), entry("мон", "MON3")],
    )
    found = [(f.code, f.path, f.message) for f in confusable_codes(file)]
    assert found == [
        (
            "confusable-codes",
            ("abbreviations", 1, "code"),
            "code 'MOH' looks the same on screen as 'МОН' (entry 1) but is written in other "
            "characters: a reader cannot tell them apart",
        )
    ]  # мон is a duplicate of МОН in another case: reported as a duplicate abbreviation


# --- syntax_hints -----------------------------------------------------------------------------


def refusal(text: str) -> tuple[str, str, int, int]:
    with pytest.raises(YamlError) as caught:
        parse(text)
    error = caught.value
    return error.code, error.message, error.position.line, error.position.column


@pytest.mark.parametrize(
    ("text", "position", "hint"),
    [
        ("a: b: c\n", (1, 5), "; a value holding ': ' must be quoted"),
        ("a:\n  b: 1\n c: 2\n", (3, 2), "; this line is not indented like the keys around it"),
        ("a:\n  - 1\n  b: 2\n", (3, 3), "; this line is not indented like the lines around it"),
        ("a: 1\nb\nc: 2\n", (3, 1), "; a key needs ': ' after it"),
        ('a: "x\\d"\n', (1, 6), "; in double quotes a backslash starts an escape"),
        ("a: @x\n", (1, 4), "; a value cannot start with @: quote it ('@…')"),
        ("a: {b: 1\nc: 2\n", (2, 2), "; a '{' is not closed by '}'"),
        ("a: [1, 2\nb: 3\n", (2, 2), "; a '[' is not closed by ']'"),
        ("{a: 1}}", (1, 7), "; there is more after the end of the document"),
        ("a: - b\n", (1, 4), "; a list item ('- ') must start a line of its own"),
        ("%YAML 2.0\n---\na: 1\n", (1, 1), "; the %YAML line names a version"),
        ("a: |x\n", (1, 5), ""),  # no hint: the parser's words alone
    ],
)
def test_syntax_errors_get_a_hint(text: str, position: tuple[int, int], hint: str) -> None:
    code, message, line, column = refusal(text)
    assert (code, line, column) == ("syntax", *position)
    assert message.startswith("YAML syntax: ")
    if hint:
        assert hint in message
    else:
        assert ";" not in message


@pytest.mark.parametrize(
    ("text", "position"),
    [
        ("a:\n\tb: 1\n", (2, 1)),
        ("a:\n  b: 1\n\tc: 2\n", (3, 1)),
        ("a:\n  b: 1\n  \tc: 2\n", (3, 3)),
        ("a: hello\n\tworld\n", (2, 1)),
    ],
)
def test_a_tab_indenting_a_line_is_named_at_the_tab(text: str, position: tuple[int, int]) -> None:
    assert refusal(text) == ("tab-indentation", TAB_MESSAGE, *position)


def test_a_tab_between_a_key_and_its_value_is_fine() -> None:
    assert parse("a:\n  b: 1\n  c:\t2\n") == {"a": {"b": 1, "c": 2}}


def test_an_unclosed_quote_is_shown_where_it_opens() -> None:
    assert refusal("a: 'abc\nb: 1\n") == (
        "syntax",
        "YAML syntax: found unexpected end of stream (while scanning a quoted scalar): the "
        "quote opened here is never closed",
        1,
        4,
    )


def test_explain_outside_the_text() -> None:
    said = explain_syntax(
        "a: 1\n", "found character that cannot start any token", None, (9, 1), None
    )
    assert (said.code, said.line) == ("syntax", 9)


def test_odd_line_breaks() -> None:
    assert odd_line_break("a: 1\r\nb: 2\r\n") is None
    assert odd_line_break("a: 1\nb: 2\n") is None
    many = "a: 1\n" + "".join(f"# {n}\u2028\n" for n in range(8))
    found = odd_line_break(many)
    assert found is not None
    assert (found.code, found.line, found.column) == ("line-break-character", 2, 4)
    assert found.message.endswith("; 7 more in the file (line 3, 4, 5, 6, 7, …)")
    assert refusal("a: x\u2029y\n")[0] == "line-break-character"
