#!/usr/bin/env python3
"""Writes a helpdesk ticket export (the `tickets` profile's columns) of about SIZE_MB
megabytes to PATH, deterministically: quoted descriptions with commas, quotes and line
breaks, 80% of tickets answered, 60% solved. Usage: csv_gen.py PATH SIZE_MB"""
import random
import sys

path, size_mb = sys.argv[1], float(sys.argv[2])
target = int(size_mb * 1024 * 1024)
rng = random.Random(42)
words = ("export failed again invoice login slow error timeout customer urgent please fix "
         "report dashboard sync mobile app crash billing refund password reset api key "
         "integration webhook latency outage data missing duplicate order shipment").split()
orgs = [f"Org {i:05d}" for i in range(5000)]
agents = ["Sam Ortiz", "Riya Shah", "Lee Park", "Ana Diaz", "Tom Berg"]
channels = ["email", "web", "chat", "phone", "twitter"]
prios = ["low", "normal", "high", "urgent", ""]
with open(path, "w", newline="") as out:
    out.write("ticket_id,created_at,requester_name,requester_email,organization,subject,"
              "description,channel,priority,status,first_reply_at,solved_at,assignee\n")
    written, i = 0, 0
    buf = []
    while written < target:
        i += 1
        day, sec = 1 + i % 28, i % 86400
        created = f"2026-02-{day:02d}T{sec // 3600:02d}:{sec % 3600 // 60:02d}:{sec % 60:02d}+01:00"
        text = " ".join(rng.choice(words) for _ in range(rng.randint(20, 60)))
        if i % 7 == 0:
            text += ', he said "again", and\nasked twice'
        reply = solved = assignee = ""
        if i % 5:
            r = sec + 600
            reply = f"2026-02-{day:02d}T{r // 3600 % 24:02d}:{r % 3600 // 60:02d}:00+01:00"
            assignee = agents[i % 5]
        if i % 5 in (1, 2, 3):
            solved = f"2026-03-{day:02d}T12:00:00Z"
        org = orgs[i % 5000]
        row = (f'T-{i},{created},Person {i % 9000},p{i % 9000}@{org.replace(" ", "").lower()}.example,'
               f'{org},"Subject {i}","{text.replace(chr(34), chr(34) * 2)}",{channels[i % 5]},'
               f'{prios[i % 5]},open,{reply},{solved},{assignee}\n')
        buf.append(row)
        written += len(row)
        if len(buf) >= 10000:
            out.write("".join(buf))
            buf = []
    out.write("".join(buf))
print(f"{path}: {i} tickets, {written / 1e6:.0f} MB")
