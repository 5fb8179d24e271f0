from contextlib import contextmanager, suppress, ExitStack

@contextmanager
def tag(name):
    print(f"<{name}>")
    yield name.upper()
    print(f"</{name}>")

with tag("p") as shout:
    print("inside", shout)
with suppress(KeyError):
    {}["missing"]
    print("not reached")
with ExitStack() as stack:
    for n in ("a", "b"):
        stack.enter_context(tag(n))
print("done")
