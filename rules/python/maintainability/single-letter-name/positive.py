import json
import subprocess

import requests


def sync_inventory(url, store):
    # expect: single-letter-name
    r = requests.get(url, timeout=10)
    r.raise_for_status()
    # expect: single-letter-name
    d = r.json()
    added = 0
    skipped = 0
    for item in d["items"]:
        if item["sku"] in store:
            skipped += 1
            continue
        store[item["sku"]] = item
        added += 1
    store.flush()
    if skipped:
        print("skipped", skipped, "of", len(d["items"]))
    print("status", r.status_code)
    return added


def build_report(rows, title):
    header = "== %s ==" % title
    # expect: single-letter-name
    s = header + "\n"
    totals = {}
    for row in rows:
        key = row["group"]
        totals.setdefault(key, 0)
        totals[key] += row["amount"]
    for key in sorted(totals):
        line = "%-20s %10.2f" % (key, totals[key])
        s += line + "\n"
    grand = sum(totals.values())
    s += "-" * 31 + "\n"
    s += "%-20s %10.2f\n" % ("total", grand)
    if not rows:
        s += "(no rows)\n"
    return s


def run_job(command, env):
    options = {"env": env, "stdout": subprocess.PIPE}
    # expect: single-letter-name
    p = subprocess.Popen(command, **options)
    out, _ = p.communicate()
    result = {"command": command}
    result["output"] = out.decode()
    result["lines"] = len(result["output"].splitlines())
    result["ok"] = True
    if not result["lines"]:
        result["ok"] = False
    encoded = json.dumps(result)
    with open("job.log", "a") as log:
        log.write(encoded + "\n")
    result["written"] = len(encoded)
    result["code"] = p.returncode
    return result
