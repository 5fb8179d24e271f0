import os
from pathlib import Path
os.makedirs("project/src", exist_ok=True)
Path("project/src/app.py").write_text("print('hi')\n")
Path("project/README.md").write_text("# Project\n")
print(sorted(os.listdir("project")))
print(sorted(p.name for p in Path("project").rglob("*.py")))
print(os.path.exists("project/src/app.py"), os.path.isdir("project/src"))
print(os.path.join("a", "b", "c.txt"), os.path.splitext("photo.jpeg"))
print(Path("project/README.md").read_text().strip(), Path("project/README.md").stat().st_size)
os.remove("project/README.md")
print(sorted(os.listdir("project")))
print(Path("a/b/c.txt").suffix, Path("a/b/c.txt").parent.name)
