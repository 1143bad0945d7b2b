#!/usr/bin/env python3
"""Derives the expected values pinned in merkle_test.cpp and audit_leaf_test.cpp, independently
of the C++ code: the Merkle Tree Hash, PATH and PROOF of RFC 9162 §2.1.1, §2.1.3.1 and
§2.1.4.1, written out as the RFC defines them (recursively, over the leaves themselves) with
Python's hashlib, and the leaf of one audit event as crypto/audit_leaf.hpp describes it.

    python3 tests/crypto/merkle_vectors.py

The leaves are the eight inputs of Certificate Transparency's own test vectors."""
import hashlib
import hmac

LEAVES = [b"", b"\x00", b"\x10", b"\x20\x21", b"\x30\x31", b"\x40\x41\x42\x43",
          bytes(range(0x50, 0x58)), bytes(range(0x60, 0x70))]


def h(data):
    return hashlib.sha256(data).digest()


def mth(d):
    n = len(d)
    if n == 0:
        return h(b"")
    if n == 1:
        return h(b"\x00" + d[0])
    k = 1
    while k * 2 < n:
        k *= 2
    return h(b"\x01" + mth(d[:k]) + mth(d[k:]))


def split(n):
    k = 1
    while k * 2 < n:
        k *= 2
    return k


def path(m, d):
    n = len(d)
    if n == 1:
        return []
    k = split(n)
    if m < k:
        return path(m, d[:k]) + [mth(d[k:])]
    return path(m - k, d[k:]) + [mth(d[:k])]


def subproof(m, d, b):
    n = len(d)
    if m == n:
        return [] if b else [mth(d)]
    k = split(n)
    if m <= k:
        return subproof(m, d[:k], b) + [mth(d[k:])]
    return subproof(m - k, d[k:], False) + [mth(d[:k])]


def proof(m, d):
    return subproof(m, d, True)


FIELDS = ["at", "actor_user_id", "actor_organisation_id", "action", "object_type", "object_id",
          "before", "after"]


def audit_leaf(seq, texts, event_salt):
    commitments = b""
    for name in FIELDS:
        field_salt = hmac.new(event_salt, name.encode(), hashlib.sha256).digest()
        commitments += h(field_salt + texts[name].encode())
    return h(b"\x00" + b"\x01" + seq.to_bytes(8, "big") + commitments)


def main():
    print("empty tree:", mth([]).hex())
    for n in range(1, 9):
        print(f"root of {n}:", mth(LEAVES[:n]).hex())
    for m, n in [(0, 8), (5, 8), (2, 3), (0, 1), (6, 7)]:
        print(f"inclusion of leaf {m} in {n}:", [p.hex() for p in path(m, LEAVES[:n])])
    for m, n in [(1, 8), (6, 8), (2, 5), (3, 7), (4, 8)]:
        print(f"consistency {m} -> {n}:", [p.hex() for p in proof(m, LEAVES[:n])])
    texts = {"at": "1790000000123456", "actor_user_id": "u-1", "actor_organisation_id": "o-1",
             "action": "order.placed", "object_type": "order", "object_id": "ord-1",
             "before": "", "after": "offering off-1 at 150000 cents, position 2"}
    salt = bytes(range(32))
    print("salt of 'after':", hmac.new(salt, b"after", hashlib.sha256).hexdigest())
    print("audit leaf of event 42:", audit_leaf(42, texts, salt).hex())


if __name__ == "__main__":
    main()
