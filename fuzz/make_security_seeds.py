#!/usr/bin/env python3
"""Writes the seeds of fuzz/corpus/security_answer/: genuine and spoiled payloads, question
tokens and started notes for the harness's fixed secret and clock (fuzz/security_answer_fuzz.cpp).

The security check's formats are computed again here, independently of the C++ code, from
src/app/security_check.cpp: run it again if the harness's secret, clock or those formats change.
"""
import base64
import hashlib
import hmac
import json
import pathlib

SECRET = b"dateline fuzz secret, 32 bytes!!"
NOW = 1_795_000_000
LIFETIME = 1800
OUT = pathlib.Path(__file__).resolve().parent / "corpus" / "security_answer"


def mac(key: bytes, message: bytes) -> bytes:
    return hmac.new(key, message, hashlib.sha256).digest()


SIGNATURE_KEY = mac(SECRET, b"dateline security check: challenge signature")
DERIVED_KEY_KEY = mac(SECRET, b"dateline security check: derived key signature")
QUESTION_KEY = mac(SECRET, b"dateline security check: question")
STARTED_KEY = mac(SECRET, b"dateline security check: started")
# What the harness's checks are bound to (app::comment_check_context of story 7).
CONTEXT = "article:7"


def payload(expires: int, counter: int = 5, wrong_key: bool = False, context: str = CONTEXT) -> str:
    nonce, salt, cost = bytes(range(16)), bytes(range(16, 32)), 10
    derived = hashlib.pbkdf2_hmac("sha256", nonce + counter.to_bytes(4, "big"), salt, cost, 32)
    parameters = (
        '{"algorithm":"PBKDF2/SHA-256","cost":%d,"expiresAt":%d,"keyLength":32,'
        '"keyPrefix":"%s","keySignature":"%s","nonce":"%s","salt":"%s"}'
        % (cost, expires, derived[:16].hex(), mac(DERIVED_KEY_KEY, derived).hex(), nonce.hex(),
           salt.hex()))
    signature = mac(SIGNATURE_KEY, f"{parameters}|{context}".encode()).hex()
    key = derived.hex()
    if wrong_key:  # the right prefix, the wrong rest
        key = key[:32] + ("0" if key[32] != "0" else "1") + key[33:]
    document = {
        "challenge": {"parameters": json.loads(parameters), "signature": signature},
        "solution": {"counter": counter, "derivedKey": key, "time": 12.5},
    }
    return base64.b64encode(json.dumps(document, separators=(",", ":")).encode()).decode()


def token(expires: int, answer: int) -> str:
    nonce = "0123456789abcdef0123456789abcdef"
    tag = mac(QUESTION_KEY, f"{nonce}.{expires}.{answer}|{CONTEXT}".encode()).hex()
    return f"{nonce}.{expires}.{tag}"


def note(started: int, context: str) -> str:
    return f"{started}." + mac(STARTED_KEY, f"{started}|{context}".encode()).hex()


seeds = {
    # '0': the widget's payload
    "payload-solved.txt": "0" + payload(NOW + LIFETIME),
    "payload-wrong-key.txt": "0" + payload(NOW + LIFETIME, wrong_key=True),
    "payload-expired.txt": "0" + payload(NOW - 1),
    "payload-other-story.txt": "0" + payload(NOW + LIFETIME, context="article:8"),
    "payload-not-base64.txt": "0" + "eyJjaGFsbGVuZ2UiOnt9fQ=*",
    "payload-empty-object.txt": "0" + base64.b64encode(b"{}").decode(),
    # '1': a question's token, a newline, the reader's answer
    "answer-right.txt": "1" + token(NOW + LIFETIME, 12) + "\n12",
    "answer-arabic-indic.txt": "1" + token(NOW + 60, 7) + "\n \u0667 ",
    "answer-extended-arabic-indic.txt": "1" + token(NOW + 60, 15) + "\n\u06f1\u06f5",
    "answer-wrong.txt": "1" + token(NOW + LIFETIME, 12) + "\n13",
    "answer-expired.txt": "1" + token(NOW - 1, 3) + "\n3",
    "answer-from-the-future.txt": "1" + token(NOW + LIFETIME + 1, 3) + "\n3",
    "answer-huge-expiry.txt": "1" + "0123456789abcdef0123456789abcdef.99999999999999999999." + "ab" * 32 + "\n3",
    # '2': a started note, a newline, its context
    "started-genuine.txt": "2" + note(NOW - 100, "article 7|203.0.113.0/24") + "\narticle 7|203.0.113.0/24",
    "started-other-context.txt": "2" + note(NOW - 100, "article 7|203.0.113.0/24") + "\narticle 8|203.0.113.0/24",
    "started-too-old.txt": "2" + note(NOW - LIFETIME - 1, "a") + "\na",
    "started-leading-zero.txt": "2" + "0" + note(NOW - 100, "a") + "\na",
}

OUT.mkdir(parents=True, exist_ok=True)
for name, text in seeds.items():
    (OUT / name).write_bytes(text.encode())
print(f"{len(seeds)} seeds written to {OUT}")
