"""Demo evaluation: participation feedback on a few demo dialogues and academies (some under 5
answers, so that suppression shows), the 2025 mid-term evaluation written from the demo progress
as of its cut-off date and published, and plan version 2 with one amendment. Invented: every
text says "DEMO"."""

import datetime
import random

from django.utils import timezone

from commitments.models import (
    Action,
    AmendmentKind,
    Commitment,
    Evaluation,
    EvaluationStatus,
    PlanVersion,
)
from commitments.versioning import amendment_record
from reporting.models import (
    FEEDBACK_KINDS,
    Accessible,
    Activity,
    AnswerLanguage,
    CommitmentProposal,
    FeedbackAnswer,
    Influence,
    InTime,
    RespondentGroup,
)
from reporting.services.evaluations import (
    assessment_save,
    evaluation_publish,
    evidence_candidates,
    target_measures,
)
from reporting.services.feedback import feedback_link_create

SEED = 2025
CUT_OFF = datetime.date(2025, 9, 30)
PUBLISHED_AT = datetime.datetime(2025, 11, 20, 10, 0)
V2_FROM = datetime.date(2025, 12, 1)
# Answers on the first demo activities: the last is under 5, so its figures are suppressed.
ANSWER_COUNTS = [12, 7, 3]
RATINGS = ["limited", "substantial", "substantial", "limited", "complete", "substantial"]


def feedback(team):
    """Feedback links on three demo activities before the cut-off, with anonymous answers."""
    rng = random.Random(SEED)
    activities = Activity.objects.filter(
        kind__in=FEEDBACK_KINDS, happened_on__lte=CUT_OFF - datetime.timedelta(days=14)
    ).order_by("-happened_on", "pk")[: len(ANSWER_COUNTS)]
    for activity, count in zip(activities, ANSWER_COUNTS, strict=False):
        link = feedback_link_create(activity=activity, by=team)
        given = timezone.make_aware(
            datetime.datetime.combine(activity.happened_on, datetime.time(16))
        )
        answers = [
            FeedbackAnswer(
                link=link,
                materials_in_time=rng.choice([InTime.YES, InTime.YES, InTime.LATE]),
                days_before=rng.choice([2, 5, 7, 10, 14]),
                could_influence=rng.choice([Influence.YES, Influence.PARTLY, Influence.NO]),
                accessible=rng.choice([Accessible.YES, Accessible.YES, Accessible.PARTLY]),
                language=rng.choice([AnswerLanguage.FINNISH] * 4 + [AnswerLanguage.SWEDISH]),
                group=rng.choice(["", RespondentGroup.RESIDENT, RespondentGroup.NGO]),
                comment="DEMO" if n == 0 else "",
            )
            for n in range(count)
        ]
        for answer in answers:
            answer.full_clean()
        FeedbackAnswer.objects.bulk_create(answers)
        FeedbackAnswer.objects.filter(link=link).update(created_at=given)


def mid_term(team):
    """The 2025 mid-term evaluation, written from the records as of 30.9.2025, published."""
    evaluation = Evaluation.objects.get(kind=Evaluation.Kind.MID_TERM)
    evaluation.cut_off = CUT_OFF
    evaluation.summary_fi = (
        "DEMO. Ohjelman toimeenpano on edennyt puolivälissä **osin**: valtaosa toimenpiteistä "
        "on käynnissä, mutta raportointi on vapaaehtoista ja kattaa vain osan organisaatioista."
    )
    evaluation.summary_sv = (
        "DEMO. Genomförandet har vid halvtid framskridit **delvis**: de flesta åtgärderna pågår, "
        "men rapporteringen är frivillig och täcker bara en del av organisationerna."
    )
    evaluation.summary_en = (
        "DEMO. At mid-term, implementation has **partly** progressed: most measures are under "
        "way, but reporting is voluntary and covers only some organisations."
    )
    evaluation.save()
    criteria = {c.code: c for c in evaluation.criteria.select_related("scale")}
    goal = criteria["goal_achievement"]
    for commitment in Commitment.objects.filter(programme=evaluation.programme):
        for number, measure in enumerate(commitment.measures.order_by("number")):
            rating = goal.scale.levels.get(code=RATINGS[(commitment.number + number) % 6])
            _write(evaluation, goal, team, measure=measure, rating=rating)
        _write(evaluation, criteria["equality_impacts"], team, commitment=commitment)
        _write(
            evaluation,
            criteria["children_youth_information_participation"],
            team,
            commitment=commitment,
        )
    CommitmentProposal.objects.create(
        evaluation=evaluation,
        title_fi="DEMO: Nuorten vaikuttamiskanavat osaksi valmistelua",
        title_sv="DEMO: Ungas påverkanskanaler som en del av beredningen",
        title_en="DEMO: Young people's channels of influence as part of policy preparation",
        rationale_fi="DEMO. Palautteen mukaan nuoret pääsevät mukaan liian myöhään.",
        rationale_sv="DEMO. Enligt responsen kommer unga med för sent.",
        rationale_en="DEMO. Feedback says young people are involved too late.",
    )
    evaluation_publish(evaluation=evaluation, by=team)
    Evaluation.objects.filter(pk=evaluation.pk).update(
        published_at=timezone.make_aware(PUBLISHED_AT), status=EvaluationStatus.PUBLISHED
    )
    return evaluation


def _write(evaluation, criterion, team, *, measure=None, commitment=None, rating=None):
    measures = target_measures(commitment=commitment, measure=measure)
    picked = [c.value for c in evidence_candidates(cut_off=CUT_OFF, measures=measures)][:12]
    target = measure.number if measure else commitment.number
    values = {
        "finding_fi": f"DEMO. Havainnot kohteesta {target}: ks. näyttö rajauspäivältä.",
        "finding_sv": f"DEMO. Iakttagelser om {target}: se beläggen från brytdatumet.",
        "finding_en": f"DEMO. Findings on {target}: see the evidence as of the cut-off date.",
    }
    if rating is not None:
        values["rating"] = rating
    if criterion.code == "equality_impacts":
        values["grounds"] = ["age", "language", "disability", "origin", "gender"]
    assessment_save(
        evaluation=evaluation,
        criterion=criterion,
        measure=measure,
        commitment=commitment,
        values=values,
        evidence=picked,
        by=team,
    )


def version_2(team, evaluation):
    """Plan version 2 after the mid-term evaluation, with one reworded action."""
    version = PlanVersion.objects.create(
        programme=evaluation.programme,
        number=2,
        effective_from=V2_FROM,
        title_fi="DEMO: Puoliväliarvioinnin jälkeinen toimintaohjelma",
        title_sv="DEMO: Handlingsprogrammet efter halvtidsutvärderingen",
        title_en="DEMO: The action plan after the mid-term evaluation",
        evaluation=evaluation,
    )
    action = Action.objects.get(code="1.1.a1")
    amendment_record(
        version=version,
        kind=AmendmentKind.REWORDED,
        target=action,
        reason={
            "fi": "DEMO: puoliväliarvioinnin ehdotus ottaa nuoret mukaan aiemmin.",
            "sv": "DEMO: halvtidsutvärderingens förslag att involvera unga tidigare.",
            "en": "DEMO: the mid-term evaluation's proposal to involve young people earlier.",
        },
        wording={
            "fi": f"{action.text_fi} DEMO: Lisäksi nuoret kutsutaan mukaan jo valmistelun alussa.",
            "sv": f"{action.text_sv} DEMO: Dessutom bjuds unga in redan i början av beredningen.",
            "en": f"{action.text_en} DEMO: Young people are also invited at the start.",
        },
        by=team,
    )
    return version
