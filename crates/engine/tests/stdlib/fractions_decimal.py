from fractions import Fraction
from decimal import Decimal, getcontext
print(Fraction(1, 3) + Fraction(1, 6), Fraction("0.75"), Fraction(0.5))
print(Decimal("0.1") + Decimal("0.2"), Decimal(1) / Decimal(7))
getcontext().prec = 5
print(Decimal(1) / Decimal(7), Decimal("1.005").quantize(Decimal("0.01")))
