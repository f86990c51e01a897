# SPDX-License-Identifier: GPL-3.0-or-later
"""A small TAP producer for the tests that drive the command line."""
import json
import subprocess
import sys
import traceback

_tests = []


def test(function):
    _tests.append(function)
    return function


def run_cli(binary, *args, expect=0):
    result = subprocess.run([binary, *args], capture_output=True, text=True, timeout=60)
    if result.returncode != expect:
        raise AssertionError(
            f"{' '.join(args)}: exit {result.returncode}, expected {expect}\n"
            f"stdout: {result.stdout}\nstderr: {result.stderr}")
    return result


def run_json(binary, *args):
    return json.loads(run_cli(binary, *args, "--json").stdout)


def main():
    print(f"1..{len(_tests)}")
    failed = 0
    for number, function in enumerate(_tests, 1):
        name = function.__name__
        try:
            function()
            print(f"ok {number} {name}")
        except Exception:  # report every failure and go on to the next test
            failed += 1
            print(f"not ok {number} {name}")
            for line in traceback.format_exc().splitlines():
                print(f"# {line}")
    sys.exit(1 if failed else 0)
