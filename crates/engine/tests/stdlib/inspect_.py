import inspect

def greet(name, greeting="Hello", *, punctuation="!"):
    """Say hello."""
    return f"{greeting}, {name}{punctuation}"

print(inspect.signature(greet))
print(inspect.isfunction(greet), inspect.getdoc(greet))
print(list(inspect.signature(greet).parameters))
