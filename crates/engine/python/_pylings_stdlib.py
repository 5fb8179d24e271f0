"""Imports the standard library modules that are not frozen into the engine.

On the first import of a name under a top-level package or module (`json`, `email.mime.text`)
the host fetches that top-level name's bundle: the source of every module under it, one request
the browser caches. Each module is compiled when it is imported, like a `.py` file on disk.

The finder comes last on `sys.meta_path`, after the path finder, so that as in CPython a
learner's own `json.py` next to `main.py` is imported instead of the stdlib's.
"""

import sys
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


class StdlibFinder:
    """Finds modules in the bundles of the engine's index (`_pylings_host.stdlib_index()`)."""

    _index = _host.stdlib_index()
    # Top-level name -> {module name: (is_package, path, source)}, once fetched.
    _fetched = {}

    @classmethod
    def find_spec(cls, name, path=None, target=None):
        top = name.partition(".")[0]
        file = cls._index.get(top)
        if file is None:
            return None
        modules = cls._fetched.get(top)
        if modules is None:
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
    def invalidate_caches(cls):
        pass


def install():
    sys.meta_path.append(StdlibFinder)
