"""Helpers for exercise checks, documented in the README (Exercises, How checks run).

A check is Python code run after the learner's program, in a copy of its namespace; it passes
when it runs to the end. Besides the program's globals it sees `stdout` (what the program
printed), `source` (its text), `drawing` (what it drew with `turtle`, see `Drawing`) and the
public functions of this module. The runner calls `_begin(source, drawing)` before the checks so
that the helpers know what to look at.

Each helper fails with an `AssertionError` whose message is written for the learner.
"""

import ast as _ast
import io as _io
import sys as _sys

__all__ = [
    "assert_equal",
    "assert_close",
    "output_of",
    "run_program",
    "defines_function",
    "defines_class",
    "uses",
    "does_not_use",
    "calls",
    "does_not_call",
    "drawing",
    "drew_polygon",
]

_source = ""
_tree = None


def _begin(source, drawing_summary=None):
    """Remembers the learner's program for the source helpers (parsing waits until one asks)
    and what it drew: the summary of Pylings' turtle module, None if it never imported it."""
    global _source, _tree, drawing
    _source, _tree = source, None
    drawing = Drawing(drawing_summary)


def _parsed():
    global _tree
    if _tree is None:
        _tree = _ast.parse(_source)
    return _tree


def assert_equal(actual, expected, what=None):
    """Fails unless `actual == expected`, naming `what` (e.g. "area(2, 3)") in the message."""
    if actual != expected:
        subject = "`%s`" % what if what else "the value"
        raise AssertionError(
            "Expected %s to be %r, but it was %r." % (subject, expected, actual)
        )


def assert_close(actual, expected, what=None, tolerance=1e-9):
    """Like `assert_equal` for floats: equal within a relative `tolerance`."""
    import math

    subject = "`%s`" % what if what else "the value"
    if not isinstance(actual, (int, float)) or not math.isclose(
        actual, expected, rel_tol=tolerance, abs_tol=tolerance
    ):
        raise AssertionError(
            "Expected %s to be about %r, but it was %r." % (subject, expected, actual)
        )


class _Capture:
    """Replaces `sys.stdout` (and `sys.stdin` if given) while a block runs, keeping the text."""

    def __init__(self, stdin=None):
        self.text = _io.StringIO()
        self.stdin = stdin

    def __enter__(self):
        self.saved = _sys.stdout, _sys.stdin
        _sys.stdout = self.text
        if self.stdin is not None:
            _sys.stdin = _io.StringIO(self.stdin)
        return self

    def __exit__(self, *exc):
        _sys.stdout, _sys.stdin = self.saved
        return False


def output_of(function, *args, **kwargs):
    """What calling `function(*args, **kwargs)` prints, as one string."""
    with _Capture() as capture:
        function(*args, **kwargs)
    return capture.text.getvalue()


def run_program(stdin=""):
    """What the learner's program prints when run again in a fresh namespace.

    `stdin` is what `input()` reads, lines ending in newlines (`"Ada\\n36\\n"`). Errors raised by
    the program propagate, so the check fails with them.
    """
    namespace = {"__name__": "__main__", "__builtins__": __builtins__}
    with _Capture(stdin) as capture:
        exec(compile(_source, "main.py", "exec"), namespace)
    return capture.text.getvalue()


def _functions():
    return [
        node
        for node in _ast.walk(_parsed())
        if isinstance(node, (_ast.FunctionDef, _ast.AsyncFunctionDef))
    ]


def defines_function(name, parameters=None):
    """Fails unless the program has `def name(...)`, with `parameters` parameters if given."""
    found = [node for node in _functions() if node.name == name]
    if not found:
        raise AssertionError("Your program should define a function called `%s`." % name)
    if parameters is not None:
        arguments = found[0].args
        count = (
            len(arguments.posonlyargs)
            + len(arguments.args)
            + len(arguments.kwonlyargs)
            + (arguments.vararg is not None)
            + (arguments.kwarg is not None)
        )
        if count != parameters:
            raise AssertionError(
                "`%s` should take %d parameter%s, but it takes %d."
                % (name, parameters, "" if parameters == 1 else "s", count)
            )


def defines_class(name):
    """Fails unless the program has `class name`."""
    if not any(
        isinstance(node, _ast.ClassDef) and node.name == name
        for node in _ast.walk(_parsed())
    ):
        raise AssertionError("Your program should define a class called `%s`." % name)


def _is_decorated(node):
    return bool(getattr(node, "decorator_list", None))


# Each construct a check may ask about, and how to recognise it in the syntax tree.
_CONSTRUCTS = {
    "for": lambda n: isinstance(n, (_ast.For, _ast.AsyncFor)),
    "while": lambda n: isinstance(n, _ast.While),
    "if": lambda n: isinstance(n, (_ast.If, _ast.IfExp)),
    "def": lambda n: isinstance(n, (_ast.FunctionDef, _ast.AsyncFunctionDef)),
    "class": lambda n: isinstance(n, _ast.ClassDef),
    "return": lambda n: isinstance(n, _ast.Return),
    "lambda": lambda n: isinstance(n, _ast.Lambda),
    "comprehension": lambda n: isinstance(n, (_ast.ListComp, _ast.SetComp, _ast.DictComp)),
    "generator-expression": lambda n: isinstance(n, _ast.GeneratorExp),
    "f-string": lambda n: isinstance(n, _ast.JoinedStr),
    "with": lambda n: isinstance(n, (_ast.With, _ast.AsyncWith)),
    "try": lambda n: isinstance(n, _ast.Try),
    "raise": lambda n: isinstance(n, _ast.Raise),
    "yield": lambda n: isinstance(n, (_ast.Yield, _ast.YieldFrom)),
    "await": lambda n: isinstance(n, _ast.Await),
    "async def": lambda n: isinstance(n, _ast.AsyncFunctionDef),
    "match": lambda n: isinstance(n, _ast.Match),
    "import": lambda n: isinstance(n, (_ast.Import, _ast.ImportFrom)),
    "global": lambda n: isinstance(n, _ast.Global),
    "nonlocal": lambda n: isinstance(n, _ast.Nonlocal),
    "assert": lambda n: isinstance(n, _ast.Assert),
    "break": lambda n: isinstance(n, _ast.Break),
    "continue": lambda n: isinstance(n, _ast.Continue),
    "decorator": _is_decorated,
}


def _contains(construct):
    try:
        test = _CONSTRUCTS[construct]
    except KeyError:
        raise ValueError(
            "unknown construct %r; known: %s" % (construct, ", ".join(sorted(_CONSTRUCTS)))
        ) from None
    return any(test(node) for node in _ast.walk(_parsed()))


def uses(construct):
    """Fails unless the program contains `construct` (e.g. "for", "f-string", "with")."""
    if not _contains(construct):
        raise AssertionError("Your program should use `%s`." % construct)


def does_not_use(construct):
    """Fails if the program contains `construct`."""
    if _contains(construct):
        raise AssertionError("Try this without using `%s`." % construct)


def _called_names():
    for node in _ast.walk(_parsed()):
        if isinstance(node, _ast.Call):
            if isinstance(node.func, _ast.Name):
                yield node.func.id
            elif isinstance(node.func, _ast.Attribute):
                yield node.func.attr


def calls(name):
    """Fails unless the program calls a function or method called `name`."""
    if name not in set(_called_names()):
        raise AssertionError("Your program should call `%s`." % name)


def does_not_call(name):
    """Fails if the program calls a function or method called `name`."""
    if name in set(_called_names()):
        raise AssertionError("Try this without calling `%s`." % name)


class Drawing:
    """What the program drew with `turtle`, as the screen shows it at the end (what `clear()`,
    `reset()` and `clearstamp()` removed is gone). Empty when it did not use turtle.

    Points are `(x, y)` tuples and sizes floats, rounded to 2 decimals; colours are '#rrggbb'.

    - `lines`: `((x1, y1), (x2, y2), color, width)` for each line, in drawing order;
    - `fills`: `(points, color)` for each filled shape;
    - `dots`: `((x, y), diameter, color)`; `stamps`: `((x, y), shape)`;
      `texts`: `((x, y), text, color)`;
    - `position` and `heading`: where the default turtle (the one behind the module functions)
      ended, or else the first turtle created; `(0.0, 0.0)` and `0.0` without one;
    - `turtles`: each turtle's final state, with attributes `position`, `heading`,
      `pencolor`, `fillcolor`, `pensize`, `pendown`, `visible` and `shape`;
    - `background`: the background colour.
    """

    def __init__(self, summary=None):
        import types

        summary = summary or {"ops": [], "turtles": [], "default": None,
                              "background": "#ffffff"}
        self.turtles = [types.SimpleNamespace(**state) for state in summary["turtles"]]
        main = summary["default"] or (summary["turtles"] or [None])[0]
        self.position = main["position"] if main else (0.0, 0.0)
        self.heading = main["heading"] if main else 0.0
        self.background = summary["background"]
        self._marks = []  # (kind, turtle id, stamp id, value) in drawing order
        for op in summary["ops"]:
            self._replay(op)
        for kind in ("lines", "fills", "dots", "stamps", "texts"):
            setattr(self, kind, [value for mark, *_, value in self._marks if mark == kind])

    def _lines_by_turtle(self):
        """Each turtle's lines, in drawing order."""
        lines = {}
        for mark, turtle, _, value in self._marks:
            if mark == "lines":
                lines.setdefault(turtle, []).append(value)
        return lines.values()

    def _replay(self, op):
        """Applies one recorded operation to the marks on the screen."""
        kind, turtle = op["op"], op.get("t")
        if kind == "line":
            self._mark("lines", turtle, (tuple(op["a"]), tuple(op["b"]), op["c"], op["w"]))
        elif kind == "fill":
            self._mark("fills", turtle, (tuple(tuple(point) for point in op["p"]), op["c"]))
        elif kind == "dot":
            self._mark("dots", turtle, (tuple(op["xy"]), op["d"], op["c"]))
        elif kind == "stamp":
            self._mark("stamps", turtle, (tuple(op["xy"]), op["shape"]), op["id"])
        elif kind == "text":
            self._mark("texts", turtle, (tuple(op["xy"]), op["s"], op["c"]))
        elif kind == "clear":
            self._marks = [mark for mark in self._marks if mark[1] != turtle]
        elif kind == "clearstamp":
            self._marks = [mark for mark in self._marks if mark[2] != op["id"]]
        elif kind == "reset":
            self._marks = []
            self.background = "#ffffff"
        elif kind == "bg":
            self.background = op["c"]

    def _mark(self, kind, turtle, value, stamp=None):
        self._marks.append((kind, turtle, stamp, value))

    def __repr__(self):
        return "<drawing: %d lines, %d fills, %d dots, %d stamps, %d texts>" % (
            len(self.lines), len(self.fills), len(self.dots), len(self.stamps), len(self.texts))


drawing = Drawing()


def _is_regular_polygon(lines, length, tolerance=0.5):
    """True when `lines` join end to start, all as long (as `length` if given), turn by the
    same angle each time, and the last ends where the first began."""
    import math

    sizes = [math.dist(a, b) for a, b, *_ in lines]
    side = sizes[0] if length is None else length
    if side <= tolerance or any(abs(size - side) > tolerance for size in sizes):
        return False
    for (_, end, *_), (start, *_) in zip(lines, lines[1:] + lines[:1]):
        if math.dist(end, start) > tolerance:
            return False
    directions = [math.atan2(b[1] - a[1], b[0] - a[0]) for a, b, *_ in lines]
    turns = [(math.degrees(after - before) + 180) % 360 - 180
             for before, after in zip(directions, directions[1:] + directions[:1])]
    return all(abs(turn - turns[0]) < 1 for turn in turns)


def drew_polygon(sides, length=None):
    """Fails unless one turtle drew a regular polygon (or star) of `sides` sides, of `length`
    if given: that many lines one after the other, each starting where the last ended, all as
    long, turning by the same angle, the last ending where the first began."""
    if sides < 3:
        raise ValueError("a polygon has at least 3 sides")
    for lines in drawing._lines_by_turtle():
        for start in range(len(lines) - sides + 1):
            if _is_regular_polygon(lines[start:start + sides], length):
                return
    size = " of length %g" % length if length is not None else ""
    raise AssertionError(
        "Your drawing should have a regular shape with %d sides%s." % (sides, size))
