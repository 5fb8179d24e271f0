def describe(value):
    match value:
        case 0:
            return "zero"
        case int(n) if n < 0:
            return "negative"
        case [x, y]:
            return f"pair {x},{y}"
        case {"name": name}:
            return f"named {name}"
        case str() | bytes():
            return "text"
        case _:
            return "other"

for v in (0, -4, [1, 2], {"name": "Ada"}, "hi", 3.5):
    print(describe(v))
width, pi = 10, 3.14159
print(f"{pi:.2f}|{'left':<{width}}|{42:>5}|{1234567:,}|{0.25:.0%}|{pi=}")
print(f"{'nested ' + str(1 + 1)!r}", f"{255:#x}", f"{7:03d}")
squares = {n: n * n for n in range(4)}
print(squares, [c for c in "hello" if c not in "l"], (walrus := len(squares)))
