import traceback
try:
    {}["key"]
except KeyError:
    text = traceback.format_exc()
print(text.splitlines()[0])
print(text.splitlines()[-1])
print(traceback.format_exception_only(ValueError("bad"))[0], end="")
