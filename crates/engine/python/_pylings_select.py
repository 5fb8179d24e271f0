"""`select` for the browser: there are no sockets or pipes to wait on, only time.

asyncio's event loop waits in `select()` until its next timer is due; here that wait is a sleep,
which is how `await asyncio.sleep(...)` takes real time.
"""

import time

error = OSError


class _Select:
    """Callable object rather than a function: `selectors` keeps `select.select` as a class
    attribute, where a Python function would be bound as a method (a C builtin is not)."""

    def __call__(self, rlist, wlist, xlist, timeout=None):
        """Nothing ever becomes ready: sleeps `timeout` seconds, returns three empty lists."""
        if timeout is not None:
            if timeout < 0:
                raise ValueError("timeout must be non-negative")
            if timeout:
                time.sleep(timeout)
        return [], [], []


select = _Select()
