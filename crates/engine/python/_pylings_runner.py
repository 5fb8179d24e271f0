"""Runs one learner program and describes how it ended; checks exercises.

`run(source, stdin, interactive, skip_output, seed, visualise)` compiles and executes the
program as `main.py` in a fresh `__main__` module (modules the learner wrote to the filesystem are
imported afresh) and returns `(result, recording)`. `result` is None when it finished,
`INPUT_NEEDED` when it is interactive and `input()` wants a line beyond `stdin`, or a tuple
describing the error:
`(type name, message, line or None, column or None, traceback text, explanation or None)`,
the explanation coming from `_pylings_friendly`.

`recording` is None unless `visualise` is true: then `_pylings_trace` records every step, and
it is the recording as JSON text (None again when the run stopped for input: its replay records
it whole).

`check(source, stdin, checks)` runs the program the same way, then each check (see
`pylings_check`) in a copy of its namespace, and returns `(error, results)`: `error` as above
for the program (then `results` is empty), and one `(passed, message, error)` per check.

A program that imports `turtle` gets Pylings' own (`_pylings_turtle`), afresh in each run; what
it drew and has not sent yet is sent to the host when the program ends, however it ends.

The traceback is formatted here rather than by the `traceback` module: importing that costs
tens of milliseconds at the first error, and we show only the learner's own frames, never the
runner's or the standard library's internals above them.
"""

import sys
import _io
import _pylings_boot
import _pylings_posix

MAIN_FILE = "main.py"
INPUT_NEEDED = "input-needed"


class InputNeeded(BaseException):
    """`input()` wants a line the learner has not typed yet. A BaseException, so that the
    learner's `except Exception` does not catch it."""


class _InteractiveStdin(_io.StringIO):
    """The answers typed so far; asking for one more ends the run with `InputNeeded`."""

    def readline(self, size=-1):
        line = super().readline(size)
        if not line:
            raise InputNeeded()
        return line

    def read(self, size=-1):
        raise InputNeeded()
_REPEAT_LIMIT = 3  # as CPython: identical frames beyond 3 in a row are counted, not shown


def run(source, stdin, interactive=False, skip_output=0, seed=None, visualise=False):
    """Runs a program; returns `(result, recording)`. An interactive run replays the answers in
    `stdin`: `skip_output` characters of output (already shown) are suppressed, and `random` is
    seeded with `seed` so that the replay makes the same choices as the run it continues. With
    `visualise`, `_pylings_trace` records every step (see there); otherwise nothing is traced."""
    if seed is not None:
        import random

        random.seed(seed)
    _pylings_boot.replay_skip = skip_output
    try:
        stdin = _InteractiveStdin(stdin) if interactive else _io.StringIO(stdin)
        if not visualise:
            return _execute(source, stdin, sys.__stdout__)[0], None
        import _pylings_trace

        printed = _Tee(sys.__stdout__)
        recorder = _pylings_trace.Recorder(printed.length)
        result = _execute(source, _Echo(stdin, printed), printed, recorder)[0]
        if result == INPUT_NEEDED:
            return result, None
        return result, recorder.to_json(printed.text())
    finally:
        _pylings_boot.replay_skip = 0


def check(source, stdin, checks):
    printed = _Tee(sys.__stdout__)
    _pylings_boot.keep_drawing = True
    try:
        error, namespace = _execute(source, _io.StringIO(stdin), printed)
    finally:
        _pylings_boot.keep_drawing = False
    if error is not None and error[0] != "SystemExit":
        return error, []
    import pylings_check

    drawing = _pylings_boot.drawing
    pylings_check._begin(source, drawing._pylings_summary() if drawing is not None else None)
    helpers = {name: getattr(pylings_check, name) for name in pylings_check.__all__}
    stdout = printed.text()
    return error, [_check_one(code, namespace, helpers, stdout, source) for code in checks]


def _execute(source, stdin, stdout, recorder=None):
    """Runs `source` as the `__main__` module reading `stdin` (a text stream); returns (error
    tuple, `INPUT_NEEDED` or None, and the module's namespace). With a `recorder`
    (`_pylings_trace.Recorder`), the program runs traced by it."""
    _pylings_posix._reset()
    _forget_learner_modules()
    _forget_drawing()
    _put_script_directory_first()
    sys.stdin = sys.__stdin__ = stdin
    sys.stdout, sys.stderr = stdout, sys.__stderr__
    sys.argv = [MAIN_FILE]
    main = type(sys)("__main__")
    main.__file__ = MAIN_FILE
    main.__builtins__ = __builtins__
    sys.modules["__main__"] = main
    try:
        code = compile(source, MAIN_FILE, "exec")
    except SyntaxError as error:
        return _describe(error, source), main.__dict__
    try:
        if recorder is not None:
            sys.settrace(recorder.trace)
        exec(code, main.__dict__)
    except SystemExit as error:
        return _exit(error), main.__dict__
    except InputNeeded:
        return INPUT_NEEDED, main.__dict__
    except BaseException as error:
        if recorder is not None and recorder.ended_by(error):
            return None, main.__dict__
        return _describe(error, source), main.__dict__
    finally:
        sys.settrace(None)
        _flush()
        _pylings_boot.flush_drawing()
        sys.stdout = sys.__stdout__
    return None, main.__dict__


def _put_script_directory_first():
    """As CPython does for `python main.py`: `main.py`'s directory (the working directory) comes
    first on `sys.path`, so the learner's own modules can be imported."""
    home = _pylings_posix.getcwd()
    if not sys.path or sys.path[0] != home:
        sys.path[:] = [home] + [path for path in sys.path if path != home]
    # What importlib.invalidate_caches() does for the path entry finders (so files the program
    # just wrote are found), without its last step: that imports importlib.metadata, and with
    # it zipfile, email and json, for a cache of installed distributions Pylings never has.
    for entry, finder in list(sys.path_importer_cache.items()):
        if finder is None:
            del sys.path_importer_cache[entry]
        elif hasattr(finder, "invalidate_caches"):
            finder.invalidate_caches()


def _forget_learner_modules():
    """Drops modules imported from the in-memory filesystem, whose files were just cleared, so
    that each run imports the learner's modules afresh."""
    root = _pylings_posix.getcwd().split("/")[1]
    for name, module in list(sys.modules.items()):
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.startswith("/" + root + "/"):
            del sys.modules[name]


def _forget_drawing():
    """Drops the previous run's turtle module, so that this run draws on a fresh screen."""
    module = _pylings_boot.drawing
    if module is not None and sys.modules.get(module.__name__) is module:
        del sys.modules[module.__name__]
    _pylings_boot.drawing = None


class _Tee:
    """A stdout that passes text on to the real one and also keeps it, for checks and for the
    visualiser (which also keeps the lines typed in, as a terminal shows them)."""

    def __init__(self, stream):
        self._stream, self._parts, self._length = stream, [], 0

    def write(self, text):
        self.keep(text)
        return self._stream.write(text)

    def keep(self, text):
        self._parts.append(text)
        self._length += len(text)

    def length(self):
        return self._length

    def flush(self):
        self._stream.flush()

    def text(self):
        return "".join(self._parts)

    def __getattr__(self, name):
        return getattr(self._stream, name)


class _Echo:
    """A stdin that also keeps each line it gives in `tee`, as a terminal shows typed input."""

    def __init__(self, stream, tee):
        self._stream, self._tee = stream, tee

    def readline(self, size=-1):
        line = self._stream.readline(size)
        self._tee.keep(line)
        return line

    def __getattr__(self, name):
        return getattr(self._stream, name)


def _check_one(code, namespace, helpers, stdout, source):
    """Runs one check with its own stdout, so what it prints stays out of the learner's output."""
    scope = dict(namespace)
    scope.update(helpers)
    scope["stdout"], scope["source"] = stdout, source
    sys.stdout = _io.StringIO()
    try:
        exec(compile(code, "<check>", "exec"), scope)
    except AssertionError as error:
        return (False, _message(error) or None, None)
    except BaseException as error:
        return (False, None, _describe(error, source))
    finally:
        sys.stdout = sys.__stdout__
    return (True, None, None)


def _flush():
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            pass


def _exit(error):
    """sys.exit(): 0 or None is success; an int is a status; anything else is printed."""
    code = error.code
    if code is None or code == 0:
        return None
    if not isinstance(code, int):
        sys.stderr.write(str(code) + "\n")
        code = 1
    return ("SystemExit", str(code), None, None, "", None)


def _type_name(kind):
    module = getattr(kind, "__module__", "builtins")
    if module in ("builtins", "__main__"):
        return kind.__qualname__
    return module + "." + kind.__qualname__


def _message(error):
    try:
        return str(error)
    except Exception:
        return "<exception str() failed>"


def _source_line(source, lineno):
    lines = source.splitlines()
    if lineno is not None and 1 <= lineno <= len(lines):
        return lines[lineno - 1].strip()
    return None


def _learner_frames(tb):
    """(filename, line, function) of each frame in the learner's files, outermost first."""
    frames = []
    while tb is not None:
        code = tb.tb_frame.f_code
        if code.co_filename == MAIN_FILE:
            frames.append((code.co_filename, tb.tb_lineno, code.co_name))
        tb = tb.tb_next
    return frames


def _format_frames(frames, source):
    lines = []
    previous, repeats = None, 0
    for frame in frames:
        if frame == previous:
            repeats += 1
            if repeats >= _REPEAT_LIMIT:
                continue
        else:
            if repeats >= _REPEAT_LIMIT:
                lines.append(_repeated(repeats - _REPEAT_LIMIT + 1))
            previous, repeats = frame, 0
        filename, lineno, name = frame
        lines.append('  File "%s", line %d, in %s' % (filename, lineno, name))
        text = _source_line(source, lineno)
        if text:
            lines.append("    " + text)
    if repeats >= _REPEAT_LIMIT:
        lines.append(_repeated(repeats - _REPEAT_LIMIT + 1))
    return lines


def _repeated(count):
    return "  [Previous line repeated %d more time%s]" % (count, "" if count == 1 else "s")


def _format_syntax_error(error):
    lines = ['  File "%s", line %s' % (error.filename or MAIN_FILE, error.lineno)]
    text = error.text
    if text:
        stripped = text.rstrip("\n")
        indent = len(stripped) - len(stripped.lstrip())
        lines.append("    " + stripped.strip())
        if error.offset:
            caret_at = max(error.offset - 1 - indent, 0)
            end = getattr(error, "end_offset", None)
            width = 1
            if end and getattr(error, "end_lineno", error.lineno) == error.lineno and end > error.offset:
                width = end - error.offset
            lines.append("    " + " " * caret_at + "^" * width)
    return lines


def _format_one(error, source):
    lines = []
    frames = _learner_frames(error.__traceback__)
    if frames:
        lines.append("Traceback (most recent call last):")
        lines.extend(_format_frames(frames, source))
    if isinstance(error, SyntaxError) and error.lineno is not None:
        lines.extend(_format_syntax_error(error))
        message = error.msg
    else:
        message = _message(error)
    name = _type_name(type(error))
    lines.append(name + ": " + message if message else name)
    return lines


def _format_chain(error, source, seen):
    seen.add(id(error))
    lines = []
    cause, context = error.__cause__, error.__context__
    if cause is not None and id(cause) not in seen:
        lines += _format_chain(cause, source, seen)
        lines += ["", "The above exception was the direct cause of the following exception:", ""]
    elif context is not None and not error.__suppress_context__ and id(context) not in seen:
        lines += _format_chain(context, source, seen)
        lines += ["", "During handling of the above exception, another exception occurred:", ""]
    return lines + _format_one(error, source)


def _describe(error, source):
    traceback_text = "\n".join(_format_chain(error, source, set())) + "\n"
    if isinstance(error, SyntaxError):
        message, line, column = error.msg, error.lineno, error.offset
    else:
        frames = _learner_frames(error.__traceback__)
        message, line, column = _message(error), (frames[-1][1] if frames else None), None
    import _pylings_friendly

    explanation = _pylings_friendly.explain(error, source)
    return (_type_name(type(error)), message, line, column, traceback_text, explanation)
