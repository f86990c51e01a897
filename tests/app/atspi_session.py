# SPDX-License-Identifier: GPL-3.0-or-later
"""The app as a screen reader meets it: a private session bus, the accessibility bus on it
(at-spi-bus-launcher and the registry), the app started with the sample study, and its AT-SPI
tree read with pyatspi. What the AT-SPI tests share.

pyatspi is the system's (python3-pyatspi); under another interpreter (a pyenv shim first on the
PATH) the test runs itself again with /usr/bin/python3. Without a display, the bus launcher or
pyatspi the tests are skipped, never passed: build-aux/setup.sh installs all of them and
build-aux/test gives the suite a display (Xvfb) when there is none."""
import importlib.util
import os
import shutil
import signal
import subprocess
import sys
import time

BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"
SYSTEM_PYTHON = "/usr/bin/python3"


def skip(reason):
    print(f"1..0 # SKIP {reason}")
    sys.exit(0)


def require_pyatspi():
    """Runs the test again under the system's Python when this one has no pyatspi. Call first:
    pyatspi itself is imported only once the buses are set (it connects on import)."""
    if importlib.util.find_spec("pyatspi") is not None:
        return
    if (os.path.exists(SYSTEM_PYTHON) and os.path.realpath(sys.executable)
            != os.path.realpath(SYSTEM_PYTHON) and "FE_ATSPI_REEXEC" not in os.environ):
        os.environ["FE_ATSPI_REEXEC"] = "1"
        os.execv(SYSTEM_PYTHON, [SYSTEM_PYTHON] + sys.argv)
    if os.environ.get("CI") == "true":
        raise AssertionError("pyatspi is not installed (python3-pyatspi)")
    skip("pyatspi is not installed (python3-pyatspi)")


class Session:
    """A session bus, the accessibility bus and the app; stop() ends what start() began."""

    def __init__(self, binary, args=("--sample",)):
        self.binary = binary
        self.args = list(args)
        self.processes = []
        self.app = None
        self.pyatspi = None

    def _spawn(self, argv, env, **kwargs):
        process = subprocess.Popen(argv, env=env, start_new_session=True, **kwargs)
        self.processes.append(process)
        return process

    def start(self):
        """Starts the buses and the app; on any failure stops what it started, so that no
        daemon outlives the test holding the test runner's pipes (meson then waits forever)."""
        try:
            return self._start()
        except BaseException:
            self.stop()
            raise

    def _start(self):
        if not os.environ.get("DISPLAY"):
            if os.environ.get("CI") == "true":
                raise AssertionError("no display: run the suite through build-aux/test (Xvfb)")
            skip("no X display")
        for program in (BUS_LAUNCHER, shutil.which("dbus-daemon")):
            if program is None or not os.path.exists(program):
                if os.environ.get("CI") == "true":
                    raise AssertionError(f"missing {program or 'dbus-daemon'}")
                skip(f"{program or 'dbus-daemon'} is not installed (at-spi2-core, dbus-daemon)")

        require_pyatspi()
        # The suite's fatal warnings are for its own code: the bus, the registry, pyatspi and
        # GTK's accessibility bridge warn on their own terms (a cache not there yet).
        os.environ.pop("G_DEBUG", None)
        env = dict(os.environ)
        # The daemons and the app write to a log of their own, shown when the app does not come
        # up: never to the test's stderr, a pipe the test runner reads to its end.
        # Appended to: the daemons write to it while it is read.
        self.log = open(os.path.join(os.environ.get("TMPDIR", "/tmp"),
                                     f"fe-atspi-{os.getpid()}.log"), "a+", encoding="utf-8")
        self.log.truncate(0)
        bus = self._spawn(["dbus-daemon", "--session", "--nofork", "--print-address=1"], env,
                          stdout=subprocess.PIPE, stderr=self.log, text=True)
        address = bus.stdout.readline().strip()
        if not address:
            raise AssertionError("the session bus did not start")
        env["DBUS_SESSION_BUS_ADDRESS"] = address
        env.pop("AT_SPI_BUS_ADDRESS", None)
        # The registry says it runs on stdout: not in the TAP stream.
        self._spawn([BUS_LAUNCHER, "--launch-immediately"], env, stdout=subprocess.DEVNULL,
                    stderr=self.log)
        a11y_address = self._a11y_address(env)
        env["AT_SPI_BUS_ADDRESS"] = a11y_address
        # This process reads the same buses as the app: set before pyatspi connects.
        os.environ["DBUS_SESSION_BUS_ADDRESS"] = address
        os.environ["AT_SPI_BUS_ADDRESS"] = a11y_address

        app_env = dict(env)
        app_env.pop("NO_AT_BRIDGE", None)
        app_env["GTK_A11Y"] = "atspi"
        self.app_env = app_env
        self.app_process = self._spawn([self.binary, *self.args], app_env, stdout=self.log,
                                       stderr=self.log)

        import pyatspi
        from gi.repository import Atspi
        # An action runs in the app before it replies (opening a dialog builds it): under the
        # sanitizers that takes longer than libatspi's default of under a second.
        Atspi.set_timeout(30000, 60000)
        self.pyatspi = pyatspi
        self.app = self._find_app()
        return self

    def _a11y_address(self, env):
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            result = subprocess.run(
                ["dbus-send", "--session", "--print-reply=literal", "--dest=org.a11y.Bus",
                 "/org/a11y/bus", "org.a11y.Bus.GetAddress"],
                env=env, capture_output=True, text=True, timeout=10)
            if result.returncode == 0 and result.stdout.strip():
                return result.stdout.strip()
            time.sleep(0.2)
        raise AssertionError("the accessibility bus did not start")

    def _read_log(self):
        self.log.seek(0)
        return self.log.read()

    def _find_app(self):
        desktop = self.pyatspi.Registry.getDesktop(0)
        deadline = time.monotonic() + 60
        started_again = False
        while time.monotonic() < deadline:
            if self.app_process.poll() is not None:
                # Once, seen under the sanitizers: the X server refused the app's connection
                # while it served every test before and after. Any other exit is the app's.
                if started_again or "cannot open display" not in self._read_log():
                    raise AssertionError(f"the app exited ({self.app_process.returncode})\n"
                                         + self._read_log())
                print("# the app could not open the display; started once more",
                      file=sys.stderr)
                started_again = True
                self.app_process = self._spawn([self.binary, *self.args], self.app_env,
                                               stdout=self.log, stderr=self.log)
            for i in range(desktop.childCount):
                app = desktop.getChildAtIndex(i)
                if app is not None and app.name in ("findings-explorer", "Findings Explorer"):
                    # Ready once the window has a child showing the sample's questions.
                    if app.childCount > 0 and self.find(
                            app, lambda o: self.role(o) == "list item"
                            and o.name.startswith("What vulnerabilities"), timeout=0,
                            showing_only=False):
                        return app
            time.sleep(0.3)
        raise AssertionError("the app did not show up on the accessibility bus\n"
                             + self._read_log())

    def stop(self):
        for process in reversed(self.processes):
            if process.poll() is None:
                try:
                    os.killpg(process.pid, signal.SIGTERM)
                except ProcessLookupError:
                    pass
        for process in self.processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
        if getattr(self, "log", None) is not None:
            self.log.close()
            os.unlink(self.log.name)

    # Reading the tree

    @staticmethod
    def role(accessible):
        return accessible.getRoleName()

    def states(self, accessible):
        return accessible.getState()

    def has_state(self, accessible, state):
        return accessible.getState().contains(state)

    def on_screen(self, accessible):
        """Whether @accessible takes room on screen. GTK 4.8 reports "showing" for the window
        alone, and "visible" also for the pages a stack hides; those have no size."""
        try:
            extents = accessible.queryComponent().getExtents(self.pyatspi.WINDOW_COORDS)
        except Exception:  # a GtkStackPage has no extents: not a reason to stop
            return True
        return extents.width > 0 and extents.height > 0

    def walk(self, root, showing_only=True):
        """Every object under @root, depth first; branches off screen skipped when
        @showing_only."""
        stack = [root]
        while stack:
            accessible = stack.pop()
            if accessible is None:
                continue
            try:
                if showing_only and accessible is not root and not self.on_screen(accessible):
                    continue
            except Exception:
                continue
            yield accessible
            try:
                count = accessible.childCount
            except Exception:  # gone while walking: the tree changes under a live app
                continue
            stack.extend(accessible.getChildAtIndex(i) for i in reversed(range(count)))

    def find(self, root, predicate, timeout=20, showing_only=True):
        """The first object under @root that satisfies @predicate, waiting up to @timeout s."""
        deadline = time.monotonic() + timeout
        while True:
            for accessible in self.walk(root, showing_only):
                try:
                    if predicate(accessible):
                        return accessible
                except Exception:
                    continue
            if time.monotonic() >= deadline:
                return None
            time.sleep(0.3)

    def find_all(self, root, predicate, showing_only=True):
        found = []
        for accessible in self.walk(root, showing_only):
            try:
                if predicate(accessible):
                    found.append(accessible)
            except Exception:
                continue
        return found

    def do_action(self, accessible, names=("click", "activate", "press", "open")):
        """Performs the object's activating action, as a screen reader's Enter does."""
        action = accessible.queryAction()
        available = [action.getName(i) for i in range(action.nActions)]
        for i, name in enumerate(available):
            if name in names:
                if not action.doAction(i):
                    raise AssertionError(f"{name} on {accessible.name!r} failed")
                return True
        raise AssertionError(f"{self.role(accessible)} '{accessible.name}' has no activating "
                             f"action, only {available}")

    def dump(self, root=None, depth=0, showing_only=True):
        root = root or self.app
        lines = []

        def visit(accessible, level):
            try:
                actions = ""
                try:
                    action = accessible.queryAction()
                    actions = ",".join(action.getName(i) for i in range(action.nActions))
                except NotImplementedError:
                    pass
                focusable = self.has_state(accessible, self.pyatspi.STATE_FOCUSABLE)
                lines.append(f"{'  ' * level}{self.role(accessible)} '{accessible.name}' "
                             f"desc='{accessible.description}' "
                             f"{'F' if focusable else ''} [{actions}] "
                             f"{accessible.getAttributes()}")
                if showing_only and level > 0 and not self.on_screen(accessible):
                    return
                for i in range(accessible.childCount):
                    visit(accessible.getChildAtIndex(i), level + 1)
            except Exception as error:
                lines.append(f"{'  ' * level}<{error}>")

        visit(root, depth)
        return "\n".join(lines)


if __name__ == "__main__":
    session = Session(sys.argv[1]).start()
    try:
        print(session.dump())
    finally:
        session.stop()
