"""JSON Schemas of the data files, generated from the models (committed under ``schema/``)."""

from __future__ import annotations

import json
from typing import Literal

from pydantic import BaseModel

from .models import AbbreviationsFile, PlanFile

SchemaName = Literal["plan", "abbreviations"]
_MODELS: dict[str, type[BaseModel]] = {"plan": PlanFile, "abbreviations": AbbreviationsFile}
_TITLES = {
    "plan": "reintegration-plan: plan file (plan_2017_2019.yaml)",
    "abbreviations": "reintegration-plan: abbreviations file (abbreviations.yaml)",
}


def schema_text(name: SchemaName) -> str:
    schema = _MODELS[name].model_json_schema()
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://example.invalid/reintegration-plan/{name}.schema.json",
        **schema,
        "title": _TITLES[name],
    }
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
