"""`_signal` for the browser: no signals ever arrive, but handlers can be set and read.

unittest, doctest and asyncio import `signal`; nothing sends a signal to a worker (Stop ends the
whole worker), so handlers are only recorded.
"""

SIG_DFL, SIG_IGN = 0, 1
SIGHUP, SIGINT, SIGQUIT, SIGABRT, SIGKILL, SIGALRM, SIGTERM, SIGCHLD = 1, 2, 3, 6, 9, 14, 15, 17
NSIG = 65

_handlers = {}


def default_int_handler(signalnum, frame):
    """The default SIGINT handler: raises KeyboardInterrupt."""
    raise KeyboardInterrupt


def _check(signalnum):
    if not 1 <= signalnum < NSIG:
        raise ValueError("signal number out of range")


def signal(signalnum, handler):
    """Records `handler` for `signalnum` and returns the previous one."""
    _check(signalnum)
    previous = getsignal(signalnum)
    _handlers[signalnum] = handler
    return previous


def getsignal(signalnum):
    _check(signalnum)
    return _handlers.get(signalnum, default_int_handler if signalnum == SIGINT else SIG_DFL)


def set_wakeup_fd(fd, *, warn_on_full_buffer=True):
    return -1


def raise_signal(signalnum):
    """Calls the recorded handler, as if the signal had arrived."""
    handler = getsignal(signalnum)
    if callable(handler):
        handler(signalnum, None)


def strsignal(signalnum):
    names = {SIGINT: "Interrupt", SIGTERM: "Terminated", SIGKILL: "Killed", SIGALRM: "Alarm clock"}
    return names.get(signalnum)


def valid_signals():
    return set(range(1, NSIG))


def alarm(seconds):
    return 0
