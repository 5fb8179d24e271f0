import errno
import time

info = time.get_clock_info("monotonic")
print(info.monotonic, info.adjustable, isinstance(time.tzname, tuple))
start = time.monotonic()
time.sleep(0.02)
print(time.monotonic() - start >= 0.015)
print(errno.ENOENT, errno.errorcode[errno.EEXIST])
try:
    open("nope.txt")
except OSError as error:
    print(error.errno == errno.ENOENT, type(error).__name__)
