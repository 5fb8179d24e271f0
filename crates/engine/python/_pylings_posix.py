"""The `posix` module of Pylings: POSIX calls over an in-memory filesystem.

RustPython compiled for the browser has no operating system layer, and through that hole
`os`, `pathlib`, `open()` and everything importing them (dataclasses, random, asyncio,
unittest, ...) fail. This module gives `os.py` the calls it expects from CPython's
`posixmodule.c`, backed by a tree of directories and byte buffers that lives as long as
the interpreter and is emptied by `_reset()` before every run.

Written here (not taken from a library) because it is the core of what Pylings is: a
Python that behaves like CPython in a browser tab, with no host filesystem under it.
"""

import sys
import _pylings_host as _host

error = OSError

F_OK, X_OK, W_OK, R_OK = 0, 1, 2, 4
O_RDONLY, O_WRONLY, O_RDWR, O_ACCMODE = 0, 1, 2, 3
O_CREAT, O_EXCL, O_NOCTTY, O_TRUNC, O_APPEND = 0o100, 0o200, 0o400, 0o1000, 0o2000
O_NONBLOCK, O_DSYNC, O_DIRECTORY, O_NOFOLLOW, O_CLOEXEC = 0o4000, 0o10000, 0o200000, 0o400000, 0o2000000
SEEK_SET, SEEK_CUR, SEEK_END = 0, 1, 2
EX_OK = 0

_S_IFDIR, _S_IFREG = 0o040000, 0o100000

# errno values and messages as on Linux (errno(3)).
_ENOENT, _EBADF, _EEXIST, _ENOTDIR, _EISDIR, _EINVAL, _ENOTEMPTY, _EACCES, _ESPIPE = (
    2, 9, 17, 20, 21, 22, 39, 13, 29)
_MESSAGES = {
    0: "Success",
    1: "Operation not permitted",
    2: "No such file or directory",
    9: "Bad file descriptor",
    13: "Permission denied",
    17: "File exists",
    20: "Not a directory",
    21: "Is a directory",
    22: "Invalid argument",
    29: "Illegal seek",
    39: "Directory not empty",
}
_ERROR_TYPES = {
    _ENOENT: FileNotFoundError,
    _EEXIST: FileExistsError,
    _ENOTDIR: NotADirectoryError,
    _EISDIR: IsADirectoryError,
    _EACCES: PermissionError,
}


def strerror(code):
    """Returns the message for an errno value, like C's strerror."""
    return _MESSAGES.get(code, "Unknown error %d" % code)


def _fail(code, path=None, path2=None):
    kind = _ERROR_TYPES.get(code, OSError)
    if path is None:
        raise kind(code, strerror(code))
    if path2 is None:
        raise kind(code, strerror(code), path)
    raise kind(code, strerror(code), path, None, path2)


class _Node:
    """A file (`data` is a bytearray) or a directory (`children` maps names to nodes)."""

    _next_inode = 1

    def __init__(self, is_dir, mode):
        self.children = {} if is_dir else None
        self.data = None if is_dir else bytearray()
        self.mode = (_S_IFDIR if is_dir else _S_IFREG) | mode
        self.mtime = _host.time()
        self.inode = _Node._next_inode
        _Node._next_inode += 1


_root = None
_cwd = "/"
_fds = {}

HOME = "/home/learner"


def _reset():
    """Empties the filesystem and closes every descriptor: called before each run."""
    global _root, _cwd
    _root = _Node(True, 0o755)
    for directory in ("/home", HOME, "/tmp"):
        _mkdir_node(directory)
    _cwd = HOME
    _fds.clear()


def fspath(path):
    """Returns the str or bytes form of a path-like object (os.fspath)."""
    if isinstance(path, (str, bytes)):
        return path
    kind = type(path)
    try:
        result = kind.__fspath__(path)
    except AttributeError:
        if hasattr(kind, "__fspath__"):
            raise
        raise TypeError("expected str, bytes or os.PathLike object, not " + kind.__name__) from None
    if isinstance(result, (str, bytes)):
        return result
    raise TypeError("expected %s.__fspath__() to return str or bytes, not %s"
                    % (kind.__name__, type(result).__name__))


def _text(path):
    path = fspath(path)
    if isinstance(path, bytes):
        path = path.decode("utf-8", "surrogateescape")
    return path


def _parts(path):
    """Splits a path into normalised absolute parts, resolving '.' and '..'."""
    path = _text(path)
    if path == "":
        _fail(_ENOENT, path)
    full = path if path.startswith("/") else _cwd.rstrip("/") + "/" + path
    parts = []
    for part in full.split("/"):
        if part in ("", "."):
            continue
        if part == "..":
            if parts:
                parts.pop()
        else:
            parts.append(part)
    return parts


def _lookup(path, original=None):
    node = _root
    for part in _parts(path):
        if node.children is None:
            _fail(_ENOTDIR, original if original is not None else path)
        node = node.children.get(part)
        if node is None:
            _fail(_ENOENT, original if original is not None else path)
    return node


def _parent(path):
    """Returns (parent directory node, last name) of a path whose parent must exist."""
    parts = _parts(path)
    if not parts:
        _fail(_EEXIST, path)
    node = _root
    for part in parts[:-1]:
        node = node.children.get(part) if node.children is not None else None
        if node is None:
            _fail(_ENOENT, path)
    if node.children is None:
        _fail(_ENOTDIR, path)
    return node, parts[-1]


def _mkdir_node(path, mode=0o777):
    parent, name = _parent(path)
    if name in parent.children:
        _fail(_EEXIST, path)
    parent.children[name] = _Node(True, mode & 0o777)
    parent.mtime = _host.time()


class stat_result(tuple):
    """The result of stat(): a 10-tuple (mode, ino, dev, nlink, uid, gid, size, atime,
    mtime, ctime) with the st_* attributes of CPython's os.stat_result."""

    n_sequence_fields = 10
    n_fields = 10
    n_unnamed_fields = 0

    def __new__(cls, sequence, dict=None):
        return tuple.__new__(cls, tuple(sequence)[:10])

    st_mode = property(lambda self: self[0])
    st_ino = property(lambda self: self[1])
    st_dev = property(lambda self: self[2])
    st_nlink = property(lambda self: self[3])
    st_uid = property(lambda self: self[4])
    st_gid = property(lambda self: self[5])
    st_size = property(lambda self: self[6])
    st_atime = property(lambda self: float(self[7]))
    st_mtime = property(lambda self: float(self[8]))
    st_ctime = property(lambda self: float(self[9]))
    st_atime_ns = property(lambda self: int(self[7] * 1e9))
    st_mtime_ns = property(lambda self: int(self[8] * 1e9))
    st_ctime_ns = property(lambda self: int(self[9] * 1e9))
    st_blksize = 4096
    st_blocks = property(lambda self: (self[6] + 511) // 512)

    def __repr__(self):
        names = ("st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid",
                 "st_size", "st_atime", "st_mtime", "st_ctime")
        return "os.stat_result(%s)" % ", ".join(
            "%s=%r" % (name, int(value)) for name, value in zip(names, self))

    def __reduce__(self):
        return (stat_result, (tuple(self),))


class terminal_size(tuple):
    """The size of the output panel as a terminal: (columns, lines)."""

    def __new__(cls, sequence):
        return tuple.__new__(cls, tuple(sequence)[:2])

    columns = property(lambda self: self[0])
    lines = property(lambda self: self[1])

    def __repr__(self):
        return "os.terminal_size(columns=%d, lines=%d)" % self


def _stat_of(node):
    size = len(node.data) if node.data is not None else 4096
    nlink = 2 if node.children is not None else 1
    return stat_result((node.mode, node.inode, 1, nlink, 1000, 1000, size,
                        node.mtime, node.mtime, node.mtime))


def _fd_entry(fd):
    entry = _fds.get(fd)
    if entry is None:
        _fail(_EBADF)
    return entry


def stat(path, *, dir_fd=None, follow_symlinks=True):
    """Returns a stat_result for a path or an open file descriptor."""
    if isinstance(path, int):
        return fstat(path)
    return _stat_of(_lookup(path))


lstat = stat


def fstat(fd):
    """Returns a stat_result for an open file descriptor."""
    if fd in (0, 1, 2):
        return stat_result((0o020620, 0, 1, 1, 1000, 1000, 0, 0, 0, 0))
    return _stat_of(_fd_entry(fd)[0])


def access(path, mode, *, dir_fd=None, effective_ids=False, follow_symlinks=True):
    """True when the path exists (every file is readable and writable here)."""
    try:
        _lookup(path)
    except OSError:
        return False
    return True


def getcwd():
    """The current directory; /home/learner at the start of every run."""
    return _cwd


def getcwdb():
    return _cwd.encode()


def chdir(path):
    global _cwd
    node = _lookup(path)
    if node.children is None:
        _fail(_ENOTDIR, path)
    _cwd = "/" + "/".join(_parts(path))


def listdir(path="."):
    """Names in a directory, in creation order."""
    node = _lookup(path)
    if node.children is None:
        _fail(_ENOTDIR, path)
    names = list(node.children)
    if isinstance(fspath(path), bytes):
        return [name.encode() for name in names]
    return names


class DirEntry:
    """One entry yielded by scandir(), as os.DirEntry."""

    def __init__(self, directory, name, node):
        self.name = name
        self.path = name if directory in (".", "") else directory.rstrip("/") + "/" + name
        self._node = node

    def is_dir(self, *, follow_symlinks=True):
        return self._node.children is not None

    def is_file(self, *, follow_symlinks=True):
        return self._node.children is None

    def is_symlink(self):
        return False

    def is_junction(self):
        return False

    def stat(self, *, follow_symlinks=True):
        return _stat_of(self._node)

    def inode(self):
        return self._node.inode

    def __fspath__(self):
        return self.path

    def __repr__(self):
        return "<DirEntry %r>" % self.name


class _ScandirIterator:
    def __init__(self, entries):
        self._entries = iter(entries)

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._entries)

    def close(self):
        self._entries = iter(())

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()


def scandir(path="."):
    """Iterates over DirEntry objects of a directory; usable as a context manager."""
    text = _text(path)
    node = _lookup(text)
    if node.children is None:
        _fail(_ENOTDIR, path)
    return _ScandirIterator([DirEntry(text, name, child) for name, child in list(node.children.items())])


def mkdir(path, mode=0o777, *, dir_fd=None):
    _mkdir_node(path, mode)


def rmdir(path, *, dir_fd=None):
    parent, name = _parent(path)
    node = parent.children.get(name)
    if node is None:
        _fail(_ENOENT, path)
    if node.children is None:
        _fail(_ENOTDIR, path)
    if node.children:
        _fail(_ENOTEMPTY, path)
    del parent.children[name]


def unlink(path, *, dir_fd=None):
    parent, name = _parent(path)
    node = parent.children.get(name)
    if node is None:
        _fail(_ENOENT, path)
    if node.children is not None:
        _fail(_EISDIR, path)
    del parent.children[name]


remove = unlink


def rename(src, dst, *, src_dir_fd=None, dst_dir_fd=None):
    """Moves a file or directory; replaces an existing file at dst."""
    source_parent, source_name = _parent(src)
    node = source_parent.children.get(source_name)
    if node is None:
        _fail(_ENOENT, src, dst)
    target_parent, target_name = _parent(dst)
    existing = target_parent.children.get(target_name)
    if existing is not None and existing.children is not None:
        if node.children is None:
            _fail(_EISDIR, src, dst)
        if existing.children:
            _fail(_ENOTEMPTY, src, dst)
    del source_parent.children[source_name]
    target_parent.children[target_name] = node


replace = rename


def truncate(path, length):
    node = _lookup(path)
    if node.children is not None:
        _fail(_EISDIR, path)
    _resize(node, length)


def _resize(node, length):
    if length < len(node.data):
        del node.data[length:]
    else:
        node.data.extend(bytes(length - len(node.data)))
    node.mtime = _host.time()


def open(path, flags, mode=0o777, *, dir_fd=None):
    """Opens a file and returns a descriptor (an int from 3 up), as os.open."""
    parent, name = _parent(path)
    node = parent.children.get(name)
    access_mode = flags & O_ACCMODE
    if node is None:
        if not flags & O_CREAT:
            _fail(_ENOENT, path)
        node = _Node(False, mode & 0o777)
        parent.children[name] = node
        parent.mtime = _host.time()
    elif flags & O_CREAT and flags & O_EXCL:
        _fail(_EEXIST, path)
    elif node.children is not None and access_mode != O_RDONLY:
        _fail(_EISDIR, path)
    if flags & O_TRUNC and node.data is not None and access_mode != O_RDONLY:
        _resize(node, 0)
    fd = 3
    while fd in _fds:
        fd += 1
    _fds[fd] = [node, 0, flags]
    return fd


def close(fd):
    _fd_entry(fd)
    del _fds[fd]


def closerange(low, high):
    for fd in range(low, high):
        _fds.pop(fd, None)


def _readable(entry):
    node, _, flags = entry
    if flags & O_ACCMODE == O_WRONLY:
        _fail(_EBADF)
    if node.children is not None:
        _fail(_EISDIR)


def read(fd, length):
    """Reads up to `length` bytes at the descriptor's position."""
    if fd == 0:
        return sys.stdin.buffer.read(length) if hasattr(sys.stdin, "buffer") else b""
    entry = _fd_entry(fd)
    _readable(entry)
    node, position, _ = entry
    chunk = bytes(node.data[position:position + max(length, 0)])
    entry[1] = position + len(chunk)
    return chunk


def readinto(fd, buffer):
    """Reads into a writable buffer, returning the number of bytes read."""
    view = memoryview(buffer).cast("B")
    chunk = read(fd, len(view))
    view[:len(chunk)] = chunk
    return len(chunk)


def write(fd, data):
    """Writes bytes at the descriptor's position (at the end with O_APPEND)."""
    data = bytes(data)
    if fd in (1, 2):
        _host.write(fd - 1, data.decode("utf-8", "replace"))
        return len(data)
    entry = _fd_entry(fd)
    node, position, flags = entry
    if flags & O_ACCMODE == O_RDONLY:
        _fail(_EBADF)
    if flags & O_APPEND:
        position = len(node.data)
    if position > len(node.data):
        node.data.extend(bytes(position - len(node.data)))
    node.data[position:position + len(data)] = data
    entry[1] = position + len(data)
    node.mtime = _host.time()
    return len(data)


def lseek(fd, position, how):
    """Moves the descriptor's position; returns the new one."""
    if fd in (0, 1, 2):
        _fail(_ESPIPE)
    entry = _fd_entry(fd)
    base = {SEEK_SET: 0, SEEK_CUR: entry[1], SEEK_END: len(entry[0].data or b"")}.get(how)
    if base is None or base + position < 0:
        _fail(_EINVAL)
    entry[1] = base + position
    return entry[1]


def ftruncate(fd, length):
    _resize(_fd_entry(fd)[0], length)


def fsync(fd):
    _fd_entry(fd)


def isatty(fd):
    """No descriptor is a terminal: the output panel is fed through sys.stdout."""
    return False


def dup(fd):
    entry = _fd_entry(fd)
    new = 3
    while new in _fds:
        new += 1
    _fds[new] = list(entry)
    return new


def get_inheritable(fd):
    return False


def set_inheritable(fd, inheritable):
    pass


def get_blocking(fd):
    return True


def set_blocking(fd, blocking):
    pass


def device_encoding(fd):
    return None


def chmod(path, mode, *, dir_fd=None, follow_symlinks=True):
    node = _lookup(path)
    node.mode = (node.mode & ~0o7777) | (mode & 0o7777)


def utime(path, times=None, *, ns=None, dir_fd=None, follow_symlinks=True):
    node = _lookup(path)
    if ns is not None:
        node.mtime = ns[1] / 1e9
    elif times is not None:
        node.mtime = times[1]
    else:
        node.mtime = _host.time()


def readlink(path, *, dir_fd=None):
    _lookup(path)
    _fail(_EINVAL, path)


def urandom(size):
    """`size` random bytes from the browser's crypto.getRandomValues (natively, the OS)."""
    if size < 0:
        raise ValueError("negative argument not allowed")
    return _host.urandom(size)


def get_terminal_size(fd=1):
    return terminal_size((80, 24))


def getpid():
    return 1


def getppid():
    return 0


def getuid():
    return 1000


geteuid = getgid = getegid = getuid


def getlogin():
    return "learner"


def umask(mask):
    return 0o022


def cpu_count():
    return 1


def putenv(key, value):
    pass


def unsetenv(key):
    pass


def _exit(code):
    raise SystemExit(code)


# There are never child processes: subprocess binds these at import and fails on use.
WNOHANG, WUNTRACED = 1, 2


def waitpid(pid, options):
    raise ChildProcessError(10, "No child processes")


def waitstatus_to_exitcode(status):
    return status >> 8


def WIFSTOPPED(status):
    return False


def WSTOPSIG(status):
    return 0


def WIFEXITED(status):
    return True


def WEXITSTATUS(status):
    return status >> 8


def times():
    now = _host.monotonic()
    return (now, 0.0, 0.0, 0.0, now)


environ = {
    b"HOME": HOME.encode(),
    b"USER": b"learner",
    b"LOGNAME": b"learner",
    b"PATH": b"/usr/local/bin:/usr/bin:/bin",
    b"LANG": b"C.UTF-8",
    b"PWD": HOME.encode(),
    b"TMPDIR": b"/tmp",
}

_have_functions = []

_reset()
