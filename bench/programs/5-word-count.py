# Counting words with a dict.
import time

start = time.perf_counter()
words = "the quick brown fox jumps over the lazy dog and the cat sat on the mat".split()
text = " ".join(words[(i * 7) % len(words)] + str(i % 50) for i in range(150_000))
counts = {}
for word in text.split():
    counts[word] = counts.get(word, 0) + 1
top = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:3]
result = (len(counts), top)
elapsed = time.perf_counter() - start
print("RESULT", result)
print("TIME_MS", elapsed * 1000)
