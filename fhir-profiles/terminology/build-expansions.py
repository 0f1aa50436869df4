#!/usr/bin/env python3
"""Rewrites the expansion of each concept-family ValueSet in ../valuesets from the TSV sources beside this script.

Every member of an expansion comes from a line of a TSV file here (system, code, display, source); the expansion is
sorted and its identifier and timestamp derive from the knowledge version (the version of CodeSystem-ombc.json), so
a rebuild with unchanged sources changes no byte. The compose of each ValueSet is edited by hand and kept: it states
the family (is-a filters, code regex filters) and lists the codes the service has always read.

Checks before writing (any failure exits 1 and writes nothing):
  - SNOMED CT identifiers have the form of a concept identifier (partition 00 or 10);
  - numeric LOINC codes pass the mod-10 check digit;
  - every code a ValueSet's compose lists one by one has a source line, so the expansion holds the whole family;
  - no code is both a breast cancer and an excluded look-alike.

Usage: python3 build-expansions.py          rewrite the ValueSets
       python3 build-expansions.py --check  exit 1 if a ValueSet is not what the sources give (nothing written)
Python 3.8+, standard library only.
"""
import csv
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
VALUESETS = HERE.parent / "valuesets"
CODESYSTEM = HERE.parent / "codesystems" / "CodeSystem-ombc.json"

SNOMED = "http://snomed.info/sct"
LOINC = "http://loinc.org"

SITES = ["adrenal", "axillary-lymph-node", "bone", "brain", "distant-lymph-node", "liver", "lung", "pleura",
         "skin-soft-tissue"]

# ValueSet id -> the TSV files (without .tsv) whose lines make its expansion. A family that contains other families
# names them: every site-specific secondary neoplasm is a metastasis, every listed agent is a systemic therapy.
EXPANSIONS = {
    "primary-breast-cancer": ["primary-breast-cancer"],
    "breast-cancer-excluded": ["breast-cancer-excluded"],
    "metastasis": ["metastasis"] + ["metastasis-code-" + s for s in SITES],
    **{"metastasis-code-" + s: ["metastasis-code-" + s] for s in SITES},
    "er-test": ["er-test"],
    "pr-test": ["pr-test"],
    "her2-test": ["her2-test"],
    "her2-ihc-positive": ["her2-ihc-positive"],
    "her2-ihc-negative": ["her2-ihc-negative"],
    "her2-ihc-equivocal": ["her2-ihc-equivocal"],
    "her2-ish-amplified": ["her2-ish-amplified"],
    "her2-ish-not-amplified": ["her2-ish-not-amplified"],
    "her2-ish-ratio": ["her2-ish-ratio"],
    "staging-m-category": ["staging-m-category"],
    "m1-category": ["m1-category"],
    "stage-group": ["stage-group"],
    "stage-iv": ["stage-iv"],
    "systemic-therapy": ["systemic-therapy-agents", "systemic-therapy"],
    "systemic-therapy-agents": ["systemic-therapy-agents"],
}

# Pairs of ValueSets that must not share a code: a look-alike read as breast cancer would be a false diagnosis.
DISJOINT = [("primary-breast-cancer", "breast-cancer-excluded")]

def snomed_concept_id_ok(code):
    """SNOMED CT identifier form: 6-18 digits, partition identifier 00 (core concept) or 10 (extension concept)."""
    return code.isdigit() and 6 <= len(code) <= 18 and code[-3:-1] in ("00", "10")


def loinc_code_ok(code):
    """Numeric LOINC codes (NNNNN-N) carry a mod-10 check digit; LA/LP codes are checked for form only."""
    if code.startswith(("LA", "LP")):
        return "-" in code
    number, _, check = code.partition("-")
    if not number.isdigit() or not check.isdigit() or len(check) != 1:
        return False
    total = 0
    for i, ch in enumerate(reversed(number)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            d = d // 10 + d % 10
        total += d
    return (10 - total % 10) % 10 == int(check)


def read_tsv(name):
    path = HERE / (name + ".tsv")
    rows = []
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader)
        if header != ["system", "code", "display", "source"]:
            raise SystemExit(f"{path.name}: header must be system, code, display, source")
        for n, row in enumerate(reader, start=2):
            if not row or row[0].startswith("#"):
                continue
            if len(row) != 4 or not row[0] or not row[1] or not row[3]:
                raise SystemExit(f"{path.name}:{n}: need system, code, (display), source")
            rows.append((row[0].strip(), row[1].strip(), row[2].strip(), row[3].strip(), f"{path.name}:{n}"))
    return rows


def check_code(system, code, where, errors):
    if system == SNOMED and not snomed_concept_id_ok(code):
        errors.append(f"{where}: {code} is not a valid SNOMED CT concept identifier")
    if system == LOINC and not loinc_code_ok(code):
        errors.append(f"{where}: {code} fails the LOINC check digit")


def members(vs_id, errors):
    by_key = {}
    for name in EXPANSIONS[vs_id]:
        for system, code, display, _source, where in read_tsv(name):
            check_code(system, code, where, errors)
            key = (system, code)
            if key not in by_key or (display and not by_key[key]):
                by_key[key] = display
    return by_key


def expansion(vs_id, version, by_key):
    contains = []
    for (system, code) in sorted(by_key):
        member = {"system": system, "code": code}
        if by_key[(system, code)]:
            member["display"] = by_key[(system, code)]
        contains.append(member)
    year, month = version.split(".")[0:2]
    return {
        "identifier": f"urn:ombc-cds:expansion:{vs_id}:{version}",
        "timestamp": f"{year}-{int(month):02d}-01T00:00:00Z",
        "total": len(contains),
        "contains": contains,
    }


def listed(vs):
    for include in vs.get("compose", {}).get("include", []):
        for concept in include.get("concept", []):
            yield include.get("system"), concept["code"]


def build():
    version = json.loads(CODESYSTEM.read_text(encoding="utf-8"))["version"]
    errors = []
    outputs = {}
    expanded = {}
    for vs_id in sorted(EXPANSIONS):
        path = VALUESETS / f"ValueSet-{vs_id}.json"
        if not path.exists():
            errors.append(f"{path.name} is missing")
            continue
        text = path.read_text(encoding="utf-8")
        vs = json.loads(text)
        by_key = members(vs_id, errors)
        for key in listed(vs):
            if key not in by_key:
                errors.append(f"{path.name}: compose lists {key[0]}|{key[1]} but no TSV line gives its source")
        expanded[vs_id] = set(by_key)
        vs["expansion"] = expansion(vs_id, version, by_key)
        outputs[path] = (text, json.dumps(vs, indent=2, ensure_ascii=False) + "\n")
    for a, b in DISJOINT:
        for system, code in sorted(expanded.get(a, set()) & expanded.get(b, set())):
            errors.append(f"{system}|{code} is in both {a} and {b}")
    return outputs, errors


def main(argv):
    check_only = "--check" in argv
    outputs, errors = build()
    if errors:
        print("\n".join(errors), file=sys.stderr)
        return 1
    stale = [path.name for path, (old, new) in outputs.items() if old != new]
    if check_only:
        if stale:
            print("expansions differ from their sources: " + ", ".join(stale), file=sys.stderr)
            return 1
        return 0
    for path, (old, new) in outputs.items():
        if old != new:
            path.write_text(new, encoding="utf-8")
    print(f"{len(outputs)} ValueSets, {len(stale)} rewritten")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
