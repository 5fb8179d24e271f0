import re
text = "Call 555-1234 or 555-9876 before 5pm."
print(re.findall(r"\d{3}-\d{4}", text))
m = re.search(r"(?P<area>\d{3})-(?P<line>\d{4})", text)
print(m.group("area"), m.span(), m.groupdict())
print(re.sub(r"(\d+)pm", r"\1 PM", text))
print(re.split(r"\s*,\s*", "a , b,c"), bool(re.fullmatch(r"[a-z]+", "abc")))
print(re.compile(r"^\w+", re.M).findall("one two\nthree four"))
