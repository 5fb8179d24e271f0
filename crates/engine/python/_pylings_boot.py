"""Start-up of the Pylings interpreter: runs once, before any learner code.

It gives the interpreter what a browser lacks and CPython's stdlib expects: `sys.stdout` and
`sys.stderr` that stream to the page, clocks and `time.sleep` from the host, an in-memory
`posix` so that `os`, `pathlib` and `open()` work, and honest `sys` facts.
"""

import sys
import _pylings_host as _host
import _io


# Characters of output still to be suppressed while a run replays answers given to `input()`
# (see `_pylings_runner`): that output is already on the learner's screen. Sleeps are skipped
# meanwhile, so the replay catches up at once.
replay_skip = 0

# The drawing of the current run: Pylings' `turtle` module (`_pylings_turtle`) once the program
# imports it, which streams what it draws to the host in batches. None for other programs.
drawing = None
# True while an exercise is checked: the turtle module then keeps every operation for the checks.
keep_drawing = False


def flush_drawing():
    """Sends what the program has drawn and not yet sent to the host."""
    if drawing is not None:
        drawing._pylings_flush()


class HostStream(_io._TextIOBase):
    """A text stream whose writes go straight to the host (the output panel)."""

    def __init__(self, number, name):
        self._number = number
        self._name = name

    @property
    def name(self):
        return self._name

    @property
    def encoding(self):
        return "utf-8"

    @property
    def errors(self):
        return "strict"

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError("write() argument must be str, not " + type(text).__name__)
        global replay_skip
        length = len(text)
        if replay_skip:
            skipped = min(replay_skip, length)
            replay_skip -= skipped
            text = text[skipped:]
        if text:
            _host.write(self._number, text)
        return length

    def writable(self):
        return True

    def readable(self):
        return False

    def isatty(self):
        return False

    def flush(self):
        pass


def install_streams():
    sys.stdout = sys.__stdout__ = HostStream(0, "<stdout>")
    sys.stderr = sys.__stderr__ = HostStream(1, "<stderr>")
    sys.stdin = sys.__stdin__ = _io.StringIO("")


def install_clocks():
    import time

    def sleep(seconds):
        """Suspends the program for the given number of seconds."""
        seconds = float(seconds)
        if seconds < 0:
            raise ValueError("sleep length must be non-negative")
        if not replay_skip:
            flush_drawing()  # so that the page shows the drawing while the program waits
            _host.sleep(seconds)

    time.time = _host.time
    time.time_ns = _host.time_ns
    time.monotonic = time.perf_counter = time.process_time = time.thread_time = _host.monotonic
    time.monotonic_ns = time.perf_counter_ns = _host.monotonic_ns
    time.process_time_ns = time.thread_time_ns = _host.monotonic_ns
    time.sleep = sleep
    time.get_clock_info = _clock_info
    # RustPython on wasm leaves out the time zone attributes; its localtime() is UTC there.
    for name, value in (("tzname", ("UTC", "UTC")), ("timezone", 0), ("altzone", 0), ("daylight", 0)):
        if not hasattr(time, name):
            setattr(time, name, value)


def _clock_info(name):
    """Describes the clocks installed above (time.get_clock_info)."""
    from types import SimpleNamespace
    clocks = {
        "time": ("Date.now()", False, True, 1e-3),
        "monotonic": ("performance.now()", True, False, 1e-6),
        "perf_counter": ("performance.now()", True, False, 1e-6),
        "process_time": ("performance.now()", True, False, 1e-6),
        "thread_time": ("performance.now()", True, False, 1e-6),
    }
    if name not in clocks:
        raise ValueError("unknown clock")
    implementation, monotonic, adjustable, resolution = clocks[name]
    return SimpleNamespace(implementation=implementation, monotonic=monotonic,
                           adjustable=adjustable, resolution=resolution)


class _AliasFinder:
    """Imports our browser stand-ins under the names the standard library imports.

    Used for modules that RustPython leaves out without an OS (`_signal`, `select`, ...) and for
    `_socket`, whose wasm build we replace so that learner code has no network access.
    """

    ALIASES = {
        "_signal": "_pylings_signal",
        "_socket": "_pylings_socket",
        "select": "_pylings_select",
        "_posixsubprocess": "_pylings_posixsubprocess",
    }

    @classmethod
    def find_spec(cls, name, path=None, target=None):
        if name not in cls.ALIASES:
            return None
        from _frozen_importlib import ModuleSpec
        return ModuleSpec(name, cls)

    @classmethod
    def create_module(cls, spec):
        return __import__(cls.ALIASES[spec.name])

    @staticmethod
    def exec_module(module):
        pass


def install_os():
    import _pylings_errno
    sys.modules["errno"] = _pylings_errno
    sys.meta_path.insert(0, _AliasFinder)
    import _pylings_posix
    sys.modules["posix"] = _pylings_posix
    sys.builtin_module_names = tuple(sorted(set(sys.builtin_module_names) | {"posix"}))
    # The native _datetime reads the clock through Rust's std, which panics on wasm32: use the
    # pure-Python implementation, which reads time.time() installed above.
    sys.modules["_datetime"] = None
    import os  # noqa: F401  (the first import binds os to the posix layer above)
    # Without an OS, RustPython skips the path-based importers: install them over our posix, so
    # that `import helper` finds the learner's `helper.py` (and packages) on the filesystem.
    import _frozen_importlib

    _frozen_importlib._install_external_importers()
    # The standard library beyond what is frozen in: fetched on first import, after the path
    # finder has looked for a learner's module of that name.
    import _pylings_stdlib

    _pylings_stdlib.install()


def install_open():
    import builtins
    import io
    from _pylings_files import open
    builtins.open = io.open = _io.open = open
    # The path importer reads source files through open_code, natively a FileIO.
    io.open_code = _io.open_code = lambda path: open(path, "rb")


def install_sys():
    sys.platform = "browser"
    sys.argv = ["main.py"]
    sys.executable = ""
    sys.path[:] = [p for p in sys.path if p] or []
    sys.dont_write_bytecode = True


install_streams()
install_clocks()
install_os()
install_open()
install_sys()
