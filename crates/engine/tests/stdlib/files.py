with open("notes.txt", "w") as f:
    f.write("first line\n")
with open("notes.txt", "a", encoding="utf-8") as f:
    print("second line, ünïcode", file=f)
with open("notes.txt") as f:
    for number, line in enumerate(f, 1):
        print(number, line.rstrip())
with open("data.bin", "wb") as f:
    f.write(bytes(range(5)))
with open("data.bin", "rb") as f:
    print(f.read())
try:
    open("missing.txt")
except FileNotFoundError as error:
    print("FileNotFoundError:", error)
