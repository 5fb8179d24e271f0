# A million-iteration arithmetic loop at module level, as learners write it.
import time

start = time.perf_counter()
total = 0
for i in range(1_000_000):
    total += i * i % 7 - 3
result = total
elapsed = time.perf_counter() - start
print("RESULT", result)
print("TIME_MS", elapsed * 1000)
