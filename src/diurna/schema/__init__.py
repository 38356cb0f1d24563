"""JSON Schemas of diurna's output, shipped with the package (CONTRACT.md)."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=None)
def load(name: str = "document") -> dict[str, Any]:
    """The schema `document` (one processed article) or `error` (one failed document)."""
    return json.loads(resources.files(__name__).joinpath(f"{name}.schema.json").read_text("utf-8"))


def validate(obj: dict[str, Any]) -> None:
    """Raise jsonschema.ValidationError unless `obj` is a valid output object."""
    import jsonschema

    name = "error" if "error" in obj else "document"
    jsonschema.Draft202012Validator(load(name)).validate(obj)
