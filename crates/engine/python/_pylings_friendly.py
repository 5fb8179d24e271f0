"""Plain-language explanations of the errors learners meet most, with a suggestion.

`explain(error, source)` returns a short text (inline code in backticks) or None when there is
nothing kinder to say than the error itself. It runs only after a program failed, so it may
import what it needs. The messages it matches are RustPython's, which follow CPython 3.11's
wording; the "did you mean" suggestions are computed here from the names in scope, as CPython
3.10+ does, because RustPython does not add them.
"""

import re
import sys

_MAIN = "main.py"


def explain(error, source):
    """The explanation for `error`, raised by the learner program `source`, or None."""
    try:
        for kind, handler in _HANDLERS:
            if isinstance(error, kind):
                return handler(error, source)
    except Exception:
        pass  # an explanation is a courtesy: never let it hide the real error
    return None


def _close_matches(word, candidates):
    import difflib

    names = sorted({name for name in candidates if isinstance(name, str) and not name.startswith("__")})
    lower = [name for name in names if name.lower() == word.lower() and name != word]
    if lower:
        return lower[0]
    matches = difflib.get_close_matches(word, names, n=1, cutoff=0.75)
    return matches[0] if matches else None


def _innermost_frame(error):
    frame, tb = None, error.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == _MAIN:
            frame = tb.tb_frame
        tb = tb.tb_next
    return frame


def _did_you_mean(word, candidates):
    match = _close_matches(word, candidates)
    return " Did you mean `%s`?" % match if match else ""


def _name_error(error, source):
    found = re.search(r"name '(\w+)' is not defined", str(error))
    if not found:
        return None
    name = found.group(1)
    frame = _innermost_frame(error)
    scope = set(dir(__builtins__) if not isinstance(__builtins__, dict) else __builtins__)
    if frame is not None:
        scope |= set(frame.f_locals) | set(frame.f_globals)
    text = (
        "Python does not know the name `%s`. A name has to be created (by assigning to it, "
        "`def`, `class` or `import`) before the line that uses it, and spelled exactly the "
        "same way, capital letters included." % name
    )
    text += _did_you_mean(name, scope)
    if not _close_matches(name, scope):
        text += " If you meant the text %s, put it in quotes: `\"%s\"`." % (name, name)
    return text


def _unbound_local(error, source):
    found = re.search(r"local variable '(\w+)'|cannot access local variable '(\w+)'", str(error))
    name = next((group for group in found.groups() if group), "it") if found else "it"
    return (
        "`%s` is assigned somewhere inside this function, so Python treats it as a local "
        "variable in the whole function, but this line reads it before it has a value. Give it "
        "a value earlier in the function, pass it in as a parameter, or, if you mean to change "
        "the variable outside the function, declare `global %s` (or `nonlocal %s`) first."
        % (name, name, name)
    )


def _attribute_error(error, source):
    message = str(error)
    found = re.search(r"'(\w+)' object has no attribute '(\w+)'", message)
    if not found:
        found = re.search(r"module '([\w.]+)' has no attribute '(\w+)'", message)
        if found:
            module = sys.modules.get(found.group(1))
            hint = _did_you_mean(found.group(2), dir(module)) if module else ""
            return "The module `%s` has nothing called `%s`.%s" % (
                found.group(1), found.group(2), hint)
        return None
    kind, attribute = found.groups()
    if kind == "NoneType":
        return (
            "The value here is `None`, which has no `%s`. A common cause: a function without a "
            "`return` gives back `None`, and so do methods that change something in place, "
            "such as `list.sort()` or `list.append()`." % attribute
        )
    candidates = dir(error.obj) if getattr(error, "obj", None) is not None else _type_members(kind)
    return "Values of type `%s` have no attribute `%s`.%s" % (
        kind, attribute, _did_you_mean(attribute, candidates))


def _type_members(kind):
    import builtins

    value = getattr(builtins, kind, None)
    return dir(value) if isinstance(value, type) else []


def _line(source, number):
    lines = source.splitlines()
    if number and 1 <= number <= len(lines):
        return lines[number - 1]
    return ""


_BLOCK_KEYWORDS = re.compile(r"^\s*(if|elif|else|for|while|def|class|try|except|finally|with|match|case)\b")
_ASSIGN_IN_TEST = re.compile(r"^\s*(if|elif|while)\b[^=]*[^=!<>]=[^=]")


def _syntax_error(error, source):
    message = error.msg or ""
    line = _line(source, error.lineno)
    where = "line %s" % error.lineno if error.lineno else "your program"
    if _ASSIGN_IN_TEST.search(line) and "==" not in line:
        return (
            "On %s a single `=` is used in a condition. `=` gives a name a value; to compare two "
            "values, use `==`." % where
        )
    if "expected ':'" in message or (
        _BLOCK_KEYWORDS.search(line) and not line.rstrip().endswith(":")
    ):
        return (
            "The line that starts a block (`if`, `for`, `while`, `def`, `class`, `else`...) must "
            "end with a colon `:`. Add one at the end of %s." % where
        )
    if "was never closed" in message or "unexpected EOF" in message or "EOF while" in message:
        return (
            "A bracket opened on %s is never closed. Count the `(`, `[` and `{` and make sure "
            "each has its partner." % where
        )
    if "unterminated" in message or "EOL while scanning" in message:
        return (
            "A string on %s starts with a quote but never ends. Close it with the same kind of "
            "quote it starts with: `'...'` or `\"...\"`." % where
        )
    if "does not match" in message and ("parenthesis" in message or "bracket" in message):
        return "On %s a closing bracket does not match the one it closes." % where
    if "forgot a comma" in message or _missing_comma(line):
        return (
            "Python found two values side by side on %s. Is a comma missing between items of a "
            "list, a tuple or a function call's arguments?" % where
        )
    return (
        "Python could not understand %s. Look for a typo near the marked spot, and also at the "
        "line before: a missing bracket, quote or colon there often shows up here." % where
    )


_ADJACENT_VALUES = re.compile(
    r"""[(\[{,]\s*(?:"[^"]*"|'[^']*'|\d+(?:\.\d+)?|\w+)\s+(?:"[^"]*"|'[^']*'|\d+|[A-Za-z_]\w*)\s*[,)\]}]"""
)
_WORD_OPERATORS = {"and", "or", "not", "in", "is", "if", "else", "for", "lambda", "async", "await"}


def _missing_comma(line):
    found = _ADJACENT_VALUES.search(line)
    if not found:
        return False
    words = set(re.findall(r"[A-Za-z_]+", found.group(0)))
    return not (words & _WORD_OPERATORS)


def _indentation_error(error, source):
    message = error.msg or ""
    where = "line %s" % error.lineno if error.lineno else "your program"
    if isinstance(error, TabError) or "tab" in message.lower():
        return (
            "The indentation on %s mixes tabs and spaces. Use spaces only: four per level." % where
        )
    if "expected an indented block" in message:
        return (
            "A line ending with `:` must be followed by an indented block. Indent the lines that "
            "belong to it (after %s's block start) by four spaces." % where
        )
    if "unexpected indent" in message:
        return (
            "%s is indented more than the line before it, but it does not start a new block. "
            "Line it up with the lines around it." % where.capitalize()
        )
    if "unindent" in message or "dedent" in message:
        return (
            "%s is indented to a level that no outer block uses. Line it up exactly with the "
            "block it belongs to." % where.capitalize()
        )
    return "The indentation on %s is not what Python expects: each block level is four spaces." % where


def _type_error(error, source):
    message = str(error)
    if re.search(r'can only concatenate str \(not "(\w+)"\) to str', message) or re.search(
        r"unsupported operand type\(s\) for \+: '(int|float)' and 'str'|for \+: 'str' and '(int|float)'",
        message,
    ):
        return (
            "Text (`str`) and numbers cannot be added together. Turn the number into text with "
            "`str(n)`, or the text into a number with `int(text)` or `float(text)`; an f-string "
            "such as `f\"Total: {n}\"` is often simplest."
        )
    found = re.search(r"(\w+)\(\) takes (\d+) positional arguments? but (\d+) (?:was|were) given", message)
    if found:
        name, takes, given = found.groups()
        return (
            "`%s` was called with %s argument%s, but its definition has %s parameter%s. Make the "
            "call match the `def` line (for a method, `self` counts as one)."
            % (name, given, "" if given == "1" else "s", takes, "" if takes == "1" else "s")
        )
    found = re.search(r"(\w+)\(\) missing (\d+) required (?:positional |keyword-only )?arguments?: (.*)", message)
    if found:
        name, count, names = found.groups()
        return "`%s` needs a value for %s, but the call does not give %s." % (
            name, names, "it" if count == "1" else "them")
    found = re.search(r"'(\w+)' object is not callable", message)
    if found:
        return (
            "A `%s` value is used like a function, with `(...)` after it. Did you give a variable "
            "the same name as a function, or forget an operator such as `*` before a bracket?"
            % found.group(1)
        )
    found = re.search(r"'(\w+)' object is not subscriptable", message)
    if found:
        return (
            "A `%s` value is used with `[...]`, which only works on sequences and mappings such "
            "as lists, strings and dicts." % found.group(1)
        )
    found = re.search(r"'(\w+)' object is not iterable", message)
    if found:
        return (
            "A `%s` value cannot be looped over. `for` needs something with items, such as a "
            "list, a string or `range(n)`." % found.group(1)
        )
    return None


def _index_error(error, source):
    return (
        "The index is outside the sequence. Indexes start at 0, so the last item of a list of "
        "length `n` is at `n - 1` (or `-1`). Check the length with `len()` before indexing."
    )


def _key_error(error, source):
    key = error.args[0] if error.args else None
    return (
        "The dictionary has no key %r. Check its spelling and type (`1` and `\"1\"` are "
        "different keys), test with `key in d` first, or use `d.get(key)` to get `None` "
        "instead of an error." % (key,)
    )


def _value_error(error, source):
    message = str(error)
    found = re.search(r"invalid literal for int\(\) with base \d+: (.*)", message)
    if found:
        return (
            "`int()` can only convert text that looks like a whole number, and %s does not. "
            "Check what was typed, or catch the problem with `try`/`except ValueError`."
            % found.group(1)
        )
    if "could not convert string to float" in message:
        return (
            "`float()` can only convert text that looks like a number, such as `\"3.5\"`. Check "
            "what was typed, or catch the problem with `try`/`except ValueError`."
        )
    if "too many values to unpack" in message or "not enough values to unpack" in message:
        return (
            "The number of names on the left of `=` must match the number of items on the right."
        )
    return None


def _zero_division(error, source):
    return (
        "A number was divided by zero (with `/`, `//` or `%`), which has no answer. Check the "
        "divisor first, for example `if count != 0:`."
    )


def _recursion_error(error, source):
    return (
        "A function kept calling itself and never stopped. A recursive function needs a base "
        "case that returns without calling itself, and each call must move closer to it."
    )


def _eof_error(error, source):
    return (
        "`input()` was called but there was no input left to read. When checks run your "
        "program, it only gets the input lines the exercise gives."
    )


def _module_not_found(error, source):
    name = getattr(error, "name", None) or ""
    return (
        "There is no module `%s` here. Check the spelling; Pylings has Python's standard "
        "library, but packages installed with pip (like `numpy` or `requests`) are not "
        "available in the browser." % name
    )


def _import_error(error, source):
    if "could not download" not in str(error):
        return None
    return (
        "This part of Python's standard library is downloaded the first time a program imports "
        "it, and the download failed. Check the connection and run the program again."
    )


def _overflow_error(error, source):
    if "index-sized integer" in str(error):
        return (
            "That size is far too large: no list, string or range that big could fit in memory "
            "(here, sizes stop at about two billion items). Use a smaller number."
        )
    return None


def _memory_error(error, source):
    return "The program asked for more memory than the browser gives it. Is something growing without end?"


_HANDLERS = [
    (UnboundLocalError, _unbound_local),
    (NameError, _name_error),
    (AttributeError, _attribute_error),
    (IndentationError, _indentation_error),
    (SyntaxError, _syntax_error),
    (TypeError, _type_error),
    (IndexError, _index_error),
    (KeyError, _key_error),
    (ValueError, _value_error),
    (ZeroDivisionError, _zero_division),
    (RecursionError, _recursion_error),
    (EOFError, _eof_error),
    (ModuleNotFoundError, _module_not_found),
    (ImportError, _import_error),
    (MemoryError, _memory_error),
    (OverflowError, _overflow_error),
]
