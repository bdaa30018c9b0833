"""Small original programs (written for these tests) standing in for tutorials and submissions.

The assignment: a library's loans. Every submission starts from ``STARTER``;
``ALICE``, ``CAROL``, ``DAN`` and ``ERIN`` solve it independently, and
``TUTORIAL`` is a made-up "build a reading list" tutorial one student follows.
"""

STARTER = {
    "library/models.py": '''\
from dataclasses import dataclass, field
from datetime import date


@dataclass
class Book:
    isbn: str
    title: str
    author: str
    copies: int = 1


@dataclass
class Member:
    member_id: int
    name: str
    borrowed: list[str] = field(default_factory=list)


def load_catalogue(rows):
    """Turn CSV rows into books (given: do not change)."""
    books = {}
    for row in rows:
        books[row["isbn"]] = Book(row["isbn"], row["title"], row["author"], int(row["copies"]))
    return books
''',
    "library/cli.py": '''\
import argparse
import sys


def build_parser():
    parser = argparse.ArgumentParser(prog="library")
    parser.add_argument("command", choices=["borrow", "return", "overdue"])
    parser.add_argument("--member", type=int)
    parser.add_argument("--isbn")
    return parser


def main(argv=None):
    args = build_parser().parse_args(argv)
    print(f"TODO: implement {args.command}", file=sys.stderr)
    return 0
''',
}

ALICE = '''\
from datetime import date, timedelta

LOAN_DAYS = 21
FINE_PER_DAY = 0.25


class LoanError(Exception):
    pass


class LoanDesk:
    """The front desk: lends books and takes them back."""

    def __init__(self, books, members):
        self.books = books
        self.members = members
        self.loans = {}

    def borrow(self, member_id, isbn, today):
        book = self.books.get(isbn)
        if book is None:
            raise LoanError(f"unknown book {isbn}")
        if book.copies == 0:
            raise LoanError(f"no copy of {book.title} left")
        member = self.members[member_id]
        if len(member.borrowed) >= 5:
            raise LoanError("a member may hold five books at most")
        book.copies -= 1
        member.borrowed.append(isbn)
        self.loans[(member_id, isbn)] = today + timedelta(days=LOAN_DAYS)
        return self.loans[(member_id, isbn)]

    def give_back(self, member_id, isbn, today):
        due = self.loans.pop((member_id, isbn))
        self.books[isbn].copies += 1
        self.members[member_id].borrowed.remove(isbn)
        late_days = max(0, (today - due).days)
        return round(late_days * FINE_PER_DAY, 2)

    def overdue(self, today):
        report = []
        for (member_id, isbn), due in sorted(self.loans.items(), key=lambda item: item[1]):
            if due < today:
                name = self.members[member_id].name
                report.append((name, self.books[isbn].title, (today - due).days))
        return report


def format_report(rows):
    lines = []
    for name, title, days in rows:
        lines.append(f"{name:<20} {title:<30} {days:>4} days late")
    return "\\n".join(lines) if lines else "Nothing overdue."
'''

CAROL = '''\
import datetime as dt
from collections import defaultdict


def make_state(books, members):
    return {"books": books, "members": members, "due": defaultdict(dict)}


def borrow(state, member_id, isbn, on):
    if isbn not in state["books"]:
        return False, "no such book"
    if state["books"][isbn].copies < 1:
        return False, "all copies are out"
    state["books"][isbn].copies = state["books"][isbn].copies - 1
    state["members"][member_id].borrowed.append(isbn)
    state["due"][member_id][isbn] = on + dt.timedelta(weeks=3)
    return True, state["due"][member_id][isbn].isoformat()


def return_book(state, member_id, isbn, on):
    # the fine is counted in cents, a day at a time
    due_date = state["due"][member_id].pop(isbn, None)
    if due_date is None:
        return False, "this member does not have that book"
    state["books"][isbn].copies += 1
    state["members"][member_id].borrowed = [
        b for b in state["members"][member_id].borrowed if b != isbn
    ]
    fine = 0
    while due_date < on:
        fine += 25
        due_date += dt.timedelta(days=1)
    return True, f"fine: {fine / 100:.2f}"


def overdue_list(state, on):
    out = []
    for member_id, loans in state["due"].items():
        for isbn, due_date in loans.items():
            if on > due_date:
                out.append(f"{state['members'][member_id].name}: {state['books'][isbn].title}")
    out.sort()
    return out
'''

DAN = '''\
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum


class Outcome(Enum):
    OK = "ok"
    MISSING = "missing"
    EXHAUSTED = "exhausted"
    LIMIT = "limit"


@dataclass(frozen=True)
class Loan:
    member: int
    isbn: str
    since: date

    @property
    def due(self) -> date:
        return self.since + timedelta(days=14)

    def days_late(self, today: date) -> int:
        return (today - self.due).days if today > self.due else 0


class Library:
    """Loans kept as a list; copies are counted, never stored."""

    MAX_LOANS = 3

    def __init__(self, books: dict, members: dict) -> None:
        self._books = books
        self._members = members
        self._loans: list[Loan] = []

    def lend(self, member: int, isbn: str, today: date) -> Outcome:
        if isbn not in self._books:
            return Outcome.MISSING
        if sum(1 for loan in self._loans if loan.isbn == isbn) >= self._books[isbn].copies:
            return Outcome.EXHAUSTED
        if sum(1 for loan in self._loans if loan.member == member) >= self.MAX_LOANS:
            return Outcome.LIMIT
        self._loans.append(Loan(member, isbn, today))
        return Outcome.OK

    def receive(self, member: int, isbn: str, today: date) -> int:
        for loan in self._loans:
            if (loan.member, loan.isbn) == (member, isbn):
                self._loans.remove(loan)
                return loan.days_late(today)
        raise KeyError((member, isbn))

    def late(self, today: date) -> list[Loan]:
        return sorted((l for l in self._loans if l.days_late(today)), key=lambda l: l.due)
'''

ERIN = '''\
import json
import sqlite3

SCHEMA = """
create table if not exists loans (
    member integer not null,
    isbn text not null,
    due text not null,
    primary key (member, isbn)
)
"""


def connect(path=":memory:"):
    db = sqlite3.connect(path)
    db.execute(SCHEMA)
    return db


def checkout(db, books, member, isbn, due):
    taken = db.execute("select count(*) from loans where isbn = ?", (isbn,)).fetchone()[0]
    if isbn not in books or taken >= books[isbn].copies:
        print("Sorry, not available")
        return False
    db.execute("insert into loans values (?, ?, ?)", (member, isbn, due.isoformat()))
    db.commit()
    return True


def checkin(db, member, isbn):
    # rowcount says whether the loan existed
    cursor = db.execute("delete from loans where member = ? and isbn = ?", (member, isbn))
    db.commit()
    return cursor.rowcount == 1


def overdue(db, today):
    rows = db.execute(
        "select member, isbn, due from loans where due < ? order by due", (today.isoformat(),)
    ).fetchall()
    return json.dumps([{"member": m, "isbn": i, "due": d} for m, i, d in rows], indent=2)
'''

TUTORIAL = '''\
"""Build a reading list app in 10 minutes! Step 3: saving and loading."""
import json
import os

READING_LIST_FILE = "reading_list.json"
WELCOME_BANNER = "Welcome to My Reading List, the simplest way to track books!"


def load_list():
    # if the file does not exist yet, start with an empty list
    if not os.path.exists(READING_LIST_FILE):
        return []
    with open(READING_LIST_FILE) as f:
        return json.load(f)


def save_list(items):
    with open(READING_LIST_FILE, "w") as f:
        json.dump(items, f, indent=4)


def add_book(items, title, author):
    for item in items:
        if item["title"].lower() == title.lower():
            print("You already have that book!")
            return items
    items.append({"title": title, "author": author, "read": False})
    save_list(items)
    print("Added " + title + " by " + author)
    return items


def mark_read(items, title):
    for item in items:
        if item["title"].lower() == title.lower():
            item["read"] = True
            save_list(items)
            print("Well done! You finished " + title)
            return True
    print("Could not find " + title)
    return False


def show(items):
    if len(items) == 0:
        print("Your reading list is empty.")
    for number, item in enumerate(items, start=1):
        status = "[x]" if item["read"] else "[ ]"
        print(str(number) + ". " + status + " " + item["title"] + " - " + item["author"])


def menu():
    print(WELCOME_BANNER)
    items = load_list()
    while True:
        choice = input("(a)dd, (r)ead, (s)how or (q)uit? ")
        if choice == "a":
            add_book(items, input("Title: "), input("Author: "))
        elif choice == "r":
            mark_read(items, input("Title: "))
        elif choice == "s":
            show(items)
        elif choice == "q":
            break
'''

# A script: short module-level statements, the shape of a beginner's course project.
SCRIPT = '''\
import csv
import random



def roll(sides):
    return random.randint(1, sides)


def bonus(value, sides):
    # a six earns two extra points
    return 2 if value == sides else 0


scores_file = "scores.csv"
players = ["ann", "bo", "cy", "di"]
rounds = int(input("How many rounds? "))
totals = {name: 0 for name in players}
history = []
best_round = None
dice_sides = 6
bonus_at = 10
print("Let the game begin with", len(players), "players")
for number in range(1, rounds + 1):
    throws = {name: roll(dice_sides) for name in players}
    history.append(throws)
    for name, value in throws.items():
        totals[name] += value + bonus(value, dice_sides)
leader = max(totals, key=totals.get)
lowest = min(totals, key=totals.get)
spread = totals[leader] - totals[lowest]
average = sum(totals.values()) / len(totals)
print("Leader:", leader, "with", totals[leader], "points")
print("Spread between first and last:", spread)
print("Average score:", round(average, 2))
bonus_players = [name for name, total in totals.items() if total >= bonus_at * rounds / 3]
print("Bonus for:", ", ".join(bonus_players) or "nobody")
with open(scores_file, "a", newline="") as handle:
    writer = csv.writer(handle)
    writer.writerow([rounds, leader, totals[leader], spread])
print("Saved to", scores_file)
'''
