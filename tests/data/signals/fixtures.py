#!/usr/bin/env python3
"""Writes the golden ledgers of tests/data/signals/ (one NDJSON file per signal).

Each file holds small accounts built to sit on either side of a signal's thresholds (the
defaults of data/triage/triage.toml); cases.tsv says, for each account, which signals must
fire and which must stay silent, and the test (tests/engine/signals_golden_test.cc) checks
it. The NDJSON files are this script's output, committed: edit the script and run it again
(python3 tests/data/signals/fixtures.py) to change them, or add a file of your own by hand.
All cases are read as of 2026-06-01T00:00:00Z.
"""
import json
import os
from datetime import datetime, timedelta, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
UTC = timezone.utc

OURS = {
    "cs": {"email": "olivia.stone@ourco.example", "name": "Olivia Stone", "side": "ours", "level": "manager"},
    "agent": {"email": "sam.agent@ourco.example", "name": "Sam Reyes", "side": "ours", "level": "agent", "id": "agent-1"},
    "vp": {"email": "vera.park@ourco.example", "name": "Vera Park", "side": "ours", "level": "executive"},
    "billing": {"email": "billing@ourco.example", "name": "OurCo Billing", "side": "ours"},
}


def theirs(account, first, last, level):
    return {"email": f"{first.lower()}.{last.lower()}@{account}.example", "name": f"{first} {last}",
            "side": "theirs", "level": level}


def t(day, hour=10, minute=0):
    """2026-01-01 plus `day` days, at hour:minute UTC."""
    when = datetime(2026, 1, 1, tzinfo=UTC) + timedelta(days=day, hours=hour, minutes=minute)
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


class Ledger:
    def __init__(self, name):
        self.name = name
        self.events = []
        self.counter = {}

    def add(self, account, when, kind, sender, to=None, **attrs):
        n = self.counter.get(account, 0) + 1
        self.counter[account] = n
        event = {"id": f"{account}-{n}", "account": account, "time": when, "kind": kind, "from": sender}
        if to:
            event["to"] = to if isinstance(to, list) else [to]
        event.update(attrs)
        self.events.append(event)
        return event["id"]

    def write(self):
        self.events.sort(key=lambda e: e["time"])
        with open(os.path.join(HERE, self.name + ".ndjson"), "w") as out:
            for e in self.events:
                out.write(json.dumps(e, ensure_ascii=False, sort_keys=True) + "\n")


def invoices(led, account, payer, days_late, amount=100000, start_month=1, months=4):
    """Monthly invoices due on the 1st of each month; paid days_late[k] days after due (None: unpaid)."""
    for k in range(months):
        issued = datetime(2026, start_month + k, 1, 9, tzinfo=UTC) - timedelta(days=30)
        due = datetime(2026, start_month + k, 1, 9, tzinfo=UTC)
        inv = f"INV-{account}-{k + 1}"
        led.add(account, issued.strftime("%Y-%m-%dT%H:%M:%SZ"), "invoice", OURS["billing"], payer,
                invoice=inv, amount_minor=amount, currency="EUR", due=due.strftime("%Y-%m-%dT%H:%M:%SZ"))
        late = days_late[k] if k < len(days_late) else 0
        if late is not None:
            led.add(account, (due + timedelta(days=late)).strftime("%Y-%m-%dT%H:%M:%SZ"), "payment", payer,
                    OURS["billing"], invoice=inv, amount_minor=amount, currency="EUR")


def requests(led, account, who, texts, start_day, answer_hours=1, every=3):
    """One request per text, every `every` days, each answered after `answer_hours` (None: not)."""
    ids = []
    for k, text in enumerate(texts):
        day = start_day + every * k
        rid = led.add(account, t(day), "request", who, OURS["cs"], channel="email", subject=f"Request {k + 1}",
                      text=text)
        ids.append(rid)
        if answer_hours is not None:
            led.add(account, t(day, 10, int(answer_hours * 60)), "response", OURS["cs"], who, channel="email",
                    reply_to=rid, text="Thank you, we are on it.")
    return ids


def calls(led, account, who, count, handle_s, start_day=20):
    for k in range(count):
        led.add(account, t(start_day + k * 4, 11), "call", who, OURS["agent"], channel="phone", agent="agent-1",
                queue="technical", queue_wait_s=30, handle_s=handle_s, outcome="answered")


NEUTRAL = ["Could you please check the nightly export?", "The report totals look off for March, can you look?",
           "Please add our new colleague to the portal.", "Can we move our review to Thursday?",
           "The login page is slow this morning.", "Could you send the updated price list?"]
ABUSE = ["This is pathetic. Your useless team wastes my time again.", "You people are idiots. Fix this garbage now.",
         "What a joke of a service. Your incompetent support is a disgrace.",
         "Useless again. Your pathetic team cannot fix a simple export."]
FRUSTRATED = ["This is the third time the export failed this month. I am very disappointed and need it fixed today.",
              "We are losing a lot of time over these failures and need a real fix, not a workaround.",
              "I am frustrated that this keeps happening. Please escalate it internally.",
              "Our team is unhappy with how long this is taking. When will it be resolved?",
              "Again the same error. We need this fixed before month end."]
CHURN = ["We are evaluating Deskwise and will move our business to them unless this improves.",
         "Frankly your reports are wrong. We will switch to another vendor at renewal.",
         "Your numbers are not credible. We are talking to Supportly and plan to move our business.",
         "Unless things change we will cancel and move to a competitor."]
LEGAL = "We consider this a breach of contract and are reviewing our legal options. Our lawyers will be in touch."


def late_payer():
    led = Ledger("late_payer")
    invoices(led, "late", theirs("late", "Lena", "Ortiz", "manager"), [25, 30, 0, 40])
    invoices(led, "one-late", theirs("one-late", "Omar", "Hale", "manager"), [25, 0, 0, 0])
    invoices(led, "ten-days", theirs("ten-days", "Tia", "Moss", "manager"), [10, 10, 10, 10])
    invoices(led, "unpaid", theirs("unpaid", "Uma", "Reed", "manager"), [None, None, 0, 0])
    led.write()


def negative_margin():
    led = Ledger("negative_margin")
    for account, amount in [("drain", 25000), ("healthy", 2500000)]:
        who = theirs(account, "Dora", "Lind", "user")
        invoices(led, account, who, [0, 0, 0, 0], amount=amount)
        calls(led, account, who, 30, 3600)
    cheap = theirs("cheap", "Cai", "Wong", "user")
    invoices(led, "cheap", cheap, [0, 0, 0, 0], amount=2500)
    calls(led, "cheap", cheap, 5, 3600)
    led.write()


def abusive_contact():
    led = Ledger("abusive_contact")
    rude = theirs("rude", "Rex", "Hart", "user")
    requests(led, "rude", rude, ABUSE + NEUTRAL[:1], 10)
    requests(led, "rude", theirs("rude", "Ann", "Lee", "manager"), NEUTRAL, 12)
    requests(led, "twice", theirs("twice", "Tom", "Dunn", "user"), ABUSE[:2] + NEUTRAL[:3], 10)
    requests(led, "frustrated", theirs("frustrated", "Fay", "Cole", "user"), FRUSTRATED, 10)
    led.write()


def let_go():
    led = Ledger("let_go")
    for account, amount in [("bloodsucker", 25000), ("rude-but-worth-it", 2500000)]:
        who = theirs(account, "Rex", "Hart", "user")
        invoices(led, account, who, [30, 45, 20, None], amount=amount)
        calls(led, account, who, 30, 3600)
        requests(led, account, who, ABUSE + NEUTRAL[:1], 10)
    led.write()


def hostile_stakeholder():
    led = Ledger("hostile_stakeholder")
    for account in ["gaslight", "justified"]:
        a = theirs(account, "Gia", "Voss", "executive")
        slow = 72 if account == "justified" else 1
        requests(led, account, a, CHURN, 40, answer_hours=slow)
        requests(led, account, theirs(account, "Ben", "Ng", "manager"), NEUTRAL, 41, answer_hours=slow)
        requests(led, account, theirs(account, "Cy", "Ott", "user"), NEUTRAL, 42, answer_hours=slow)
        if account == "justified":  # a day-long outage: their anger has grounds
            led.add(account, t(60, 8), "incident", OURS["agent"], incident=f"{account}-inc1", phase="start",
                    severity="major", what="platform down")
            led.add(account, t(61, 8), "incident", OURS["agent"], incident=f"{account}-inc1", phase="end",
                    severity="major", what="platform down")
    escalator = theirs("escalator", "Eli", "Quinn", "manager")  # uses the escalation path, threatens nothing
    for k in range(4):
        led.add("escalator", t(40 + 10 * k), "escalation", escalator, OURS["vp"], channel="email", about="the export",
                text="Hi Vera, I am escalating this to you: the export problem has gone on for too long.")
    requests(led, "escalator", theirs("escalator", "Ben", "Ng", "manager"), NEUTRAL, 41)
    haggler = theirs("haggler", "Hal", "Diaz", "manager")
    for k in range(4):
        led.add("haggler", t(40 + 5 * k), "discount_request", haggler, OURS["cs"], percent=20,
                what="the renewal", channel="email",
                text="Could you give us 20% off the renewal? Other vendors offer us 20% off. Match it or we will have to rethink.")
    requests(led, "haggler", theirs("haggler", "Ben", "Ng", "manager"), NEUTRAL, 41)
    led.write()


def legal_risk():
    led = Ledger("legal_risk")
    for account, answered in [("lawyers", False), ("settled", True)]:
        ceo = theirs(account, "Lou", "Marsh", "executive")
        requests(led, account, theirs(account, "Ben", "Ng", "manager"), NEUTRAL[:3], 60)
        rid = led.add(account, t(130), "request", ceo, OURS["vp"], channel="email", subject="Breach of contract",
                      text=LEGAL)
        if answered:
            led.add(account, t(131), "response", OURS["vp"], ceo, channel="email", reply_to=rid,
                    text="I have called you and we agreed the fix and a credit.")
    # One complaint in two messages a minute apart, the second answered: it was answered.
    # A threat left unanswered while we answer the same person about other things weeks later: not.
    for account, later_days in [("split", 0), ("ignored", 14)]:
        ceo = theirs(account, "Lou", "Marsh", "executive")
        led.add(account, t(130), "request", ceo, OURS["vp"], channel="email", subject="Breach of contract", text=LEGAL)
        rid = led.add(account, t(130 + later_days, 10, 1), "request", ceo, OURS["vp"], channel="email",
                      subject="Export", text="Also, the export still fails.")
        led.add(account, t(130 + later_days, 12), "response", OURS["vp"], ceo, channel="email", reply_to=rid,
                text="We are on it and will call you.")
    led.write()


def commitments(led, account, who, outcomes, start_day, owner, to):
    """Commitments made by `who`, due 5 days later; outcome per entry: kept, broken, None (open)."""
    ids = []
    for k, outcome in enumerate(outcomes):
        day = start_day + 8 * k
        cid = led.add(account, t(day), "commitment", who, to, channel="email", owner=owner,
                      what=f"deliverable {k + 1}", due=t(day + 5, 17), text=f"We will send deliverable {k + 1} by then.")
        ids.append(cid)
        if outcome:
            led.add(account, t(day + (4 if outcome == "kept" else 7), 12), "commitment_outcome", OURS["cs"], who,
                    commitment=cid, status=outcome, channel="email")
    return ids


def contract(led, account, signer, ends):
    led.add(account, t(-300), "contract", OURS["vp"], signer, contract=f"CTR-{account}", starts=t(-300),
            ends=ends, value_minor=1200000, currency="EUR")


def stalled_deal():
    led = Ledger("stalled_deal")
    for account, ends, outcomes in [("stalling", t(210), ["broken", "broken", "kept", "broken"]),
                                    ("no-renewal-due", t(700), ["broken", "broken", "kept", "broken"]),
                                    ("busy", t(210), ["broken", "kept", "kept", "broken"])]:
        signer = theirs(account, "Sia", "Kaur", "executive")
        contract(led, account, signer, ends)
        commitments(led, account, theirs(account, "Max", "Berg", "manager"), outcomes, 90, "theirs", OURS["cs"])
    led.write()


def broken_promises():
    led = Ledger("broken_promises")
    for account, outcomes in [("breaker", ["broken", "kept", "broken", "kept", "broken"]),
                              ("mostly-kept", ["broken", "kept", "kept", "broken", "kept", "kept", "broken", "kept"])]:
        ids = commitments(led, account, OURS["cs"], outcomes, 90, "ours", theirs(account, "Ida", "Holm", "manager"))
        led.add(account, t(90 + 3, 9), "status_update", OURS["cs"], theirs(account, "Ida", "Holm", "manager"),
                refers_to=ids[0], text="The first deliverable will slip by two days, sorry.")
    led.write()


def impossible_deadline():
    led = Ledger("impossible_deadline")
    who = theirs("fair", "Fe", "Ruiz", "manager")
    for k in range(6):  # our history: a custom report takes us 6 business days, every time
        start = 7 * 14 - 84 + 14 * k  # Mondays from 2026-01-05 on... roughly every two weeks
        cid = led.add("fair", t(start + 4), "commitment", OURS["cs"], who, channel="email", owner="ours",
                      what="custom report", due=t(start + 4 + 10, 17), text="We will build the custom report.")
        led.add("fair", t(start + 4 + 8, 12), "commitment_outcome", OURS["cs"], who, commitment=cid, status="kept")
    led.add("fair", t(128), "deadline", who, OURS["cs"], channel="email", what="custom report", due=t(142, 17),
            text="We need the custom report for the quarter close.")
    rush = theirs("rush", "Ray", "Kim", "manager")
    led.add("rush", t(136, 9), "deadline", rush, OURS["cs"], channel="email", what="custom report", due=t(136, 17),
            text="We need the custom report today, for the board.")
    led.write()


def level_gap():
    led = Ledger("level_gap")
    for account in ["gap", "connected"]:
        ceo = theirs(account, "Eve", "Stark", "executive")
        led.add(account, t(-200), "contract", ceo, contract=f"CTR-{account}", starts=t(-200), ends=t(500),
                value_minor=1200000, currency="EUR")
        requests(led, account, theirs(account, "Mia", "Cruz", "manager"), NEUTRAL * 2, 20, every=6)
        if account == "connected":
            led.add(account, t(100), "message", OURS["vp"], ceo, channel="meeting", text="Quarterly review.")
    led.write()


def discount_badgering():
    led = Ledger("discount_badgering")
    for account, count, filler in [("badger", 8, 6), ("occasional", 5, 6), ("big-account", 6, 160)]:
        who = theirs(account, "Bo", "Hahn", "manager")
        for k in range(count):
            led.add(account, t(-120 + 30 * k), "discount_request", who, OURS["cs"], percent=10, channel="email",
                    what="the next invoice", text="Is there any flexibility on price? We were hoping for 10% off.")
        for k in range(filler):
            requests(led, account, who, NEUTRAL[:1], -200 + k)
    led.write()


def quick_wins():
    led = Ledger("quick_wins")
    thanked_a, thanked_b = theirs("thanked", "Ari", "Nash", "user"), theirs("thanked", "Bea", "Ford", "manager")
    root = led.add("thanked", t(120), "request", thanked_a, OURS["cs"], channel="email", subject="CSV export",
                   text="Could you please add a CSV export of invoices?")
    again = led.add("thanked", t(125), "message", thanked_b, OURS["cs"], channel="email", reply_to=root,
                    text="Any update on the CSV export? We still need it.")
    answer = led.add("thanked", t(126), "response", OURS["cs"], thanked_b, channel="email", reply_to=again,
                     text="It is live now: Reports > Export > CSV.")
    for who, day in [(thanked_a, 127), (thanked_b, 128)]:  # thanks close the thread; they ask nothing
        led.add("thanked", t(day), "message", who, OURS["cs"], channel="email", reply_to=answer,
                text="Perfect, thank you so much for the quick fix!")
    for account, answered, two_people in [("asks", False, True), ("answered", True, True), ("lonely", False, False)]:
        a = theirs(account, "Ari", "Nash", "user")
        b = theirs(account, "Bea", "Ford", "manager") if two_people else a
        root = led.add(account, t(120), "request", a, OURS["cs"], channel="email", subject="CSV export of invoices",
                       text="Could you please add a CSV export of invoices? It would save us hours.")
        again = led.add(account, t(130), "message", b, OURS["cs"], channel="email", reply_to=root,
                        subject="Re: CSV export of invoices", text="Any update on the CSV export? We still need it.")
        last = led.add(account, t(140), "message", a, OURS["cs"], channel="email", reply_to=again,
                       subject="Re: CSV export of invoices", text="Following up again on the CSV export.")
        if answered:
            led.add(account, t(141), "response", OURS["cs"], a, channel="email", reply_to=last,
                    text="It ships next week; here is the preview.")
        requests(led, account, a, NEUTRAL[:2], 100)
    led.write()


def advocate():
    led = Ledger("advocate")
    # A request about something else made during an outage, answered and thanked: not a report of it.
    who = theirs("coincidence", "Kai", "Lund", "manager")
    led.add("coincidence", t(100, 10), "incident", OURS["agent"], incident="coincidence-inc1", phase="start",
            severity="major", what="exports failing")
    other = led.add("coincidence", t(100, 12), "request", who, OURS["agent"], channel="email", subject="New user",
                    text="Could you add our new colleague to the portal?")
    answer = led.add("coincidence", t(100, 12, 30), "response", OURS["agent"], who, channel="email", reply_to=other,
                     text="Done, she has access now.")
    led.add("coincidence", t(100, 13), "incident", OURS["agent"], incident="coincidence-inc1", phase="end",
            severity="major", what="exports failing")
    led.add("coincidence", t(100, 14), "message", who, OURS["agent"], channel="email", reply_to=answer,
            text="Thank you so much, impressive turnaround today. Happy to be a reference any time.")
    for account, fix_minutes, words in [
            ("fan", 85, "Thank you so much, impressive turnaround today. Happy to be a reference any time."),
            ("slow-fix", 30 * 60, "Thank you so much, impressive work by your team. Happy to be a reference any time."),
            ("grumpy", 85, "Finally. This should never have happened.")]:
        who = theirs(account, "Kai", "Lund", "manager")
        inc = f"{account}-inc1"
        led.add(account, t(100, 10), "incident", OURS["agent"], incident=inc, phase="start", severity="major",
                what="exports failing")
        report = led.add(account, t(100, 10, 5), "request", who, OURS["agent"], channel="email",
                         subject="Exports failing", text="Our exports are failing since this morning.", priority="urgent")
        end = led.add(account, t(100, 10, 5 + fix_minutes), "incident", OURS["agent"], incident=inc, phase="end",
                      severity="major", what="exports failing", reply_to=report)
        led.add(account, t(102, 9), "message", who, OURS["agent"], channel="email", reply_to=end, text=words)
    led.write()


if __name__ == "__main__":
    for make in [late_payer, negative_margin, abusive_contact, let_go, hostile_stakeholder, legal_risk, stalled_deal,
                 broken_promises, impossible_deadline, level_gap, discount_badgering, quick_wins, advocate]:
        make()
