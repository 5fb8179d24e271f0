s = "naïve café 🐍"
print(len(s), s.upper(), s.encode("utf-8")[:8])
print(len("🐍".encode("utf-8")), "🐍".encode("utf-8").decode("utf-8"), ord("é"), chr(955))
print("straße".casefold() == "STRASSE".casefold(), "ﬁ".upper())
print(b"caf\xc3\xa9".decode(), "é".encode("latin-1"))
