# SPDX-License-Identifier: GPL-3.0-or-later
"""The app through AT-SPI alone, as Orca meets it: open the vulnerabilities question by
activating its row, find the "Substance use" segment by its name, activate it and find its
quotes; the data table opens the same quotes; and no focusable control goes without a name.
Runs the app with the sample study on a private session and accessibility bus (see
atspi_session.py); needs a display (build-aux/test gives one, Xvfb, when there is none)."""
import atexit
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from atspi_session import Session, require_pyatspi  # noqa: E402
from tap import main, test  # noqa: E402

BINARY = sys.argv[1]
QUESTION = "What vulnerabilities, if any, do you associate with sex work?"
# "Substance use: 38 of 95 respondents, 40 %": the layout JSON's description.
SEGMENT = re.compile(r"^Substance use: (\d+) of (\d+) respondents, (\d+)\s?%$")
# What GTK 4.8 says for a widget nobody named: its type.
TYPE_NAME = re.compile(r"^(Gtk|Adw)[A-Z]\w*$")
CONTROL_ROLES = {"push button", "toggle button", "check box", "radio button", "combo box",
                 "entry", "password text", "spin button", "slider", "page tab", "list item",
                 "menu item", "check menu item", "radio menu item", "link", "switch",
                 "table cell", "table row", "tree item", "split pane", "filler", "text"}

require_pyatspi()
HOME = tempfile.mkdtemp(prefix="fe-atspi-home-")
atexit.register(shutil.rmtree, HOME, ignore_errors=True)
os.environ["HOME"] = HOME  # no recent studies of the machine's in the window
os.environ["XDG_DATA_HOME"] = os.path.join(HOME, "data")
os.environ["XDG_CONFIG_HOME"] = os.path.join(HOME, "config")
SESSION = Session(BINARY).start()
pyatspi = SESSION.pyatspi


def cli_segment():
    """What `summary --json` counts for Substance use, and the quotes `quotes` lists, all of
    them in respondent order as the explore view shows them (no threshold: under one, the
    anonymous come last)."""
    layout_path = os.path.join(HOME, "layout.json")
    subprocess.run([BINARY, "export", "--sample", "--question", "vulnerabilities", "--layout",
                    layout_path, "-o", os.path.join(HOME, "chart.png")], check=True,
                   capture_output=True, timeout=60)
    with open(layout_path, encoding="utf-8") as handle:
        layout = json.load(handle)
    quotes = json.loads(subprocess.run(
        [BINARY, "quotes", "--sample", "--question", "vulnerabilities", "--level",
         "Substance use", "--min-cell", "0", "--json"], check=True, capture_output=True, text=True,
        timeout=60).stdout)
    description = next(segment["description"] for segment in layout["segments"]
                       if segment["description"].startswith("Substance use"))
    return description, [quote["text"] for quote in quotes]


def showing(accessible):
    return accessible.getState().contains(pyatspi.STATE_VISIBLE) and SESSION.on_screen(accessible)


def quote_rows():
    quotes = SESSION.find(SESSION.app, lambda o: SESSION.role(o) == "list"
                          and o.name == "Quotes" and showing(o), timeout=20)
    assert quotes is not None, "no Quotes list on screen"
    return quotes, [quotes.getChildAtIndex(i) for i in range(quotes.childCount)]


def fresh(accessible):
    """@accessible with its cached name and description dropped (read again from the app)."""
    accessible.clear_cache()
    return accessible


def wait_for(condition, timeout=10):
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.2)
    return True


def open_question():
    tab = SESSION.find(SESSION.app, lambda o: SESSION.role(o) == "page tab"
                       and o.name == "Questions")
    assert tab is not None, "no Questions tab"
    SESSION.do_action(tab, names=("click",))
    row = SESSION.find(SESSION.app, lambda o: SESSION.role(o) == "list item"
                       and o.name == QUESTION)
    assert row is not None, f"no list item named {QUESTION!r}"
    SESSION.do_action(row, names=("row.activate", "activate"))
    chart = SESSION.find(SESSION.app, lambda o: SESSION.role(o) == "panel"
                         and o.name == QUESTION and o.childCount > 0 and showing(o))
    assert chart is not None, "activating the question's row showed no chart of it"
    return chart


@test
def segment_leads_to_its_quotes():
    description, cli_quotes = cli_segment()
    chart = open_question()
    assert chart.description.startswith("Bar chart"), chart.description
    segments = [chart.getChildAtIndex(i) for i in range(chart.childCount)]
    assert len(segments) == 12, [s.name for s in segments]
    segment = next((s for s in segments if SEGMENT.match(s.name)), None)
    assert segment is not None, [s.name for s in segments]
    # The same words as the layout JSON's, its position among the segments, and the focus.
    assert segment.name == description, (segment.name, description)
    position = segments.index(segment) + 1
    assert segment.description == f"{position} of 12", segment.description
    assert SESSION.role(segment) in ("push button", "toggle button"), SESSION.role(segment)
    assert segment.getState().contains(pyatspi.STATE_FOCUSABLE)
    # Reading order: top to bottom, as drawn.
    tops = [s.queryComponent().getExtents(pyatspi.WINDOW_COORDS).y for s in segments]
    assert tops == sorted(tops), tops

    SESSION.do_action(segment, names=("click",))
    quotes, rows = quote_rows()
    # The quotes' count is said where a screen reader hears it.
    assert re.match(r"^Substance use: \d+ respondents?, \d+ quotes?$", quotes.description), \
        quotes.description
    count = int(re.search(r"(\d+) quotes?", quotes.description).group(1))
    assert count == len(cli_quotes), (count, len(cli_quotes))
    names = [row.name for row in rows]
    assert names, "no quote rows"
    # Each row read as its words and who said them; the first ones are `quotes`' first.
    for name, text in zip(names, cli_quotes):
        assert name.startswith(" ".join(text.split())[:40]) or name.startswith(text[:40]), \
            (name, text)
    assert SESSION.find(chart, lambda o: o is not chart and o.name == description
                        and o.getState().contains(pyatspi.STATE_PRESSED), timeout=5), \
        "the activated segment is not pressed"


@test
def data_table_opens_the_same_quotes():
    chart = open_question()
    # Another segment first, so that the table's activation has something to change.
    other = SESSION.find(chart, lambda o: o.name.startswith("Exploitation:"))
    SESSION.do_action(other, names=("click",))
    quotes, rows = quote_rows()
    assert wait_for(lambda: fresh(quotes).description.startswith("Exploitation: ")), \
        quotes.description

    toggle = SESSION.find(SESSION.app, lambda o: o.name == "Show the Numbers as a Table"
                          and showing(o))
    assert toggle is not None, "no table button"
    SESSION.do_action(toggle, names=("click",))
    table = SESSION.find(SESSION.app, lambda o: o.name == "Chart data" and showing(o))
    assert table is not None, "no data table"
    row = SESSION.find(table, lambda o: o.name.startswith("Substance use: ")
                       and SESSION.role(o) in ("table row", "list item"))
    assert row is not None, "no row named for Substance use"
    # "Substance use: All (n = 95) 38 of 95, 40%": its column and value with it.
    assert re.match(r"^Substance use: All \(n = \d+\) \d+ of \d+, \d+\s?%$", row.name), row.name
    # Each cell says its row, its column and its value, and opens the row's quotes.
    cell = SESSION.find(row, lambda o: re.match(r"^Substance use, All \(n = \d+\): \d+", o.name))
    assert cell is not None, "no cell naming its row, column and value"
    assert SESSION.role(cell) == "table cell", SESSION.role(cell)
    SESSION.do_action(cell, names=("cell.activate",))
    assert wait_for(lambda: fresh(quotes).description.startswith("Substance use: ")), \
        quotes.description
    SESSION.do_action(toggle, names=("click",))


def nameless_controls(root):
    """Every focusable control on screen under @root whose name is missing or GTK's type name.
    What a button or a drop-down holds is read as part of it: not walked into."""
    nameless = []
    stack = [root]
    while stack:
        accessible = stack.pop()
        try:
            if accessible is not root and not SESSION.on_screen(accessible):
                continue
            role = SESSION.role(accessible)
            states = accessible.getState()
            if states.contains(pyatspi.STATE_FOCUSABLE) and role in CONTROL_ROLES:
                name = (accessible.name or "").strip()
                if not name or TYPE_NAME.match(name):
                    nameless.append(f"{role} {name!r} in {SESSION.role(accessible.parent)} "
                                    f"{accessible.parent.name!r}")
            if role in ("push button", "toggle button", "combo box"):
                continue
            stack.extend(accessible.getChildAtIndex(i) for i in range(accessible.childCount))
        except Exception:  # gone while walking: the tree changes under a live app
            continue
    return nameless


@test
def every_focusable_control_has_a_name():
    # The chart and its quotes are on screen (the tests above left a segment selected).
    nameless = nameless_controls(SESSION.app)
    assert not nameless, "focusable controls without a name:\n  " + "\n  ".join(nameless)


def assert_dialog_controls_named(action, wait_role):
    """Opens a dialog through the window's @action (as its AT-SPI action), walks it once a
    @wait_role shows, and closes it."""
    frame = SESSION.app.getChildAtIndex(0)
    before = SESSION.app.childCount
    SESSION.do_action(frame, names=(action,))
    assert wait_for(lambda: SESSION.app.childCount > before, timeout=20), f"{action}: no dialog"
    dialog = SESSION.app.getChildAtIndex(SESSION.app.childCount - 1)
    try:
        assert SESSION.find(dialog, lambda o: SESSION.role(o) == wait_role, timeout=20), \
            f"{action}: the dialog shows no {wait_role}"
        nameless = nameless_controls(dialog)
        assert not nameless, f"{action}: focusable controls without a name:\n  " + \
            "\n  ".join(nameless)
    finally:
        SESSION.do_action(dialog, names=("window.close",))
        wait_for(lambda: SESSION.app.childCount == before, timeout=10)


@test
def every_control_of_the_dialogs_has_a_name():
    """The dialogs' controls are built in code, a row per column: role drop-downs, move
    buttons, entries, expanders."""
    assert_dialog_controls_named("win.columns", "combo box")
    assert_dialog_controls_named("win.data-check", "push button")


try:
    main()
finally:
    SESSION.stop()
