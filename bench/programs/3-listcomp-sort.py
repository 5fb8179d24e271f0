# List comprehensions and sorting.
import time

start = time.perf_counter()
numbers = [(i * 7919) % 100_003 for i in range(200_000)]
odd_squares = [n * n for n in numbers if n % 2 == 1]
odd_squares.sort()
pairs = sorted([(n % 100, n) for n in numbers[:50_000]], reverse=True)
result = (odd_squares[len(odd_squares) // 2], pairs[0], len(odd_squares))
elapsed = time.perf_counter() - start
print("RESULT", result)
print("TIME_MS", elapsed * 1000)
