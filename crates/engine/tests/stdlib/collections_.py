from collections import Counter, defaultdict, deque, namedtuple, OrderedDict, ChainMap
words = "the cat and the hat and the bat".split()
print(Counter(words).most_common(2))
groups = defaultdict(list)
for w in words:
    groups[len(w)].append(w)
print(dict(groups))
d = deque([1, 2, 3], maxlen=3)
d.append(4); d.appendleft(0)
print(d)
Point = namedtuple("Point", "x y")
p = Point(1, y=2)
print(p, p._replace(x=5), p._asdict())
print(ChainMap({"a": 1}, {"a": 2, "b": 3})["b"], list(OrderedDict(b=1, a=2)))
