"""Checks of every text and code for characters that look like others or like nothing.

* Every string of a plan or abbreviations file: no invisible or special character (named by its
  Unicode name), Unicode normal form NFC, no word mixing Latin and Cyrillic letters (in the
  act's Russian texts and codes a Latin letter is the mistake; in the English ones a Cyrillic).
* The act's Russian texts: no Latin alias (``MVD``) where the act writes its code (``МВД``).
* The glossary: no two codes that look the same on screen.

Each returns findings (paths in the document), as ``checks`` does.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from .characters import (
    character_name,
    describe_letters,
    mixed_words,
    not_nfc,
    skeleton,
    special_characters,
)
from .models import Abbreviation, AbbreviationsFile
from .problems import Finding, Severity
from .yamlio import Path, cut

_SHOWN = 3


def _error(code: str, message: str, path: Path) -> Finding:
    return Finding(Severity.error, code, message, path)


def is_english(path: Path) -> bool:
    """Whether the value at ``path`` is English text or a Latin alias: a ``*_en`` key, a
    measure's ``en`` mapping, the ``translations.en`` note, an ``alias``."""
    return any(
        isinstance(part, str) and (part == "en" or part.endswith("_en") or part == "alias")
        for part in path
    )


LATIN_LETTER = re.compile("[A-Za-z]")


def may_mislead(text: str) -> bool:
    """Whether a text that is not ASCII may hold what :func:`text_findings` finds: a special
    character, a form other than NFC, a Latin letter beside Cyrillic ones. Quick (each test is
    one pass in C): the checks walk every string of the file."""
    return (
        not text.isprintable()
        or not unicodedata.is_normalized("NFC", text)
        or LATIN_LETTER.search(text) is not None
    )


def text_findings(text: str, path: Path) -> list[Finding]:
    """Special characters, a form other than NFC, words mixing alphabets: in the act's Russian
    texts and codes a Latin letter is the mistake, in English texts a Cyrillic one."""
    findings: list[Finding] = []
    specials = special_characters(text)
    if specials:
        index, character = specials[0]
        message = f"{character_name(character)} at character {index + 1} {_advice(character)}"
        if len(specials) > 1:
            others = ", ".join(character_name(c) for _, c in specials[1:][:_SHOWN])
            more = ", …" if len(specials) > _SHOWN + 1 else ""
            message += f" ({len(specials) - 1} more: {others}{more})"
        findings.append(_error("special-character", message, path))
    composed = not_nfc(text)
    if composed is not None:
        written = " + ".join(character_name(c) for c in composed.written)
        shown = " + ".join(character_name(c) for c in composed.composed)
        findings.append(
            _error(
                "not-nfc",
                f"not in Unicode normal form NFC at character {composed.index + 1}: "
                f"{written} is shown as {composed.composed!r} ({shown}) but is not that "
                "character; type it again (or convert the file to NFC)",
                path,
            )
        )
    foreign = "Cyrillic" if is_english(path) else "Latin"
    for word in mixed_words(text):
        subject = (
            repr(text)
            if word.word == text
            else f"the word {word.word!r} at character {word.start + 1}"
        )
        findings.append(
            _error(
                "lookalike-letter",
                f"{subject} mixes alphabets: {describe_letters(word, foreign)}",
                path,
            )
        )
    return findings


def _advice(character: str) -> str:
    if unicodedata.category(character) in ("Zl", "Zp") or character == "\x85":
        return "breaks the line inside a text (the act's texts are one line each): type a space"
    if character.isspace():
        return "looks like a space but is not one: type an ordinary space"
    return "is invisible: delete it"


# --- codes and aliases --------------------------------------------------------------------------

LATIN_WORD = re.compile(r"(?<![A-Za-z0-9_])[A-Z][A-Z0-9_]*(?![A-Za-z0-9_])")


def _aliases(by_code: dict[str, Abbreviation]) -> dict[str, str]:
    return {entry.alias: entry.code for entry in by_code.values()}


def latin_aliases(
    texts: Iterable[tuple[Path, str]], by_code: dict[str, Abbreviation]
) -> list[Finding]:
    """A Latin alias (``MVD``) written in the act's Russian texts, where the act writes the code
    (``МВД``): a reader of the text would miss the agency or credit another with the lead."""
    aliases = _aliases(by_code)
    findings = []
    for path, text in texts:
        for match in LATIN_WORD.finditer(text):
            code = aliases.get(match.group())
            if code is not None:
                findings.append(
                    _error(
                        "latin-alias",
                        f"{match.group()!r} at character {match.start() + 1} is the Latin alias "
                        f"of {code}: the act's text writes the code {code}",
                        path,
                    )
                )
    return findings


def misread_codes(text: str, by_code: dict[str, Abbreviation]) -> bool:
    """Whether ``text`` holds a Latin alias or a word mixing alphabets: then the codes read
    from it are not what its writer meant (the findings above say why)."""
    aliases = _aliases(by_code)
    return bool(mixed_words(text)) or any(
        match.group() in aliases for match in LATIN_WORD.finditer(text)
    )


def lookalike_code(name: str, path: Path, by_code: dict[str, Abbreviation]) -> Finding | None:
    """For a name that is not a code: the finding when it is a look-alike of one (a Latin alias,
    or a code in look-alike letters of the other alphabet). None when it is not, or when it mixes
    alphabets (:func:`check_characters` reports that, naming the letters)."""
    if mixed_words(name):
        return None
    code = _aliases(by_code).get(name)
    if code is not None:
        return _error(
            "latin-alias",
            f"{name!r} is the Latin alias of {code}: write the act's code {code}",
            path,
        )
    looks = skeleton(name)
    code = next((code for code in by_code if skeleton(code) == looks), None)
    if code is not None:
        return _error(
            "lookalike-letter",
            f"{name!r} looks like {code} but is written in other letters: write the act's "
            f"code {code}",
            path,
        )
    return None


def confusable_codes(file: AbbreviationsFile) -> list[Finding]:
    """Two glossary codes that look the same on screen (``МВД`` and ``MВД``, ``МОН`` and
    ``MOH``); codes equal but for letter case are duplicates, reported as such."""
    findings = []
    first: dict[str, tuple[int, str]] = {}
    for i, entry in enumerate(file.abbreviations):
        looks = skeleton(entry.code)
        if looks in first and first[looks][1].casefold() != entry.code.casefold():
            n, code = first[looks]
            findings.append(
                _error(
                    "confusable-codes",
                    f"code {cut(repr(entry.code))} looks the same on screen as {code!r} "
                    f"(entry {n + 1}) but is written in other characters: a reader cannot tell "
                    "them apart",
                    ("abbreviations", i, "code"),
                )
            )
        first.setdefault(looks, (i, entry.code))
    return findings
