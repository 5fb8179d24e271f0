from abc import ABC, abstractmethod
import copy, gc

class Shape(ABC):
    @abstractmethod
    def area(self): ...

class Square(Shape):
    def __init__(self, side): self.side = side
    def area(self): return self.side ** 2

try:
    Shape()
except TypeError as error:
    print(type(error).__name__, "Shape" in str(error))
print(Square(3).area(), isinstance(Square(1), Shape))
nested = [[1, 2], [3]]
shallow, deep = copy.copy(nested), copy.deepcopy(nested)
nested[0].append(99)
print(shallow, deep, shallow is not nested)
print(isinstance(gc.collect(), int), gc.isenabled())
