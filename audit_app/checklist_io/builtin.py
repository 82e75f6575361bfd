"""Built-in answer sets every checklist can name without defining them."""

from __future__ import annotations

from audit_app.domain.checklist import NOT_APPLICABLE, AnswerSpec, AnswerType, Option

YES = Option("ja", "Ja", "J")
NO = Option("nej", "Nej", "N")
NA = Option(NOT_APPLICABLE, "Ej aktuellt", "E", counted=False)

BUILTIN_SETS: dict[str, AnswerSpec] = {
    AnswerType.YES_NO.value: AnswerSpec(AnswerType.YES_NO, (YES, NO), frozenset({"ja"})),
    AnswerType.YES_NO_NA.value: AnswerSpec(
        AnswerType.YES_NO_NA, (YES, NO, NA), frozenset({"ja"})
    ),
    AnswerType.GRADED.value: AnswerSpec(
        AnswerType.GRADED,
        (Option("helt", "Helt", "H"), Option("delvis", "Delvis", "D"), Option("nej", "Nej", "N")),
        frozenset({"helt"}),
    ),
    AnswerType.NUMBER.value: AnswerSpec(AnswerType.NUMBER),
    AnswerType.DATE.value: AnswerSpec(AnswerType.DATE),
    AnswerType.TEXT.value: AnswerSpec(AnswerType.TEXT),
}
