import math
print(math.sqrt(16), math.pi, math.floor(-2.5), math.ceil(2.1))
print(math.isclose(0.1 + 0.2, 0.3), 0.1 + 0.2 == 0.3, 0.1 + 0.2)
print(math.gcd(12, 18), math.factorial(20), math.comb(5, 2), math.inf > 10**100)
print(math.log(math.e), math.log2(1024), round(math.sin(math.pi / 2), 3))
print(2 ** 100, 7 // 2, -7 // 2, 7 % -3, divmod(17, 5), round(2.5), round(3.5))
