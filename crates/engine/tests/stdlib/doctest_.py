import doctest

def square(n):
    """Return n squared.

    >>> square(4)
    16
    >>> square(-3)
    9
    """
    return n * n

print(doctest.testmod())
