from datetime import datetime, date, timedelta
moment = datetime.strptime("2024-03-15 14:30", "%Y-%m-%d %H:%M")
print(moment, moment.strftime("%A %d %B %Y"))
print(date(2024, 1, 31) + timedelta(days=30))
print((date(2025, 1, 1) - date(2024, 1, 1)).days)
print(datetime.now().year >= 2024)
