"""A small JSON Schema checker for the open data's documented schemas (docs/*.schema.json).

It understands the part of JSON Schema (2020-12) those files use: `type` (one or a list),
`required`, `properties`, `additionalProperties: false`, `items`, `enum`, `minimum`,
`minLength`, `pattern` and local `$ref`s to `#/$defs/…`. An unknown keyword is an error, so
the schema cannot silently say more than is checked.
"""

import json
import re
from pathlib import Path

DOCS = Path(__file__).resolve().parents[1] / "docs"
ANNOTATIONS = {"$schema", "$defs", "title", "description"}
TYPES = {
    "object": lambda value: isinstance(value, dict),
    "array": lambda value: isinstance(value, list),
    "string": lambda value: isinstance(value, str),
    "integer": lambda value: isinstance(value, int) and not isinstance(value, bool),
    "number": lambda value: isinstance(value, int | float) and not isinstance(value, bool),
    "boolean": lambda value: isinstance(value, bool),
    "null": lambda value: value is None,
}


def load_schema(name):
    return json.loads((DOCS / name).read_text(encoding="utf-8"))


def schema_errors(instance, schema, root=None, path="$"):
    """Every way `instance` breaks `schema`, as "path: problem" lines; [] when it fits."""
    root = root or schema
    if "$ref" in schema:
        target = root
        for part in schema["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        return schema_errors(instance, target, root, path)
    unknown = set(schema) - ANNOTATIONS - set(CHECKS)
    if unknown:
        return [f"{path}: the checker does not know {sorted(unknown)}"]
    errors = []
    for keyword, check in CHECKS.items():
        if keyword in schema:
            errors += check(instance, schema, root, path)
    return errors


def _type(instance, schema, root, path):
    names = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
    if any(TYPES[name](instance) for name in names):
        return []
    return [f"{path}: {instance!r} is not {' or '.join(names)}"]


def _required(instance, schema, root, path):
    if not isinstance(instance, dict):
        return []
    return [f"{path}: {name} is missing" for name in schema["required"] if name not in instance]


def _properties(instance, schema, root, path):
    if not isinstance(instance, dict):
        return []
    errors = []
    for name, value in instance.items():
        if name in schema["properties"]:
            errors += schema_errors(value, schema["properties"][name], root, f"{path}.{name}")
    return errors


def _additional(instance, schema, root, path):
    if not isinstance(instance, dict) or schema["additionalProperties"] is not False:
        return []
    extra = sorted(set(instance) - set(schema.get("properties", {})))
    return [f"{path}: {name} is not in the schema" for name in extra]


def _items(instance, schema, root, path):
    if not isinstance(instance, list):
        return []
    errors = []
    for index, value in enumerate(instance):
        errors += schema_errors(value, schema["items"], root, f"{path}[{index}]")
    return errors


def _enum(instance, schema, root, path):
    return [] if instance in schema["enum"] else [f"{path}: {instance!r} is not one of the values"]


def _minimum(instance, schema, root, path):
    if TYPES["number"](instance) and instance < schema["minimum"]:
        return [f"{path}: {instance} is below {schema['minimum']}"]
    return []


def _min_length(instance, schema, root, path):
    if isinstance(instance, str) and len(instance) < schema["minLength"]:
        return [f"{path}: {instance!r} is too short"]
    return []


def _pattern(instance, schema, root, path):
    if isinstance(instance, str) and not re.search(schema["pattern"], instance):
        return [f"{path}: {instance!r} does not match {schema['pattern']}"]
    return []


CHECKS = {
    "type": _type,
    "required": _required,
    "properties": _properties,
    "additionalProperties": _additional,
    "items": _items,
    "enum": _enum,
    "minimum": _minimum,
    "minLength": _min_length,
    "pattern": _pattern,
}
