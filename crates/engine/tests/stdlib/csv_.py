import csv, io
source = io.StringIO('name,score\nAda,90\n"Lovelace, A",85\n')
rows = list(csv.DictReader(source))
print(rows)
out = io.StringIO()
writer = csv.writer(out)
writer.writerow(["x", "a,b", 'say "hi"'])
print(repr(out.getvalue()))
