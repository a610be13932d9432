#!/usr/bin/python3
"""Runs every hostile-input case in tests/data/hostile/: a reproducer and its expected outcome.

Usage: hostile_check.py XSECTOR SOURCE_DIR [NAME ...]

Each case is NAME.case, a YAML mapping:

    description: what the case reproduces (one line)
    make: |            # optional Python that writes generated inputs into the current folder
      open("big.yaml", "w").write("[" * 20_000_000)
    shell: |           # optional bash run in the case's fresh temporary folder before `run`
      ln -s victim out.json
    run: '{xsector} validate {hostile}/bad-utf8.yaml'   # bash command line, run in that folder
    stdin: text        # optional standard input (default: none)
    exit: 1            # expected exit code
    stderr: [substring, ...]   # each must occur in standard error (optional)
    stdout: [substring, ...]   # each must occur in standard output (optional)
    not_stderr: [substring, ...]  # none may occur in standard error (optional)
    check: |           # optional bash run afterwards in the same folder; must exit 0
      test "$(cat victim)" = x
    timeout: 60        # seconds (default 60): a hang fails the case
    memory_mb: 2000    # address-space limit for the command (default 4000; not applied
                       # when XSECTOR_SANITIZED=1, since sanitizers reserve large shadow maps)
    release_only: why  # optional: not run when XSECTOR_SANITIZED=1 (a resource bound on an input
                       # so large that the unoptimized, instrumented build needs 25 times longer)

Placeholders: {xsector} the binary, {hostile} the cases' folder, {networks} networks/,
{source} the source tree. Exit 70 (an internal error) or a signal always fails a case.
"""
import os
import resource
import subprocess
import sys
import tempfile

import yaml

binary, source = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
only = set(sys.argv[3:])
hostile = os.path.join(source, "tests", "data", "hostile")
sanitized = os.environ.get("XSECTOR_SANITIZED") == "1"
passed = 0
failed = 0
skipped = 0


def fill(text):
    return (text.replace("{xsector}", binary).replace("{hostile}", hostile)
            .replace("{networks}", os.path.join(source, "networks")).replace("{source}", source))


def limiter(memory_mb):
    def apply():
        if not sanitized:
            limit = memory_mb * 1024 * 1024
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    return apply


def run_case(name, case):
    problems = []
    if sanitized and case.get("release_only"):
        print(f"skip {name} under sanitizers: {case['release_only']}")
        return None
    with tempfile.TemporaryDirectory() as tmp:
        if case.get("make"):
            subprocess.run([sys.executable, "-c", case["make"]], cwd=tmp, check=True, timeout=120)
        if case.get("shell"):
            subprocess.run(["bash", "-c", fill(case["shell"])], cwd=tmp, check=True, timeout=60)
        try:
            proc = subprocess.run(["bash", "-c", fill(case["run"])], cwd=tmp, capture_output=True,
                                  input=(case.get("stdin") or "").encode(),
                                  timeout=case.get("timeout", 60),
                                  preexec_fn=limiter(case.get("memory_mb", 4000)))
        except subprocess.TimeoutExpired:
            return ["timed out (a hang)"]
        err = proc.stderr.decode("utf-8", "replace")
        out = proc.stdout.decode("utf-8", "replace")
        if proc.returncode != case["exit"]:
            problems.append(f"exit {proc.returncode}, expected {case['exit']}")
        if proc.returncode == 70 or proc.returncode < 0 or proc.returncode >= 128:
            problems.append("internal error or signal")
        for s in case.get("stderr", []):
            if s not in err:
                problems.append(f"stderr lacks {s!r}")
        for s in case.get("not_stderr", []):
            if s in err:
                problems.append(f"stderr has {s!r}")
        for s in case.get("stdout", []):
            if s not in out:
                problems.append(f"stdout lacks {s!r}")
        if case.get("check"):
            chk = subprocess.run(["bash", "-c", fill(case["check"])], cwd=tmp, capture_output=True, timeout=60)
            if chk.returncode != 0:
                problems.append("check failed: " + chk.stdout.decode(errors="replace")
                                + chk.stderr.decode(errors="replace"))
        if problems:
            problems.append("stderr was: " + err[:600])
    return problems


for entry in sorted(os.listdir(hostile)):
    if not entry.endswith(".case"):
        continue
    name = entry[:-5]
    if only and name not in only:
        continue
    with open(os.path.join(hostile, entry), encoding="utf-8") as f:
        case = yaml.safe_load(f)
    problems = run_case(name, case)
    if problems is None:
        skipped += 1
    elif problems:
        failed += 1
        print(f"FAIL {name}: {case.get('description', '')}")
        for p in problems:
            print("    " + p)
    else:
        passed += 1

print(f"{passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else ""))
sys.exit(1 if failed or passed == 0 else 0)
