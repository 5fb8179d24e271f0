from functools import lru_cache, partial, reduce, wraps, total_ordering

@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

def shout(func):
    @wraps(func)
    def wrapper(*args):
        return func(*args).upper()
    return wrapper

@shout
def hello(name):
    "Say hello."
    return "hello " + name

@total_ordering
class Version:
    def __init__(self, n): self.n = n
    def __eq__(self, other): return self.n == other.n
    def __lt__(self, other): return self.n < other.n

print(fib(80), fib.cache_info().hits > 0)
print(hello("ada"), hello.__name__, hello.__doc__)
print(partial(int, base=2)("1010"), reduce(lambda a, b: a * b, range(1, 6)))
print(Version(2) >= Version(1))
