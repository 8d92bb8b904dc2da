"""JSON Schemas of the data files, generated from the models (committed under ``schema/``)."""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import BaseModel

from .models import AbbreviationsFile, PlanFile

SchemaName = Literal["plan", "abbreviations"]
_MODELS: dict[str, type[BaseModel]] = {"plan": PlanFile, "abbreviations": AbbreviationsFile}
_TITLES = {
    "plan": "reintegration-plan: plan file (plan_2017_2019.yaml)",
    "abbreviations": "reintegration-plan: abbreviations file (abbreviations.yaml)",
}


ISO_DATE = "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
"""A date written YYYY-MM-DD (plan validate also checks it is a day of the calendar)."""


def portable(node: Any) -> Any:
    """The schema pydantic generates, made for any validator in its default strict mode (ajv):

    * a tagged union (pydantic's OpenAPI ``discriminator`` with a ``oneOf``) becomes ``kind``
      required and one of its values, and an ``if``/``then`` per value: a wrong type inside a
      deadline is then reported at that value ("/deadline/year must be integer"), not as a
      failed ``oneOf`` of every member;
    * a union of members of different types (a measure's number, an integer or a dotted
      text; a deadline, one or a list) becomes ``if`` the type of one ``then`` it ``else`` the
      other, so that a wrong value is reported against the member its type chooses;
    * ``format: date`` (a format that strict ajv refuses to ignore) becomes a pattern.
    """
    if isinstance(node, list):
        return [portable(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: portable(value) for key, value in node.items()}
    if "discriminator" in node and "oneOf" in node:
        tag = node.pop("discriminator")
        name, mapping = tag["propertyName"], tag["mapping"]
        node.pop("oneOf")
        node.update(
            {
                "type": "object",
                "required": [name],
                "properties": {name: {"enum": sorted(mapping)}},
                "allOf": [
                    {"if": {"properties": {name: {"const": value}}}, "then": {"$ref": ref}}
                    for value, ref in sorted(mapping.items())
                ],
            }
        )
    members = node.get("oneOf")
    if isinstance(members, list) and len(members) == 2 and "discriminator" not in node:
        first, second = members
        if first.get("type") != second.get("type") and second.get("type") is not None:
            node.pop("oneOf")
            node.update({"if": {"type": second["type"]}, "then": second, "else": first})
    if node.get("format") == "date" and node.get("type") == "string":
        del node["format"]
        node["pattern"] = ISO_DATE
    return node


def schema_text(name: SchemaName) -> str:
    schema = portable(_MODELS[name].model_json_schema())
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://example.invalid/reintegration-plan/{name}.schema.json",
        **schema,
        "title": _TITLES[name],
    }
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
