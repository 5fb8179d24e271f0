"""Records a learner program step by step for the page's visualiser (Python Tutor's idea, with no
server): `Recorder.trace` is installed with `sys.settrace` for one run and snapshots, at every
`call`, `line`, `return` and `exception` event in `main.py`, the learner's frames and the objects
reachable from their names. Nothing is traced unless the learner presses Visualise.

The recording, as `Recorder.to_json()` gives it (all line numbers 1-based, in `main.py`):

  {"steps": [step, ...], "objects": [object, ...], "output": text, "limit": null | "steps",
   "clipped": bool}

  step    {"event": "call" | "line" | "return" | "exception", "line": the line the event is
           about (for "line", the line about to run), "frames": [frame, ...] outermost
           (`<module>`) first, "heap": [[object number, index into "objects"], ...] the objects
           drawn at this step in the order they were reached, "out": how many characters of
           "output" had been written, and for "exception" "exc": "ValueError: message"}
  frame   {"name": function name, "line": its current line, "locals": [[name, value], ...],
           and for the frame returning at a "return" step "ret": value}
  value   a string: the `repr` of a small immutable value drawn inline (int, float, complex,
          bool, None, str, bytes, range), clipped to 60 characters; or a number: the object
          with that number (numbers are given in order of first sight and never reused: the
          recorder keeps every numbered object alive until the run ends, so an id is never
          recycled); or "…": an object left out because the step already had 200
  object  one of
          {"kind": "seq", "type": "list" | "tuple" | "set" | ..., "items": [value], "more": n}
          {"kind": "dict", "type": "dict" | ..., "entries": [[key text, value]], "more": n}
          {"kind": "instance", "type": class name, "attrs": [[name, value]]}
          {"kind": "class", "name", "bases": [name], "attrs": [[name, value]]}
          {"kind": "function", "name", "params": [name], "defaults": [[name, value]],
           "cells": [[name, value]]}   (the parameters' default values, the closure's cells)
          {"kind": "generator", "name", "state": "created" | "suspended" | "running" |
           "finished", "line": null | n, "locals": [[name, value]]}
          {"kind": "module", "name"}
          {"kind": "other", "type": type name, "repr": clipped repr}
          Identical object states are stored once: a list that does not change across 500 steps
          is one entry of "objects", which the steps' heaps point at.

"limit": "steps" when the program ran past MAX_STEPS events: the recorder then ended it (with
`StepLimit`, which the runner does not report as an error), so an endless loop ends the
recording, never the page. "clipped" is true when some step had more than MAX_OBJECTS objects.

Objects are described without running learner code: a user class's instance shows its
attributes, not its `__repr__`; containers show at most MAX_ITEMS items. Objects of the
standard library are shown by name and clipped `repr`, not expanded.
"""

import sys

# The runner's names for the learner's file, exception types and messages, so that the recording
# names them as tracebacks do.
from _pylings_runner import MAIN_FILE, _message, _type_name

MAX_STEPS = 1000
MAX_OBJECTS = 200
MAX_ITEMS = 40
MAX_REPR = 60
MAX_OUTPUT = 100_000
LEFT_OUT = "…"

_FunctionType = type(lambda: None)


def _generator():
    yield


_GeneratorType = type(_generator())


class _Probe:
    def method(self):
        pass


_BoundMethodType = type(_Probe().method)
_INLINE = (int, float, complex, bool, str, bytes, range, type(None))
_CO_VARARGS, _CO_VARKEYWORDS = 0x04, 0x08


class StepLimit(BaseException):
    """Raised into the program when it passes MAX_STEPS events. A BaseException, so that the
    learner's `except Exception` does not catch it."""


def _clip(text):
    return text if len(text) <= MAX_REPR else text[: MAX_REPR - 1] + LEFT_OUT


def _short_repr(value):
    """repr() clipped; never fails, and never turns a huge int into digits."""
    if type(value) is int and value.bit_length() > 200:
        return "<int of about %d digits>" % int(value.bit_length() * 0.30103)
    try:
        return _clip(repr(value))
    except Exception:
        return "<%s>" % _type_name(type(value))


def _is_learners(kind):
    return getattr(kind, "__module__", None) == "__main__"


def _is_dunder(name):
    return name.startswith("__") and name.endswith("__")


class _Step:
    """The objects of the snapshot being taken: numbered, described breadth-first."""

    def __init__(self):
        self.included = set()
        self.queue = []
        self.clipped = False


class Recorder:
    """Collects the steps of one run; `output_length()` tells how much has been written."""

    def __init__(self, output_length):
        self.output_length = output_length
        self.steps = []
        self.objects = []
        self.known = {}
        self.numbers = {}
        self.alive = []
        self.limit = None
        self.clipped = False

    def trace(self, frame, event, arg):
        if frame.f_code.co_filename != MAIN_FILE:
            return None
        if event == "call" and frame.f_code.co_name == "<module>":
            return self.trace  # the module starting: its first line is the first step
        if len(self.steps) >= MAX_STEPS:
            self.limit = "steps"
            raise StepLimit()
        self._snapshot(frame, event, arg)
        return self.trace

    def ended_by(self, error):
        """True when `error` is the recorder's own StepLimit, not the program's failure."""
        return isinstance(error, StepLimit)

    def to_json(self, output):
        """The recording as JSON text; `output` is what the program wrote (clipped to
        MAX_OUTPUT characters)."""
        import json

        return json.dumps({
            "steps": self.steps,
            "objects": [self._object_json(record) for record in self.objects],
            "output": output[:MAX_OUTPUT],
            "limit": self.limit,
            "clipped": self.clipped,
        }, ensure_ascii=False, separators=(",", ":"))

    # Snapshots

    def _snapshot(self, frame, event, arg):
        frames = []
        walk = frame
        while walk is not None:
            if walk.f_code.co_filename == MAIN_FILE:
                frames.append(walk)
            walk = walk.f_back
        frames.reverse()
        step = _Step()
        shown = []
        for each in frames:
            entry = {
                "name": each.f_code.co_name,
                "line": each.f_lineno,
                "locals": [[name, self._value(value, step)] for name, value in _names(each)],
            }
            if each is frame and event == "return":
                entry["ret"] = self._value(arg, step)
            shown.append(entry)
        heap = []
        position = 0
        while position < len(step.queue):
            obj = step.queue[position]
            position += 1
            record = self._describe(obj, step)
            index = self.known.get(record)
            if index is None:
                index = self.known[record] = len(self.objects)
                self.objects.append(record)
            heap.append([self.numbers[id(obj)], index])
        if step.clipped:
            self.clipped = True
        entry = {"event": event, "line": frame.f_lineno, "frames": shown, "heap": heap,
                 "out": min(self.output_length(), MAX_OUTPUT)}
        if event == "exception":
            kind, value = arg[0], arg[1]
            message = _message(value)
            entry["exc"] = _type_name(kind) + (": " + message if message else "")
        self.steps.append(entry)

    def _value(self, value, step):
        if type(value) in _INLINE:
            return _short_repr(value)
        key = id(value)
        number = self.numbers.get(key)
        if number is None:
            number = self.numbers[key] = len(self.alive) + 1
            self.alive.append(value)
        if number not in step.included:
            if len(step.included) >= MAX_OBJECTS:
                step.clipped = True
                return LEFT_OUT
            step.included.add(number)
            step.queue.append(value)
        return number

    def _describe(self, obj, step):
        """A hashable description of `obj`'s state (see the module's docstring)."""
        kind = type(obj)
        value = lambda item: self._value(item, step)
        if isinstance(obj, (list, tuple, set, frozenset)) or _type_name(kind) == "collections.deque":
            items = list(obj)
            shown = tuple(value(item) for item in items[:MAX_ITEMS])
            return ("seq", _type_name(kind), shown, max(len(items) - MAX_ITEMS, 0))
        if isinstance(obj, dict):
            pairs = list(obj.items())
            shown = tuple((_label(key), value(item)) for key, item in pairs[:MAX_ITEMS])
            return ("dict", _type_name(kind), shown, max(len(pairs) - MAX_ITEMS, 0))
        if kind is _FunctionType and obj.__code__.co_filename == MAIN_FILE:
            code = obj.__code__
            cells = []
            for name, cell in zip(code.co_freevars, obj.__closure__ or ()):
                try:
                    cells.append((name, value(cell.cell_contents)))
                except ValueError:
                    cells.append((name, "<not set yet>"))
            return ("function", obj.__qualname__ or obj.__name__, _params(code),
                    tuple((name, value(item)) for name, item in _defaults(obj)), tuple(cells))
        if kind is _GeneratorType and obj.gi_code.co_filename == MAIN_FILE:
            frame = obj.gi_frame
            if frame is None:
                state, line, names = "finished", None, ()
            else:
                state = "running" if obj.gi_running else (
                    "suspended" if getattr(obj, "gi_suspended", True) else "created")
                line = frame.f_lineno
                names = tuple((name, value(item)) for name, item in _names(frame))
            return ("generator", obj.__qualname__ or obj.__name__, state, line, names)
        if isinstance(obj, type) and _is_learners(obj):
            attrs = tuple((name, value(item)) for name, item in vars(obj).items()
                          if not _is_dunder(name) or type(item) is _FunctionType)
            bases = tuple(_type_name(base) for base in obj.__bases__ if base is not object)
            return ("class", obj.__qualname__ or obj.__name__, bases, attrs)
        if _is_learners(kind) and not isinstance(obj, BaseException):
            return ("instance", _type_name(kind), tuple((name, value(item)) for name, item in _attributes(obj)))
        if kind is type(sys):
            return ("module", obj.__name__)
        if kind is _BoundMethodType:
            owner = _type_name(type(obj.__self__))
            return ("other", "method", "%s.%s of a %s" % (owner, obj.__func__.__name__, owner))
        if _is_learners(kind):  # the learner's own exception class: no user __repr__ is run
            return ("other", _type_name(kind), _clip(_type_name(kind) + repr(obj.args)))
        return ("other", _type_name(kind), _short_repr(obj))

    @staticmethod
    def _object_json(record):
        kind = record[0]
        if kind == "seq":
            return {"kind": kind, "type": record[1], "items": record[2], "more": record[3]}
        if kind == "dict":
            return {"kind": kind, "type": record[1], "entries": record[2], "more": record[3]}
        if kind == "instance":
            return {"kind": kind, "type": record[1], "attrs": record[2]}
        if kind == "class":
            return {"kind": kind, "name": record[1], "bases": record[2], "attrs": record[3]}
        if kind == "function":
            return {"kind": kind, "name": record[1], "params": record[2], "defaults": record[3],
                    "cells": record[4]}
        if kind == "generator":
            return {"kind": kind, "name": record[1], "state": record[2], "line": record[3],
                    "locals": record[4]}
        if kind == "module":
            return {"kind": kind, "name": record[1]}
        return {"kind": kind, "type": record[1], "repr": record[2]}


def _names(frame):
    """The names a frame shows: a function's locals; the module's globals without dunders."""
    names = frame.f_locals
    if frame.f_code.co_name == "<module>":
        return [(name, value) for name, value in names.items() if not _is_dunder(name)]
    return list(names.items())


def _attributes(obj):
    """An instance's attributes: its `__dict__`, then its `__slots__` that are set."""
    found = list(getattr(obj, "__dict__", {}).items())
    for kind in type(obj).__mro__:
        slots = kind.__dict__.get("__slots__", ())
        for name in (slots,) if isinstance(slots, str) else slots:
            if name not in ("__dict__", "__weakref__"):
                try:
                    found.append((name, object.__getattribute__(obj, name)))
                except AttributeError:
                    pass
    return found


def _params(code):
    """The parameter names of a function, `*args` and `**kwargs` marked."""
    names = code.co_varnames
    positional, keyword_only = code.co_argcount, code.co_kwonlyargcount
    params = list(names[:positional])
    at = positional + keyword_only
    if code.co_flags & _CO_VARARGS:
        params.append("*" + names[at])
        at += 1
    elif keyword_only:
        params.append("*")
    params.extend(names[positional:positional + keyword_only])
    if code.co_flags & _CO_VARKEYWORDS:
        params.append("**" + names[at])
    return tuple(params)


def _defaults(function):
    """(parameter name, default value) of each parameter that has one."""
    code = function.__code__
    positional = code.co_varnames[:code.co_argcount]
    defaults = function.__defaults__ or ()
    found = list(zip(positional[len(positional) - len(defaults):], defaults))
    return found + list((function.__kwdefaults__ or {}).items())


def _label(key):
    """A dict key as text: its repr when that runs no learner code, else its type's name."""
    if type(key) in _INLINE:
        return _short_repr(key)
    if type(key) is tuple and all(type(item) in _INLINE for item in key):
        return _short_repr(key)
    return "<%s>" % _type_name(type(key))

