"""`open()` for the in-memory filesystem.

The raw layer is the standard library's pure-Python `_pyio.FileIO`, which does its I/O through
`os.open`/`os.read`/`os.write` (our `posix`); buffering and text decoding use the fast native
`io` classes. The argument handling follows `io.open` as documented in the Python library
reference.
"""

import io
import _pyio

_VALID_MODE_CHARS = set("rwxabt+")


def open(file, mode="r", buffering=-1, encoding=None, errors=None, newline=None,
         closefd=True, opener=None):
    """Opens a file of the in-memory filesystem, as the built-in open()."""
    if not isinstance(mode, str):
        raise TypeError("open() argument 'mode' must be str, not " + type(mode).__name__)
    chars = set(mode)
    if chars - _VALID_MODE_CHARS or len(mode) > len(chars):
        raise ValueError("invalid mode: '%s'" % mode)
    creating, reading, writing, appending = "x" in chars, "r" in chars, "w" in chars, "a" in chars
    updating, text, binary = "+" in chars, "t" in chars, "b" in chars
    if text and binary:
        raise ValueError("can't have text and binary mode at once")
    if creating + reading + writing + appending > 1:
        raise ValueError("must have exactly one of create/read/write/append mode")
    if not (creating or reading or writing or appending):
        raise ValueError("Must have exactly one of create/read/write/append mode and at most one plus")
    if binary and encoding is not None:
        raise ValueError("binary mode doesn't take an encoding argument")
    if binary and errors is not None:
        raise ValueError("binary mode doesn't take an errors argument")
    if binary and newline is not None:
        raise ValueError("binary mode doesn't take a newline argument")
    raw_mode = ("x" if creating else "r" if reading else "w" if writing else "a") + ("+" if updating else "")
    raw = _pyio.FileIO(file, raw_mode, closefd, opener=opener)
    result = raw
    try:
        if buffering == 1 or (buffering < 0 and raw.isatty()):
            buffering, line_buffering = -1, True
        else:
            line_buffering = False
        if buffering < 0:
            buffering = io.DEFAULT_BUFFER_SIZE
        if buffering == 0:
            if binary:
                return result
            raise ValueError("can't have unbuffered text I/O")
        if updating:
            buffer = io.BufferedRandom(raw, buffering)
        elif creating or writing or appending:
            buffer = io.BufferedWriter(raw, buffering)
        else:
            buffer = io.BufferedReader(raw, buffering)
        result = buffer
        if binary:
            return result
        text_file = io.TextIOWrapper(buffer, encoding or "utf-8", errors, newline, line_buffering)
        result = text_file
        text_file.mode = mode
        return result
    except BaseException:
        result.close()
        raise
