"""Realistic HR records, made in code, with errors planted where a test asks."""

from __future__ import annotations

import random

GOOD = {
    "employee_id": "E0001",
    "name_roman": "NGUYEN VAN AN",
    "name_kana": "グエン　ヴァン　アン",
    "nationality": "ベトナム",
    "sex": "男",
    "date_of_birth": "19950401",
    "postal_code": "1000001",
    "address": "東京都千代田区霞が関１－１－１",
    "phone": "",
    "mobile_phone": "09012345678",
    "email": "an@example.jp",
    "passport_number": "C1234567",
    "passport_expiry": "20300101",
    "residence_card_number": "AB12345678CD",
    "status": "技術・人文知識・国際業務",
    "period_of_stay": "1年",
    "expires_on": "20270131",
    "employer": "株式会社サンプル",
    "corporate_number": "5835678256246",
    "monthly_salary": "300000",
}

SURNAMES = ["NGUYEN", "TRAN", "LE", "SMITH", "GARCIA", "KIM", "WANG", "SILVA"]
GIVEN = ["VAN AN", "THI HOA", "JOHN", "MARIA", "MIN JUN", "WEI", "ANA"]


def records(count: int, *, seed: int = 1) -> list[dict[str, str]]:
    """``count`` valid, varied records (unique passport and card numbers)."""
    rng = random.Random(seed)
    out = []
    for i in range(count):
        record = dict(GOOD)
        record["employee_id"] = f"E{i:05d}"
        record["name_roman"] = f"{rng.choice(SURNAMES)} {rng.choice(GIVEN)}"
        record["date_of_birth"] = (
            f"{rng.randint(1970, 2004)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
        )
        record["postal_code"] = f"{rng.randint(1000000, 9999999)}"
        record["passport_number"] = f"C{i:07d}"
        record["residence_card_number"] = f"AB{i:08d}CD"
        record["expires_on"] = f"2027{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
        record["monthly_salary"] = str(rng.randint(180_000, 600_000))
        out.append(record)
    return out
