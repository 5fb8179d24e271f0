from enum import Enum, IntEnum, Flag, auto
class Color(Enum):
    RED = 1
    GREEN = 2
class Level(IntEnum):
    LOW = auto()
    HIGH = auto()
class Perm(Flag):
    R = auto()
    W = auto()
print(Color.RED, Color(2), Color["GREEN"].value, list(Color))
print(Level.HIGH > Level.LOW, Level.HIGH + 1)
print(Perm.R | Perm.W, Perm.R in (Perm.R | Perm.W))
