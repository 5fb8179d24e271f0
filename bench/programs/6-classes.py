# A class-heavy program: objects, inheritance, properties, dunder methods.
import time

start = time.perf_counter()


class Vector:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y)

    def scaled(self, factor):
        return Vector(self.x * factor, self.y * factor)

    @property
    def length_squared(self):
        return self.x * self.x + self.y * self.y


class Shape:
    def __init__(self, origin):
        self.origin = origin

    def area(self):
        raise NotImplementedError


class Rectangle(Shape):
    def __init__(self, origin, width, height):
        super().__init__(origin)
        self.width = width
        self.height = height

    def area(self):
        return self.width * self.height


class Square(Rectangle):
    def __init__(self, origin, side):
        super().__init__(origin, side, side)


total = Vector(0, 0)
area = 0
for i in range(40_000):
    shape = Square(Vector(i, -i), i % 10) if i % 2 else Rectangle(Vector(-i, i), i % 7, 3)
    total = total + shape.origin.scaled(2)
    area += shape.area()
result = (total.x, total.y, total.length_squared, area)
elapsed = time.perf_counter() - start
print("RESULT", result)
print("TIME_MS", elapsed * 1000)
