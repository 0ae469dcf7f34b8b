"""Benchmark text: our own Serbian sentences, repeated and shuffled to a target size."""

from __future__ import annotations

import random

PLAIN = [
    "Šef Kancelarije za vezu sastao se danas sa predstavnicima Ministarstva odbrane.",
    "Razgovarali su o saradnji u oblasti obuke i o reformi sistema odbrane.",
    "Zadovoljni smo rezultatima koje smo postigli ove godine, rekao je on posle sastanka.",
    "Ljubazni domaćini pokazali su gostima novu opremu za spasavanje iz ruševina.",
    "Vežba je trajala tri dana, a učestvovalo je više od dvesta pripadnika.",
    "Đorđe Jovanović iz Javnih poslova najavio je konferenciju za medije.",
    "Njegova poruka je jasna: ljudi su najvažniji, a džep poreskih obveznika nije bez dna.",
    "Fotografija prikazuje vojnike tokom vežbe kod Požarevca u ranu jesen.",
    "Ćirilica i latinica su ravnopravna pisma u svakodnevnom životu građana.",
    "Pozvali su Ljiljanu, Njegovana i Džemala na svečani prijem u Beogradu.",
]
MIXED = [
    *PLAIN,
    "Predstavnici NATO-a i KFOR-a obišli su bazu u XXI veku prvi put.",
    "Izveštaj u PDF formatu je na adresi https://example.org/izvestaj.pdf za sve.",
    "Pišite na press@example.org; odgovaramo samo na pitanja medija.",
    "Ukupno %(count)d vesti za {user}, u <b>arhivi</b> &nbsp; od 2021.",
    "Vežba REGEX 18 održana je u Washingtonu, a nadživela je sve prognoze.",
    "Injekcija hrabrosti: agencija Tanjug prenosi izjavu o podžanru.",
]


def make(sentences: list[str], size: int, seed: int = 7) -> str:
    """Return about ``size`` characters of text made of ``sentences`` in a seeded order."""
    rng = random.Random(seed)
    parts: list[str] = []
    total = 0
    while total < size:
        sentence = rng.choice(sentences)
        parts.append(sentence)
        total += len(sentence) + 1
    return " ".join(parts)
