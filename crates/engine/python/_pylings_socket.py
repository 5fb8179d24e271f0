"""`_socket` for the browser: the names `socket.py` needs, and no network access at all.

Learner code must not reach the network from the worker, so every socket operation fails with
OSError, except `socketpair()`, which asyncio's event loop needs at start and never uses for
data here.
"""

AF_UNSPEC, AF_UNIX, AF_INET, AF_INET6 = 0, 1, 2, 10
SOCK_STREAM, SOCK_DGRAM, SOCK_RAW = 1, 2, 3
SOL_SOCKET, SO_REUSEADDR, SO_TYPE, SO_ERROR, SO_BROADCAST, SO_KEEPALIVE, SO_REUSEPORT = 1, 2, 3, 4, 6, 9, 15
SCM_RIGHTS = 1
IPPROTO_TCP, IPPROTO_UDP, IPPROTO_IPV6, IPV6_V6ONLY, TCP_NODELAY = 6, 17, 41, 26, 1
SHUT_RD, SHUT_WR, SHUT_RDWR = 0, 1, 2
MSG_PEEK, MSG_DONTWAIT = 2, 64
AI_PASSIVE, NI_NUMERICHOST = 1, 1
SOMAXCONN = 4096
has_ipv6 = False

error = OSError


class herror(OSError):
    pass


class gaierror(OSError):
    pass


timeout = TimeoutError

_default_timeout = None
_NO_NETWORK = "Pylings runs in your browser: programs cannot use the network"


def getdefaulttimeout():
    return _default_timeout


def setdefaulttimeout(value):
    global _default_timeout
    _default_timeout = value


class socket:
    """A socket object that can be made but not connected anywhere."""

    # Slots, as the C type has: socket.py subclasses this with `__weakref__` in its own slots.
    __slots__ = ("_family", "_type", "_proto", "_timeout", "_sock_closed")

    def __init__(self, family=AF_INET, type=SOCK_STREAM, proto=0, fileno=None):
        self._family, self._type, self._proto = family, type, proto
        self._timeout = _default_timeout
        self._sock_closed = False

    # Read-only, as the C type's members: socket.py wraps them in properties of its own.
    family = property(lambda self: self._family)
    type = property(lambda self: self._type)
    proto = property(lambda self: self._proto)

    def fileno(self):
        return -1 if self._sock_closed else 1000 + id(self) % 1000

    def close(self):
        self._sock_closed = True

    def detach(self):
        self._sock_closed = True
        return -1

    def setblocking(self, flag):
        self._timeout = None if flag else 0.0

    def settimeout(self, value):
        self._timeout = value

    def gettimeout(self):
        return self._timeout

    def setsockopt(self, *args):
        pass

    def getsockopt(self, *args):
        return 0

    def _unavailable(self, *args, **kwargs):
        raise OSError(_NO_NETWORK)

    connect = connect_ex = bind = listen = accept = _accept = _unavailable
    send = sendall = sendto = recv = recv_into = recvfrom = recvfrom_into = _unavailable
    getpeername = getsockname = shutdown = _unavailable


SocketType = socket


def socketpair(family=AF_UNIX, type=SOCK_STREAM, proto=0):
    return socket(family, type, proto), socket(family, type, proto)


def _unavailable(*args, **kwargs):
    raise gaierror(_NO_NETWORK)


getaddrinfo = gethostbyname = gethostbyaddr = getnameinfo = _unavailable


def CMSG_LEN(length):
    return 16 + length


def gethostname():
    return "browser"


def ntohs(x):
    return ((x & 0xFF) << 8) | ((x >> 8) & 0xFF)


htons = ntohs


def ntohl(x):
    return int.from_bytes((x & 0xFFFFFFFF).to_bytes(4, "big"), "little")


htonl = ntohl
