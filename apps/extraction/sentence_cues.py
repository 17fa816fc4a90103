"""What a sentence's words flag, read in one Aho-Corasick pass (`SENTENCE_FLAGS.found`): the coalition named
by a word, a governing or capability coalition (not the coalition of the willing), a draft or a document
spoken of, words that leave a draft's text, a reference back to the sentence before, an appeal to skip, the
same step taken again, a statement issued, a "we" that names itself. The cues are data in all three
languages; `commitments.py` decides what each flag does.
"""

from __future__ import annotations

from .cues import cue, cue_table
from .predicates import vocabulary

_COALITION_WORD = cue(
    r"(?<!правящ)(?<!правящей )(?<!правящая )коалици\w*",
    r"коаліці\w*",
    r"(?<!governing )(?<!ruling )\bcoalition\b(?! partners?\b| government\b)",
)
# A governing coalition is not the coalition of the willing (a capability coalition, "the drone coalition", is
# told apart where its mention is read: actors._qualifies_coalition).
_GOVERNING = cue(r"правящ\w* коалиц", r"правлячо?\w* коаліц", r"governing coalition", r"ruling coalition")


_DRAFT_CONTEXT = cue(
    r"\bdraft", r"проект", r"проєкт", r"согласно документу", r"в документе", r"документ предусматр"
)
# A sentence that speaks of a document's contents without naming who issued it.
_DOCUMENT_REF = cue(
    r"\bдокумент",
    r"декларац",
    r"в тексте",
    r"у тексті",
    r"висновк",
    r"выводах",
    r"коммюнике",
    r"комюніке",
    r"\bthe (?:text|document|declaration|statement|communiqu\w*|conclusions|draft)\b",
    r"\b(?:проект|проєкт)\w*",
    r"коштів", r"средств\b", r"\bfunds\b", r"передбачено", r"предусмотрено", r"earmarked",
    r"\bit (?:also )?(?:foresees|envisages|provides for|calls for|says|states)\b", r"предусматривает", r"передбачає",
    # "Согласно тексту, Чехия обязуется ...", "В нем говорится, что ...": the text just named speaks
    r"согласно тексту", r"по тексту", r"відповідно до тексту", r"згідно з текстом", r"according to the text",
    r"\bв н(?:[её]м|ей) (?:также |тоже |, в частности, )?говорится",
    r"\b[ув] (?:ньому|ній) (?:також |, зокрема, )?йдеться",
)
_DOCUMENT_NOUN = cue(
    r"документ",
    r"декларац",
    r"заявлени",
    r"заяв[иу]\b",
    r"коммюнике",
    r"комюніке",
    r"вывод",
    r"висновк",
    r"\b(?:text|document|declaration|statement|communiqu\w*|conclusions)\b",
    r"бюджет", r"budget", r"программ", r"програм", r"programme", r"\bзакон\w*", r"\blaw\b",
    r"соглашени", r"\bугод", r"\bagreement", r"\bдоговор", r"\bpact\b", r"меморандум", r"memorandum",
)
_LEAVES_DRAFT = cue(
    r"заявил", r"сказал", r"сообщил", r"отметил", r"заявив", r"сказав", r"повідомив", r"зазначив",
    r"\bsaid\b", r"\btold\b", r"\bsays\b", r"according to", r"по словам", r"за словами",
    r"ранее", r"раніше", r"earlier", r"previously", r"\bhas\b", r"\bhave\b",
    r"объявил", r"оголосил", r"оголосив", r"\bannounced\b",
)
# A sentence without a named actor continues the previous one only when it refers back to it.
_ANAPHORA = cue(
    r"^(?:«|\"|“)?(?:he|she|they|он|она|они|він|вона|вони)\b",
    r"\b(?:also|likewise|также|тоже|також|теж)\b",
    r"^(?:кроме того|крім того|in addition)\b",
    # "По его словам, одна система уже была передана": the speaker's country is the one just named.
    r"^(?:по (?:его|ее|её|их) словам|за (?:його|її|їхніми) словами|according to (?:him|her|them))\b",
)
# A statement issued (spec §8: pledged), and the leaders its "we" names.
_ISSUED = cue(r"\bissued\b", r"\breleased\b", r"опубликова", r"оприлюдни", r"оприлюднен", r"обнародова",
              r"распространи\w* (?:\S+ )?заявлени", r"поширил\w* (?:\S+ )?заяв")
_WE_NAMED = cue(r"\bwe, the (?:leaders|heads|ministers|members)\b", r"\bмы, (?:лидеры|главы|министры|члены)\b",
                r"\bми, (?:лідери|глави|міністри|члени)\b")


# A sentence that names no type of its own: "Canada and New Zealand are considering a similar step",
# "the Netherlands did so earlier" take the types of the sentence before; so does money (a contribution to
# what was just described), and money with nothing described just before is financial aid, or military
# aid when it buys something.
_SAME_STEP = cue(
    r"аналогичн\w* (?:шаг|решени|мер)", r"такой же шаг", r"то же самое", r"так же поступ",
    r"аналогічн\w* (?:крок|рішенн|документ|угод)", r"подібн\w* (?:документ|угод)",
    r"аналогичн\w* (?:документ|соглашени)", r"подобн\w* (?:документ|соглашени)",
    r"similar (?:documents?|agreements?|deals?|accords?)",
    r"такий самий крок", r"те саме", r"similar (?:step|move|measures)", r"the same step", r"follow(?:ed|s)? suit",
    r"последовать (?:\S+ )?пример", r"наслідувати (?:\S+ )?приклад", r"это сделал", r"це зробил", r"did so",
    r"done so", r"done the same", r"did the same",
    # joining, or refusing a part in, the scheme the sentence before describes: "До моделі вже приєдналися
    # Швеція, Норвегія та Канада", "відмовилися брати участь у його забезпеченні"
    r"(?:присоедини|присоединя)\w* к (?:этой |данной |такой |этому |этому же )?(?:модел|механизм|инициатив|схем)",
    r"(?:к|до) (?:этой |цієї |цій |такої )?(?:модели|моделі) (?:уже |вже )?(?:присоедин|приєдна|долуч)",
    r"(?:приєдна|долучи|долуча)\w* до (?:цієї |цього |такої |такого )?(?:модел|механізм|ініціатив|схем)",
    r"joined (?:the |this |that )?(?:\w+ )?(?:model|scheme|initiative|mechanism)",
    r"участ\w* (?:в|у) (?:его|её|ее|его|нем|нём|ней|його|ньому|ній)\b", r"take part in it\b",
    r"participate in it\b",
)


SENTENCE_FLAGS = cue_table({
    "coalition_word": (_COALITION_WORD.pattern,),
    "governing": (_GOVERNING.pattern,),
    "draft_context": (_DRAFT_CONTEXT.pattern,),
    "leaves_draft": (_LEAVES_DRAFT.pattern,),
    "document_ref": (_DOCUMENT_REF.pattern,),
    "document_noun": (_DOCUMENT_NOUN.pattern,),
    "anaphora": (_ANAPHORA.pattern,),
    "skip": tuple(vocabulary().skip),
    "same_step": (_SAME_STEP.pattern,),
    "issued": (_ISSUED.pattern,),
    "we_named": (_WE_NAMED.pattern,),
})
