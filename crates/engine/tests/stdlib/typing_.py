from typing import Optional, Union, TypedDict, Protocol, TypeVar, Generic, get_type_hints

T = TypeVar("T")

class Box(Generic[T]):
    def __init__(self, item: T) -> None:
        self.item = item

class Movie(TypedDict):
    title: str
    year: int

class Greeter(Protocol):
    def greet(self) -> str: ...

def find(name: str, default: Optional[int] = None) -> Union[int, str]:
    return default or name

print(Box[int](3).item, Movie(title="Up", year=2009))
print(find("x"), find("x", 5))
print(sorted(get_type_hints(find)))
print(int | str)
