"""pack.schema.json, as an editor's YAML language server would apply it."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import yaml

from tests.helpers.paths import BANK

SCHEMA = json.loads((BANK / "pack.schema.json").read_text(encoding="utf-8"))


def schema_errors(text: str) -> list[str]:
    # An editor's YAML language server reads YAML 1.2 types; safe_load is close enough here.
    document: Any = yaml.safe_load(text)
    validator = jsonschema.Draft7Validator(SCHEMA)
    return [error.message for error in validator.iter_errors(document)]
