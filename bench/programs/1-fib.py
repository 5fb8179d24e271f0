# Recursive fib: function calls and integer arithmetic.
import time

start = time.perf_counter()


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


result = fib(27)
elapsed = time.perf_counter() - start
print("RESULT", result)
print("TIME_MS", elapsed * 1000)
