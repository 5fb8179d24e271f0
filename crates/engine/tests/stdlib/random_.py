import random
random.seed(2024)
print(random.randint(1, 100), random.random() < 1, random.choice("abc") in "abc")
rng = random.Random(7)
items = list(range(10))
rng.shuffle(items)
print(sorted(items) == list(range(10)), len(random.sample(range(100), 5)))
print(random.SystemRandom().random() < 1)
