"""The query reports' JSON text (``query_json.json_text``): byte for byte what
``json.dumps(data, ensure_ascii=False, indent=2)`` writes, with a line break after, for any data
(what it does not write itself it leaves to ``json.dumps``)."""

from __future__ import annotations

import enum
import json
from collections import OrderedDict
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reintegration_plan.query_json import json_text

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text()
)
DATA = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=40,
)


def dumped(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


@given(DATA)
def test_json_text_is_what_json_dumps_writes(data: Any) -> None:
    assert json_text(data) == dumped(data)


class Colour(enum.Enum):
    red = "red"


class Code(str, enum.Enum):
    mvd = "МВД"


class Count(enum.IntEnum):
    one = 1


def test_what_it_leaves_to_json_dumps() -> None:
    nested = {"a": [], "b": {}, "c": [[], {}, [{"d": None}]], "e": '\u2028\x00"\\é'}
    assert json_text(nested) == dumped(nested)
    for data in (
        {1: "a", None: 2, 1.5: 3, False: 4},  # keys json.dumps turns into strings
        {"code": Code.mvd, "count": Count.one},  # subclasses of str and int
        OrderedDict(a=1),
        [1, {"x": 2, 3: "y"}],
    ):
        assert json_text(data) == dumped(data), data
    with pytest.raises(TypeError):
        json_text({"colour": Colour.red})  # what json.dumps cannot write either
    with pytest.raises(TypeError):
        json_text([{1, 2}])
