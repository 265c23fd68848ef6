#!/usr/bin/env python3
"""Mail import benchmark for BENCHMARKS.md ("## Mail import").

Generates a deterministic mbox of about SIZE_MB (default 1024) of realistic support mail:
threads of a customer question and replies from both sides, quoted earlier messages,
signatures, a list footer part, some HTML-only and multipart/alternative bodies, some base64
attachments, RFC 2047 names. Then times `nanni import` of it into a fresh ledger and prints
messages/s, MB/s and peak RSS. For scale it also times reading the file once (`cat`), the
floor any importer pays.

Usage: bench/mbox_bench.py [SIZE_MB]     (needs build/release; scratch in bench/out/)
"""
import base64, os, random, re, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NANNI = os.path.join(ROOT, "build/release/src/nanni")
OUT = os.path.join(ROOT, "bench/out")

WORDS = ("the radio driver stream buffer overflow firmware image device sample rate clock "
         "timeout packet host network error receive transmit channel antenna gain frequency "
         "export nightly report invoice account shipment release version update install "
         "configuration server latency throughput queue fix patch issue customer support").split()
DOMAINS = ["acme-corp.com", "globex.example", "initech.io", "umbrella.co.uk", "gmail.com",
           "hooli.com", "vandelay.example", "stark.example", "wayne.example", "yahoo.com"]
FIRST = ["Dana", "Sam", "Lee", "Ana", "Jörg", "Zoë", "Ivan", "Mei", "Omar", "Priya", "Tom"]
LAST = ["Whitfield", "Ortiz", "Brändli", "Nakamura", "Smith", "Kowalski", "Haddad", "Rao"]
QUESTIONS = ["Can you tell me why the stream stops after an hour?",
             "Is there a way to set the gain from Python?",
             "Could you send the new image?", "We need the export fixed by Friday.",
             "How do I configure the clock source?"]


def sentence(rng):
    n = rng.randint(6, 16)
    s = " ".join(rng.choice(WORDS) for _ in range(n))
    return s[0].upper() + s[1:] + rng.choice([".", ".", ".", "?", "!"])


def paragraph(rng):
    text = " ".join(sentence(rng) for _ in range(rng.randint(2, 6)))
    return "\n".join(re.findall(r".{1,72}(?:\s|$)", text)).rstrip()


def encoded_name(first, last):
    name = f"{first} {last}"
    if all(ord(c) < 128 for c in name):
        return name
    return "=?utf-8?b?" + base64.b64encode(name.encode()).decode() + "?="


def message(rng, n, thread_msgs, blobs):
    """One message (without the mbox From_ line) and its Message-ID."""
    ours = thread_msgs and rng.random() < 0.45
    first, last = rng.choice(FIRST), rng.choice(LAST)
    domain = "ourco.example" if ours else rng.choice(DOMAINS)
    addr = f"{first.lower().replace('ö', 'o').replace('ë', 'e')}.{last.lower()[:4]}{n % 97}@{domain}"
    mid = f"<{n}.{rng.getrandbits(40):x}@{domain}>"
    day = 1 + n // 5000 % 28
    date = f"{['Mon','Tue','Wed','Thu','Fri'][n % 5]}, {day:02d} Mar 2026 {n % 24:02d}:{n % 60:02d}:{(n * 7) % 60:02d} +0100"
    subject = f"Re: Case {thread_msgs[0][1] if thread_msgs else n}" if thread_msgs else f"Case {n}: {rng.choice(WORDS)} {rng.choice(WORDS)}"
    headers = [f"Return-Path: <{addr}>",
               f"Received: from mx.{domain} by mail.ourco.example; {date}",
               f"From: {encoded_name(first, last)} <{addr}>",
               f"To: support@ourco.example", f"Subject: {subject}", f"Date: {date}",
               f"Message-ID: {mid}", "MIME-Version: 1.0"]
    if thread_msgs:
        parent = thread_msgs[-1][0]
        headers.append(f"In-Reply-To: {parent}")
        headers.append("References: " + " ".join(t[0] for t in thread_msgs[-8:]))
    body = "\n\n".join(paragraph(rng) for _ in range(rng.randint(1, 4)))
    if not ours and rng.random() < 0.5:
        body = rng.choice(QUESTIONS) + "\n\n" + body
    if thread_msgs:
        quoted = "\n".join("> " + line for line in thread_msgs[-1][2].splitlines()[:60])
        body += f"\n\nOn {date}, someone wrote:\n{quoted}"
    body += f"\n\nBest regards,\n{first} {last}\n" + rng.choice(["Support Engineer", "VP Operations", "Product Manager", "Researcher"])
    footer = "_______________________________________________\nSupport mailing list\nhttps://lists.example/listinfo/support\n"
    r = rng.random()
    boundary = f"=_{n:x}_="
    if r < 0.10:  # HTML only
        html = "<html><body>" + "".join(f"<p>{p}</p>" for p in body.split("\n\n")) + "</body></html>"
        headers.append("Content-Type: text/html; charset=utf-8")
        text = html + "\n"
    elif r < 0.25:  # alternative
        html = "<html><body>" + "".join(f"<p>{p}</p>" for p in body.split("\n\n")) + "</body></html>"
        headers.append(f'Content-Type: multipart/alternative; boundary="{boundary}"')
        text = (f"--{boundary}\nContent-Type: text/plain; charset=utf-8\n\n{body}\n"
                f"--{boundary}\nContent-Type: text/html; charset=utf-8\n\n{html}\n--{boundary}--\n")
    elif r < 0.33:  # attachment
        blob = rng.choice(blobs)
        headers.append(f'Content-Type: multipart/mixed; boundary="{boundary}"')
        text = (f"--{boundary}\nContent-Type: text/plain; charset=utf-8\n\n{body}\n"
                f"--{boundary}\nContent-Type: application/octet-stream\n"
                f'Content-Disposition: attachment; filename="log-{n}.bin"\n'
                f"Content-Transfer-Encoding: base64\n\n{blob}\n--{boundary}--\n")
    else:  # plain text with the list footer as a part of its own
        headers.append(f'Content-Type: multipart/mixed; boundary="{boundary}"')
        text = (f"--{boundary}\nContent-Type: text/plain; charset=utf-8\n\n{body}\n"
                f"--{boundary}\nContent-Type: text/plain; charset=us-ascii\n\n{footer}--{boundary}--\n")
    # mboxrd escaping of body lines that look like From_ lines
    text = re.sub(r"(?m)^(>*From )", r">\1", text)
    return mid, "\n".join(headers) + "\n\n" + text, body, subject


def generate(path, size_mb, seed=7):
    rng = random.Random(seed)
    blobs = []
    for k in range(8):
        raw = random.Random(k).randbytes(rng.randint(20_000, 120_000))
        b = base64.b64encode(raw).decode()
        blobs.append("\n".join(b[i:i + 76] for i in range(0, len(b), 76)))
    target = size_mb * 1024 * 1024
    written = n = 0
    threads = []
    with open(path, "w", encoding="utf-8") as f:
        while written < target:
            if not threads or rng.random() < 0.3:
                threads.append([])
                if len(threads) > 50:
                    threads.pop(0)
            t = rng.choice(threads[-20:])
            mid, msg, body, subject = message(rng, n, t, blobs)
            t.append((mid, t[0][1] if t else n, body))
            chunk = f"From support@ourco.example Mon Mar  2 09:00:00 2026\n{msg}\n"
            f.write(chunk)
            written += len(chunk.encode())
            n += 1
    return n


def main():
    size_mb = int(sys.argv[1]) if len(sys.argv) > 1 else 1024
    os.makedirs(OUT, exist_ok=True)
    mbox = os.path.join(OUT, f"bench-{size_mb}mb.mbox")
    db = os.path.join(OUT, "mail-bench.db")
    t0 = time.time()
    if not os.path.exists(mbox):
        count = generate(mbox, size_mb)
        print(f"generated {count} messages in {time.time() - t0:.1f} s")
    count = sum(1 for line in open(mbox, "rb") if line.startswith(b"From support@ourco.example "))
    size = os.path.getsize(mbox)
    t0 = time.time()
    subprocess.run(["cat", mbox], stdout=subprocess.DEVNULL, check=True)
    cat_s = time.time() - t0
    for p in (db, db + "-wal", db + "-shm"):
        if os.path.exists(p):
            os.remove(p)
    subprocess.run([NANNI, "--db", db, "init"], check=True, stdout=subprocess.DEVNULL)
    config = os.path.join(OUT, "mail-bench.toml")
    with open(config, "w") as f:
        f.write('[company]\ndomains = ["ourco.example"]\n')
    t0 = time.time()
    r = subprocess.run(["/usr/bin/time", "-f", "%M %U %S", NANNI, "--db", db, "--config", config,
                        "--json", "import", "--no-progress", mbox],
                       check=True, capture_output=True, text=True)
    secs = time.time() - t0
    rss_kb, user_s, sys_s = r.stderr.strip().splitlines()[-1].split()
    rss_mb = int(rss_kb) / 1024
    cpu_s = float(user_s) + float(sys_s)
    print(r.stdout.strip())
    mb = size / 1e6
    print(f"| mbox | messages | MB | import s | messages/s | MB/s | CPU s (both threads) | peak RSS MB | cat MB/s |")
    print(f"|---|---|---|---|---|---|---|---|---|")
    print(f"| {os.path.basename(mbox)} | {count} | {mb:.0f} | {secs:.1f} | {count / secs:.0f} | "
          f"{mb / secs:.1f} | {cpu_s:.1f} | {rss_mb:.0f} | {mb / cat_s:.0f} |")


if __name__ == "__main__":
    main()
