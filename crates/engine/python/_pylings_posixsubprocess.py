"""`_posixsubprocess` for the browser: there are no processes to start."""


def fork_exec(*args, **kwargs):
    raise OSError("Pylings runs in your browser: programs cannot start other programs")
