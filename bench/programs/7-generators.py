# A generator pipeline.
import time

start = time.perf_counter()


def numbers(limit):
    n = 0
    while n < limit:
        yield n
        n += 1


def only_multiples(items, k):
    for item in items:
        if item % k == 0:
            yield item


squares = (n * n for n in only_multiples(numbers(300_000), 3))
result = sum(x % 1_000 for x in squares)
elapsed = time.perf_counter() - start
print("RESULT", result)
print("TIME_MS", elapsed * 1000)
