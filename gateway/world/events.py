"""Border, customs, travel, post, notary and migration events: №21–24, 29, 35, 42, 44–49."""

from __future__ import annotations

from gateway.world.codes import rng
from gateway.world.common import CITIES, COUNTRIES, Record, count, day, label, office, plus_years
from gateway.world.core import Subject, World, document_of, foreign

_CHECKPOINTS = (
    "Нұрсұлтан Назарбаев әуежайы / аэропорт",
    "Алматы әуежайы / аэропорт",
    "Жібек жолы",
    "Қорғас / Хоргос",
    "Сырым / Сырым",
    "Қайрақ / Кайрак",
)
_FOREIGN_NAMES = (
    "ALIEV RUSTAM",
    "WANG LEI",
    "IVANOV PETR",
    "YILMAZ MEHMET",
    "KARIMOV SHERZOD",
    "ABDULLAEV BAKHTIYOR",
    "LI NA",
    "SMITH JOHN",
)


def foreigner(world: World, s: Subject) -> bool:
    return foreign(world.person(s.index))


def _crossings(world: World, s: Subject, citizenship: bool) -> list[Record]:
    r = rng(world.seed, "border", s.code)
    doc = document_of(world, s)
    out = []
    for _ in range(count(r, (0.4, 0.1, 0.2, 0.1, 0.1, 0.1))):
        rec = {
            "direction": r.choice(("ШЫҒУ / ВЫЕЗД", "КІРУ / ВЪЕЗД")),
            "checkpoint": r.choice(_CHECKPOINTS),
            "crossed_on": day(r, 2019).isoformat(),
            "country": r.choice(COUNTRIES),
        }
        rec.update(
            {"citizenship": world.person(s.index).citizenship} if citizenship else {"document": doc}
        )
        out.append(rec)
    return sorted(out, key=lambda x: x["crossed_on"])


def border_citizens(world: World, s: Subject) -> list[Record]:
    return [] if foreigner(world, s) else _crossings(world, s, citizenship=False)


def border_foreigners(world: World, s: Subject) -> list[Record]:
    return _crossings(world, s, citizenship=True) if foreigner(world, s) else []


def passenger_declarations(world: World, s: Subject) -> list[Record]:
    r = rng(world.seed, "pdecl", s.code)
    return [
        {
            "declaration_number": f"ПТД-{r.randrange(10**8):08d}",
            "customs_office": r.choice(_CHECKPOINTS),
            "declared_on": day(r, 2019).isoformat(),
            "direction": r.choice(("КІРУ / ВЪЕЗД", "ШЫҒУ / ВЫЕЗД")),
            "goods": r.choice(
                ("ВАЛЮТА / ВАЛЮТА", "ЗЕРГЕРЛІК / ЮВЕЛИРНЫЕ ИЗДЕЛИЯ", "ЭЛЕКТРОНИКА / ЭЛЕКТРОНИКА")
            ),
        }
        for _ in range(count(r, (0.85, 0.1, 0.05)))
    ]


def railway_tickets(world: World, s: Subject) -> list[Record]:
    r = rng(world.seed, "ktz", s.code)
    out = []
    for _ in range(count(r, (0.4, 0.2, 0.2, 0.1, 0.1))):
        a, b = r.sample(CITIES, 2)
        out.append(
            {
                "ticket_number": f"{r.randrange(10**13):013d}",
                "train": f"{r.randrange(1, 400):03d}{r.choice('ТХЦ')}",
                "route": f"{a} — {b}",
                "departure": day(r, 2021).isoformat(),
                "seat": f"{r.randrange(1, 20)} вагон, {r.randrange(1, 54)} орын",
            }
        )
    return sorted(out, key=lambda x: x["departure"])


def postal(world: World, s: Subject) -> list[Record]:
    r = rng(world.seed, "post", s.code)
    return [
        {
            "tracking_number": f"RR{r.randrange(10**9):09d}KZ",
            "item_type": r.choice(("ТАПСЫРЫСТЫ ХАТ / ЗАКАЗНОЕ ПИСЬМО", "СӘЛЕМДЕМЕ / ПОСЫЛКА")),
            "direction": r.choice(("КІРІС / ВХОДЯЩЕЕ", "ШЫҒЫС / ИСХОДЯЩЕЕ")),
            "counterparty": f"{r.choice(CITIES)} қ.",
            "posted_on": day(r, 2021).isoformat(),
        }
        for _ in range(count(r, (0.5, 0.3, 0.2)))
    ]


def notary(world: World, s: Subject) -> list[Record]:
    r = rng(world.seed, "notary", s.code)
    out = []
    for _ in range(count(r, (0.6, 0.25, 0.1, 0.05))):
        other = (
            world.person_subject(r.randrange(world.population.size)) if world.population.size else s
        )
        out.append(
            {
                "act_number": f"{r.randrange(10**9):09d}",
                "act_type": r.choice(
                    (
                        "СЕНІМХАТ / ДОВЕРЕННОСТЬ",
                        "САТЫП АЛУ-САТУ / КУПЛЯ-ПРОДАЖА",
                        "КЕПІЛ / ЗАЛОГ",
                        "МҰРА / НАСЛЕДСТВО",
                    )
                ),
                "notary": f"{r.choice(CITIES)} қ. нотариусы",
                "act_date": day(r, 2012).isoformat(),
                "other_party": label(other),
            }
        )
    return out


def temporary_registration(world: World, s: Subject) -> list[Record]:
    if not foreigner(world, s):
        return []
    r = rng(world.seed, "tempreg", s.code)
    arrived = day(r, 2023)
    host = world.person_subject(r.randrange(world.population.size)) if world.population.size else s
    return [
        {
            "full_name": s.name,
            "citizenship": world.person(s.index).citizenship,
            "address": world.person(s.index).address,
            "host": label(host),
            "arrived_on": arrived.isoformat(),
            "stay_until": plus_years(arrived, 1).isoformat(),
        }
    ]


def _permit(world: World, s: Subject, kind: str, rate: float) -> tuple[str, str, str] | None:
    r = rng(world.seed, kind, s.code)
    if not foreigner(world, s) or r.random() > rate:
        return None
    issued = day(r, 2019, 2023)
    return (
        f"{kind[:2].upper()}-{r.randrange(10**7):07d}",
        issued.isoformat(),
        plus_years(issued, 3).isoformat(),
    )


def residence_permits(world: World, s: Subject) -> list[Record]:
    p = _permit(world, s, "residence", 0.6)
    if p is None:
        return []
    return [
        {
            "permit_type": "ТҰРАҚТЫ ТҰРУҒА ЫҚТИЯРХАТ / ВИД НА ЖИТЕЛЬСТВО",
            "permit_number": p[0],
            "issued_by": office(rng(world.seed, "rp-office", s.code), "КҚБ / УМС"),
            "issued_on": p[1],
            "valid_until": p[2],
        }
    ]


def household_work_permits(world: World, s: Subject) -> list[Record]:
    p = _permit(world, s, "workpermit", 0.5)
    if p is None:
        return []
    r = rng(world.seed, "wp-employer", s.code)
    employer = world.person_subject(r.randrange(world.population.size))
    return [
        {
            "permit_number": p[0],
            "employer": label(employer),
            "position": r.choice(
                ("ҮЙ ҚЫЗМЕТШІСІ / ДОМРАБОТНИЦА", "ЖҮРГІЗУШІ / ВОДИТЕЛЬ", "БАҒБАН / САДОВНИК")
            ),
            "issued_on": p[1],
            "valid_until": p[2],
        }
    ]


def emigration(world: World, s: Subject) -> list[Record]:
    r = rng(world.seed, "emigration", s.code)
    if foreigner(world, s) or r.random() > 0.01:
        return []
    return [
        {
            "application_number": f"ПМЖ-{r.randrange(10**6):06d}",
            "destination_country": r.choice(COUNTRIES),
            "applied_on": day(r, 2020).isoformat(),
            "status": r.choice(("ҚАРАУДА / НА РАССМОТРЕНИИ", "РӘСІМДЕЛДІ / ОФОРМЛЕНО")),
        }
    ]


def invitations(world: World, s: Subject) -> list[Record]:
    r = rng(world.seed, "invite", s.code)
    if foreigner(world, s) or r.random() > 0.03:
        return []
    issued = day(r, 2022)
    return [
        {
            "invitation_number": f"ШҚ-{r.randrange(10**6):06d}",
            "guest": r.choice(_FOREIGN_NAMES),
            "citizenship": r.choice(COUNTRIES),
            "issued_on": issued.isoformat(),
            "valid_until": plus_years(issued, 1).isoformat(),
        }
    ]


def citizenship(world: World, s: Subject) -> list[Record]:
    r = rng(world.seed, "citizenship", s.code)
    if foreigner(world, s) or r.random() > 0.02:
        return []
    return [
        {
            "decision": "АЗАМАТТЫҚҚА ҚАБЫЛДАНДЫ / ПРИНЯТ В ГРАЖДАНСТВО",
            "decision_number": f"{r.randrange(10**5):05d}",
            "decision_date": day(r, 2000).isoformat(),
            "previous_citizenship": r.choice(COUNTRIES),
        }
    ]
