from dataclasses import dataclass, field, asdict

@dataclass(order=True)
class Card:
    rank: int
    suit: str = "spades"
    tags: list = field(default_factory=list)

a = Card(3)
b = Card(3, "hearts", ["red"])
print(a)
print(a < b, a == Card(3))
print(asdict(b))
