#!/usr/bin/env python3
"""Validates secreview's SARIF output against the official SARIF 2.1.0 schema.

Usage: validate_sarif.py SECREVIEW_BINARY SOURCE_DIR
Runs secreview on the example project and on every rule's fixtures, and validates each SARIF
document with jsonschema (Draft 4, as the schema declares).
"""
import json
import subprocess
import sys
from pathlib import Path

try:
    import jsonschema
except ImportError:  # the machine's python3 may not be Debian's; tools/bootstrap installs this one
    sys.path.insert(0, "/usr/lib/python3/dist-packages")
    import jsonschema

binary, source = sys.argv[1], Path(sys.argv[2])
schema_path = source.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"
schema = json.loads(schema_path.read_text(encoding="utf-8"))
validator = jsonschema.Draft4Validator(schema)

targets = [["examples"], ["tests/fixtures"]]
targets += [[str(p)] for p in sorted((source / "rules").rglob("positive.py"))]
checked = 0
for args in targets:
    out = subprocess.run([binary, "review", "--format", "sarif", "--no-color", *args],
                         cwd=source, capture_output=True, text=True)
    if out.returncode not in (0, 1, 2):
        sys.exit(f"secreview failed on {args}: exit {out.returncode}\n{out.stderr}")
    doc = json.loads(out.stdout)
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
    if errors:
        for e in errors[:10]:
            print(f"{args}: {'/'.join(map(str, e.path))}: {e.message}", file=sys.stderr)
        sys.exit(1)
    if not doc["runs"][0]["results"] and args != ["tests/fixtures"]:
        sys.exit(f"{args}: expected results in the SARIF output")
    checked += 1
print(f"{checked} SARIF documents valid against SARIF 2.1.0")
