import json
data = {"name": "Ada", "langs": ["Python", "Rust"], "age": 36, "admin": False, "boss": None}
text = json.dumps(data, sort_keys=True)
print(text)
print(json.loads(text) == data)
print(json.dumps({"b": [1, 2]}, indent=2))
try:
    json.loads("{bad json}")
except json.JSONDecodeError as error:
    print(type(error).__name__, error.pos)
