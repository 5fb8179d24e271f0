import textwrap, string
para = "Python is a programming language that lets you work quickly and integrate systems effectively."
print(textwrap.fill(para, width=30))
print(textwrap.dedent("    a\n      b\n").splitlines())
print(textwrap.shorten(para, 40))
print(string.ascii_lowercase, string.digits, string.punctuation[:5])
print(string.Template("Hi $name").substitute(name="Ada"), string.capwords("hello big world"))
