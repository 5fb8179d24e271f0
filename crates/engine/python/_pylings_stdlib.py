"""Imports the standard library modules that are not frozen into the engine.

On the first import of a name under a top-level package or module (`json`, `email.mime.text`)
the host fetches that top-level name's bundle: the source of every module under it, one request
the browser caches. Each module is compiled when it is imported, like a `.py` file on disk.
Fetches are synchronous (an import cannot wait otherwise), so before the first one the host is
asked for every bundle the import will need next (the index says what each module imports), all
at once: `import asyncio` pays about one round trip, not forty.

The finder comes last on `sys.meta_path`, after the path finder, so that as in CPython a
learner's own `json.py` next to `main.py` is imported instead of the stdlib's.

A few stdlib modules are replaced by Pylings' own, frozen into the engine (`REPLACED`): `turtle`
draws with Tk, which a browser lacks, so `import turtle` runs `_pylings_turtle` as `turtle`.
They are found in the same place, so a learner's `turtle.py` still comes first.
"""

import sys
import _imp
import _pylings_host as _host
from _frozen_importlib import ModuleSpec

# Where the modules appear to live, for `__file__` and tracebacks (CPython's layout).
PREFIX = "/usr/lib/python3.14/"


class StdlibLoader:
    """Executes one fetched module from its source."""

    def __init__(self, source):
        self._source = source

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        code = compile(self._source, module.__spec__.origin, "exec", dont_inherit=True)
        exec(code, module.__dict__)

    def get_source(self, name):
        return self._source


class ReplacementLoader:
    """Executes one of Pylings' frozen modules under the name of the stdlib module it
    replaces, so that its classes and errors are named as CPython's are (`turtle.Turtle`)."""

    def __init__(self, frozen_name):
        self._frozen_name = frozen_name

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        exec(_imp.get_frozen_object(self._frozen_name), module.__dict__)


# Stdlib module -> Pylings' frozen module that stands for it.
REPLACED = {"turtle": "_pylings_turtle"}


class StdlibFinder:
    """Finds modules in the bundles of the engine's index (`_pylings_host.stdlib_index()`)."""

    _index = _host.stdlib_index()  # top-level name -> bundle file
    _imports = _host.stdlib_imports()  # module -> modules fetched on demand it imports
    # Top-level name -> {module name: (is_package, path, source)}, once fetched.
    _fetched = {}
    # Files already asked for ahead: once is enough.
    _asked = set()

    @classmethod
    def find_spec(cls, name, path=None, target=None):
        if name in REPLACED:
            return ModuleSpec(name, ReplacementLoader(REPLACED[name]), origin="frozen")
        top = name.partition(".")[0]
        file = cls._index.get(top)
        if file is None:
            return None
        modules = cls._fetched.get(top)
        if modules is None:
            _host.prefetch_stdlib(cls._needed_after(name))
            # Raises ImportError (the download failed) to the import statement; not remembered,
            # so the next import tries again.
            modules = {entry[0]: entry[1:] for entry in _host.fetch_stdlib(file)}
            cls._fetched[top] = modules
        found = modules.get(name)
        if found is None:
            return None
        package, path_in_lib, source = found
        spec = ModuleSpec(
            name, StdlibLoader(source), origin=PREFIX + path_in_lib, is_package=package
        )
        spec.has_location = True
        if package:
            spec.submodule_search_locations = [PREFIX + path_in_lib.rpartition("/")[0]]
        return spec

    @classmethod
    def _needed_after(cls, name):
        """Files of the bundles, other than `name`'s own, not yet fetched nor asked for, that
        importing `name` will fetch as far as the index knows: the modules it imports as it runs,
        what those import, and so on, with the packages of each."""
        own = name.partition(".")[0]
        seen = set()
        pending = [name]
        files = []
        while pending:
            module = pending.pop()
            if module in seen:
                continue
            seen.add(module)
            parts = module.split(".")
            pending.extend(".".join(parts[:end]) for end in range(1, len(parts)))
            pending.extend(cls._imports.get(module, ()))
            file = cls._index.get(parts[0])
            if file and parts[0] != own and parts[0] not in cls._fetched and file not in cls._asked:
                cls._asked.add(file)
                files.append(file)
        return files

    @classmethod
    def invalidate_caches(cls):
        pass


def install():
    sys.meta_path.append(StdlibFinder)
