# Building strings: join, f-strings, += in a loop, methods.
import time

start = time.perf_counter()
parts = []
for i in range(100_000):
    parts.append(f"item-{i}")
joined = ",".join(parts)
text = ""
for i in range(30_000):
    text += chr(97 + i % 26)
shouted = text.upper().replace("A", "@")
result = (len(joined), joined[-12:], shouted.count("@"), shouted[:5])
elapsed = time.perf_counter() - start
print("RESULT", result)
print("TIME_MS", elapsed * 1000)
