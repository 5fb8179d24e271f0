"""Helpers for exercise checks, documented with examples in docs/authoring-exercises.md.

A check is Python code run after the learner's program, in a copy of its namespace; it passes
when it runs to the end. Besides the program's globals it sees `stdout` (what the program
printed), `source` (its text) and the public functions of this module. The runner calls
`_begin(source)` before the checks so that the source helpers know what to look at.

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
]

_source = ""
_tree = None


def _begin(source):
    """Remembers the learner's program for the source helpers; parsing waits until one asks."""
    global _source, _tree
    _source, _tree = source, None


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
