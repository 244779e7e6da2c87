"""Events: each trigger in a sentence, with who does it to whom (from the clause around
it), its status, its date and its source; and unknown capitalised subjects as actors."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from typing import Any

from briefing.draft.actors import (
    Mention,
    Registry,
    crowd_subject,
    slug,
    state_of,
    unnamed,
    unnamed_id,
)
from briefing.draft.again import dated_again, merge_again, same_subject, together, told_then_named
from briefing.draft.allegations import ALLEGED_BY, allegations, speaker, stances
from briefing.draft.attribution import Said, goes_on, speaker_acts, writer
from briefing.draft.clauses import (
    ABOUT,
    AND,
    ANONYMOUS,
    APPEAL_OBJECT,
    ASKED_OBJECT,
    AT_MEETING,
    BETWEEN,
    BREAK,
    BY,
    CONDITION,
    CONTROL_TYPES,
    DEFINITE,
    FUTURE,
    GROUP_AGAIN,
    JOINED_VERB,
    OBJECT_LAST,
    ONLY_AFTER,
    OPEN_IF,
    PARTICIPLE_AFTER,
    PLACED_BY,
    PUT_OFF,
    RELATIVE_END,
    RESUMED,
    SAID_BEFORE,
    SCHEDULED,
    SELF_SUBJECT,
    TOPIC,
    UNLESS,
    WILL,
    a_task,
    agreed_to,
    antecedent,
    aside_spans,
    asked_or_undone,
    clause_span,
    dateline_spans,
    gapped,
    in_name,
    in_spans,
    invitation,
    judged,
    modifies,
    next_verb,
    nominal,
    owned,
    passive_at,
    purpose,
    subordinate,
    told_by,
    verb_group,
    who_and,
)
from briefing.draft.coref import document_issuers
from briefing.draft.dates import find_dates
from briefing.draft.day_words import LATER, SAME_DAY
from briefing.draft.evidence import quote, trimmed
from briefing.draft.homes import story_pair
from briefing.draft.occasion import Occasions
from briefing.draft.readings import (
    PAST_ACTIVE,
    as_said,
    by_doers,
    controlled,
    denied,
    listed_after,
    made_to,
    not_an_act,
    not_own,
    ruled_in,
    said_now,
)
from briefing.draft.saying_day import VERBAL, by_saying, said_day, saying_date, speaker_goes_on
from briefing.draft.sources import PENDING, TODO, Sources
from briefing.draft.story_day import Lead, dated_ahead, day_from_story, day_it_moves_to
from briefing.draft.subjects import (
    AGENTLESS_TYPES,
    WITH_NEAR,
    by_agents,
    call_parties,
    coordinated,
    guests,
    joined,
    leading,
    recaller,
    summoned_by,
    tagged_subject,
    unnamed_body,
    unnamed_thing,
)
from briefing.draft.summary import built_summary, clause_summary
from briefing.draft.triggers import Match, clause_status, find_triggers, if_first, verb_start
from briefing.draft.when import counted_on, day_carried, day_of_context, event_date


def draft_events(text: str, body: list[dict], reg: Registry, pub: dt.date, said: list[Said],
            sources: Sources) -> list[tuple[dict[str, Any], tuple[int, int]]]:
    out: list[tuple[dict[str, Any], tuple[int, int]]] = []
    filed = dateline_spans(text)   # "TASHKENT, March 12 (Wire) - ": no actor there
    mentions = [m for m in reg.sorted() if m.via != "title-prefix" and not in_spans(m, filed)]
    seen: dict[tuple, dict[str, Any]] = {}
    starts = [m.start for m in mentions]
    carry_next, carry, last_day = None, None, None   # dates handed on, handed, last told
    occasions = Occasions()
    lead = Lead(pub)
    for s in body:
        lo, hi = s["start"], s["end"]
        local = mentions[bisect.bisect_left(starts, lo):bisect.bisect_left(starts, hi)]
        said_here = [x for x in said if x.content[0] < hi and lo < x.content[1]]
        dates = find_dates(text, lo, hi)
        previous: Match | None = None
        control: Match | None = None
        triggers = stances(text, lo, hi, allegations(text, lo, hi, find_triggers(text, lo, hi)))
        noun_starts = tuple(t.start for t in triggers if t.trigger.noun or nominal(text, lo, t))
        # A sentence with no date carries on the last one's that told of an event.
        carry, carry_next = carry_next if carry_next is not None else carry, None
        last_day = carry if carry else last_day   # the last day a sentence told of
        again: list[dict[str, Any]] = []   # events this sentence tells of again
        first_here = len(out)   # where this sentence's events start in `out`
        for t in triggers:
            if any(m.start <= t.start < m.end for m in local):
                continue   # "Rapid Support Forces": a word of a name, not an act
            if in_name(text, lo, t) or a_task(text, t):
                continue   # "the Suva Accord": a name; "sent to guard the crossings": a task
            prev, previous = previous, t
            if purpose(text, prev, t):
                continue   # "held a phone call on Monday to discuss": the call's purpose
            act, invited = verb_start(text, t), None   # "the crossing, which was closed"
            if UNLESS.search(text, lo, t.start) or OPEN_IF.search(text, lo, t.start) and not (
                    t.trigger.noun or nominal(text, lo, t)):
                continue   # "... unless the prisoners are freed": a condition, not an act
            if owned(text, lo, t):
                continue   # "Laos, whose border meets both": the border's, no one's act
            if ANONYMOUS.match(text, t.start):
                continue   # "an official, who asked not to be named": no request of anyone
            if control is not None and control.trigger.plover_type in ("REQUEST", "REJECT") and (
                    t.trigger.noun or nominal(text, lo, t) or text[control.end:t.start].strip()
            ) and (APPEAL_OBJECT if control.trigger.plover_type == "REJECT" else ASKED_OBJECT
                   ).fullmatch(text[control.end:t.start]):
                continue   # "called for their release", "ruled out talks": asked or refused
            if control is not None and denied(text, control, act) and not BREAK.search(
                    text, control.end, act):
                continue   # "denied that its troops had fired": what is denied
            if control is not None and controlled(text, control, act, t):
                if not invitation(control.trigger, t.trigger):
                    continue   # "offered to host talks": the offer is the event
                invited = control   # "invited the minister to visit Lima": a visit to come
            if t.trigger.plover_type in CONTROL_TYPES | {"ACCUSE"}:
                control = t
            c0, c1 = clause_span(text, lo, hi, t.start, t.end)
            # (from the sentence: "announced joint patrols" names the act, not a saying)
            light = reg.gazetteer.light_verbs.search(text, max(lo, t.start - 40), t.start)
            for x in said_here:
                # In reported speech the subject is inside what was said ("Lopez said Peru
                # has provided": Peru), but 'said “...” and urged': the speaker acts again.
                if x.content[0] <= t.start < x.content[1] and not re.search(
                        r"[”\"]\s+and\s+(?:\w+ly\s+)?$", text[x.content[0]:t.start]) \
                        and not (light and light.start() < x.content[0]) and not any(
                            y.content[0] < x.content[0] and x.content[1] <= y.content[1]
                            for y in said_here):   # ('said it "cannot accept"': the clause's)
                    c0, c1 = max(c0, x.content[0]), min(c1, x.content[1])
            if not_an_act(text, lo, t):
                continue   # "armed groups", "discussed trade": no act named here
            asides = aside_spans(text, lo, hi)
            before = [m for m in local if c0 <= m.start and m.end <= (t.end if t.trigger.phrase[
                :6] == "joint " else t.start) and not any(a <= m.start < b for a, b in asides)]
            after = [m for m in local if t.end <= m.start and m.end <= next_verb(text, lo, triggers,
                                                                                 t, c1)]
            if not t.trigger.noun or t.trigger.subject:   # ("X's envoy, Y, was summoned")
                # "accepted Peru's offer", "asked X to": toward the object's owner, or who is asked
                after = [m for m in local if t.start < m.start and m.end < t.end
                         and (re.match(r"[’']s\b", text[m.end:])
                              or re.search(r"[*+]", t.trigger.phrase))] + after
            if t.trigger.phrase.startswith(ALLEGED_BY):
                before = speaker(t, said_here, reg) or before
            # "an attack", "the talks": a noun; but "Chile postponed a visit": Chile's act.
            noun = t.trigger.noun or nominal(text, lo, t)
            noun = noun and not light
            word = text[t.start:t.end].split()[0]
            passive = not noun and not word.endswith("ing") and word.lower() != "due" \
                and passive_at(text, c0, t.start)   # ("is due in Paris": no passive)
            agent = BY.match(text, t.end, c1)
            # "by the two ministers": a pair; "by Minister Ana Ruiz", "by officers of the Police".
            agent_mentions = by_agents(text, agent.end(), after) if agent else []
            if not noun and not passive and word.endswith("ed") and not OBJECT_LAST.search(
                    t.trigger.phrase) and PLACED_BY.match(text, t.end):
                # "an accord signed by the two governments", "a truce brokered by the regional
                # bloc IGAD": a description may stand before the name. ("retaliated by banning")
                agent_mentions = agent_mentions or [
                    m for m in after if agent and m.start >= agent.end() and re.fullmatch(
                        r"(?:[a-z][\w\-]*\s+){0,3}", text[agent.end():m.start])][:1]
                passive = bool(agent_mentions)
            patient: list[Mention] = []
            t_end = t.end - 8 * t.trigger.phrase.endswith(" between")   # ("fighting between")
            between = [m for m in after if BETWEEN.search(text, max(t_end, m.start - 48), m.start)
                       and not re.search(r"\b(?:would|will|could|to)\s", text[t.end:m.start])]
            if noun:
                # "the U.S. strikes", "Israeli airstrikes": the actor modifies the noun;
                # "an attack by Houthi rebels"; "talks between A and B", "a joint A-B force"
                if invited is None:
                    before = [m for m in before if modifies(text[m.end:t.start])]
                if t.trigger.done_to_owner:   # "Guyanese barges were boarded": the owner's
                    before, after = [], before + after
                if asked_or_undone(text, t, lo, hi):
                    continue   # "the release ... was demanded", "suspension of patrols"
                if not before and not agent_mentions:
                    agent_mentions = told_by(text, t.end, hi,
                                             [m for m in local if m.start >= t.end])
                if not before and agent_mentions:
                    # "the arrest of two journalists by Ethiopian police": by the "by" agent
                    before, after = agent_mentions, [m for m in after
                                                     if m.end <= agent_mentions[0].start]
                elif not before and t.trigger.done_to_owner and after:   # "Ghana's envoy was
                    before = summoned_by(reg, t.trigger, after, text) or [unnamed(reg, t.start)]
                elif not before and between:
                    first = between[0]
                    group = [first] + [m for m in after if m is not first and (
                        (m.start, m.end) == (first.start, first.end) or
                        m.start > first.start and (AND.fullmatch(text[first.end:m.start])
                                                   or text[first.end:m.start] in ("-", "–")))]
                    before, after = group, []
                if not before:
                    if DEFINITE.search(text, max(lo, t.start - 24), t.start):
                        merged = merge_again(out, text, t, c0, c1, dates, pub, lo, again)
                        if merged is True:
                            continue   # "the strike" again: one happening, more evidence
                        if merged and t.trigger.mutual:   # ("The talks will continue")
                            before = [Mention(t.start, t.start, a, reg.actors[a]["kind"],
                                              "again")
                                      for a in merged["participants"]["actor"]]
                    if not before and t.trigger.plover_type == "CONSULT" and AT_MEETING.search(
                            text, max(lo, t.start - 24), t.start):   # ("pledged aid at a summit")
                        first = [m for m in local if lo <= m.start and m.end <= t.start
                                 and not any(a <= m.start < b for a, b in asides)]
                        before = leading(text, first) if first else call_parties(
                            text, lo, t, local)   # ("In a telephone call on Tuesday, X told Y")
                    if not before and t.trigger.plover_type in AGENTLESS_TYPES and not \
                            TOPIC.search(text, max(lo, t.start - 40), t.start):
                        # ("voiced concern over the arrests": what another act is about.)
                        before = [unnamed(reg, t.start)]
            elif passive:
                # "Three soldiers were killed by Houthi rebels": the agent (else someone
                # unnamed) acts on the subject; "Azerbaijan’s envoy was summoned": on Azerbaijan.
                patient = before[-1:] if passive == "after" else before[:1]
                before = agent_mentions or recaller(reg, t, patient, text, after) or [
                    unnamed(reg, t.start)]
                after = patient + [m for m in after if m not in agent_mentions]
            if not noun and not passive and RELATIVE_END.search(text[c0:t.start]) and \
                    re.search(r"\b(?:which|who)\s*$", text[max(lo, c0 - 8):c0]):
                before = []   # "Ethiopia, which has troops in both countries, urged"
            resumed = not before and not noun and not passive and bool(
                    RESUMED.search(text[c0:t.start]) or (
                        RELATIVE_END.search(text[c0:t.start])
                        and re.search(r"\b(?:which|who)\s*$", text[max(lo, c0 - 8):c0])))
            but = not before and not noun and not passive and not text[c0:t.start].strip() \
                and bool(re.search(r"\bbut\s*$", text[max(lo, c0 - 6):c0]))   # ("... but rejected")
            if resumed or but:
                # "A and B condemned the attack, which killed four, and expressed support",
                # "the state, which chairs the forum, warned": after a relative clause the
                # sentence's first subject acts (not "both countries" in "Ethiopia, which has
                # troops in both countries, urged").
                before = [m for m in local if lo <= m.start and m.end <= t.start
                          and not any(a <= m.start < b for a, b in asides)] or same_subject(
                    out, prev, None, lo, reg)   # (a crowd: no name before the verb)
            if not before and not noun and not passive:
                before = who_and(text, lo, t.start, local) or document_issuers(
                    text, c0, t.start, mentions) or goes_on(
                    text, said_here, t.start, text[c0:t.start], reg, [])   # "The note demands"
            group = None if before or noun or passive else GROUP_AGAIN.search(
                text[c0:t.start])
            if group or not before and noun and t.trigger.mutual and t.trigger.plover_type \
                    in ("CONSULT", "COOPERATE") and (prev is None or prev.end <= c0):
                # "The first joint patrol left": who acted together (not "derail talks")
                before = together(out, reg, c0 + group.start(group.lastgroup or "head"),
                                  unnamed_id(reg)) if group else story_pair(reg, t.start)
            before = before or unnamed_thing(reg, text, c0, t, noun)   # ("a landmine wounded")
            before = crowd_subject(text, max([c0] + [b for a, b in filed if a <= c0 < b]),
                                   t.start, light, before, reg) or before   # (past "LIMA - ")
            before = before or ([] if noun or passive else antecedent(text, c0, t.start, local))
            voice = next((x for x in said_here if x.content[0] <= t.start < x.content[1]), None)
            if not before and voice and voice.speaker in reg.actors and (
                    t.trigger.plover_type == "REJECT" or SELF_SUBJECT.fullmatch(text, c0, t.start)):
                # "said the bridge would remain closed" (a refusal), "said it was ready to"
                before = [Mention(t.start, t.start, voice.speaker,
                                  reg.actors[voice.speaker]["kind"], "again")]
            before = before or unnamed_body(reg, text, c0, t.start, noun)   # ("A court ...")
            if not before:
                continue
            rel = re.search(r"\b(?:that(?!\s+(?:morning|afternoon|evening|night|day|week)\b)|"
                            r"which)\s+(?:\w+\s+){0,2}$", text[c0:t.start])   # (not "that day")
            if not noun and not passive and rel and not any(
                    m.end >= c0 + rel.start() - 2 for m in before):
                continue   # "an agreement that would guarantee": the agreement's act
            participial = word.endswith("ing") and bool(PARTICIPLE_AFTER.search(
                text[c0:t.start]) or writer(text, said_here, t.start, text[c0:t.start], reg))
            if participial or resumed or but or JOINED_VERB.search(text[c0:t.start]) or \
                    listed_after(text, before, prev, t):
                # "Lima has bought ships ... and signed", "travelled to Warsaw to meet", "wrote to
                # Salas, asking": a second verb shares the clause's first subject (not after a
                # clause of its own: "when Sudan walked out, accusing").
                own = participial and prev is not None and subordinate(text, lo, prev.start)
                joined_to = prev.start if prev is not None and text[prev.end:t.start] == \
                    " and " and not nominal(text, lo, prev) else None   # ("shot and wounded")
                subject = speaker_acts(text, said_here, t.start, text[c0:t.start], reg, before) \
                    or same_subject(out, prev, None if own else before, lo, reg) or ([] if (
                        participial and prev and all(m.start > prev.end for m in before))
                        else leading(text, before, joined_to))
                if not subject:
                    continue   # "X urged Kigali to ..., warning": not Kigali's warning
            else:
                subject = tagged_subject(text, lo, t.start, local) or coordinated(text, before)
            subject = (not noun and not passive and made_to(text, c0, t.start, local)) or subject
            if invited is not None:
                subject = guests(text, invited, before, subject, t.trigger.mutual)
            actors = list(dict.fromkeys(m.actor for m in subject))
            # What the act is about ("talks about Gaza") is its subject, never its recipient.
            about = [m for m in after if ABOUT.search(text, max(t.end, m.start - 14), m.start)]
            # "met in Nairobi", "talks in Doha": the venue, not a party.
            others = [m for m in after if m not in about and m.actor not in actors
                      and not re.search(r"\bin\s+$", text[max(t.end, m.start - 4):m.start])]
            # A recipient stands near the verb ("condemned Peru", "sent envoys to Lima").
            near = next((i for i, m in enumerate(others)   # ("spoke for forty minutes with")
                         if len(text[t.end:m.start].split()) <= 6 or t.trigger.mutual and
                         WITH_NEAR.search(text, t.end, m.start)), None)
            # ... with those joined to it: "urged Norway and Sweden".
            gaps = gapped(text, t.end, c1, after)   # "... and Britain $90 million"
            recipients = [] if near is None else list(dict.fromkeys(
                m.actor for m in joined(text, others[near:]) if m not in gaps))
            also = list(dict.fromkeys(m.actor for m in gaps if m.actor not in actors))
            if passive:
                # Its subject undergoes it ("released and returned to Georgia": not Georgia)
                recipients = [m.actor for m in patient if m.actor not in actors][:1]
            appeal = t.trigger.phrase.startswith(("call for", "appeal for", "calls for"))
            if appeal:
                # "A called for restraint": an appeal to no one in particular.
                about, recipients = about + others, []
            if t.trigger.mutual and recipients and len(actors) == 1:
                actors, recipients = actors + recipients, []
            subjects = [a for a in dict.fromkeys(m.actor for m in about)
                        if a not in actors and a not in recipients][:3]
            recipients = not_own(reg, actors, recipients)   # ("its ministry recalled its envoy")
            code = t.trigger
            code = by_doers(text, reg, code, subject, actors, c0, bool(noun))
            agreed = agreed_to(text, prev, t)   # "agreed to hold talks": the talks are to come
            future = bool(FUTURE.search(text, c0, t.start)) and not PAST_ACTIVE.match(
                text, act) or invited is not None or agreed
            verbs = verb_group(text, lo, c0, subject[-1].end, t.start, t.end, asides)
            date, why = event_date(text, dates, act, c0, c1, pub, future, verbs,
                                   object_of=prev if noun else None, nouns=noun_starts,
                                   lo=lo, reported=tuple(x.content for x in said_here))
            if date and not any(c0 <= a < c1 and not LATER.search(text, b, t.start)
                                for a, b, _p in dates):   # "on Monday, and the next day X flew"
                date, why = counted_on(text, c0, c1, date, "the clause before") or (date, why)
            if not date and by_saying(t.trigger.plover_type, verbs):
                date, why = said_day(text, dates, said, t.start, pub) or (date, why)
            if not date:
                found, how = day_from_story(
                    text, dates, pub, at=t.start, lo=lo, hi=hi, c0=c0, c1=c1, verbs=verbs,
                    future=future, noun=bool(noun), subject=subject, actors=actors,
                    recipients=recipients, said=said_here, local=local, reg=reg,
                    occasions=occasions, carry=carry, last_day=last_day)
                date, why = (found, how) if found else (date, why)
            year = date.get("date")
            historical = isinstance(year, int | str) and int(str(year)[:4]) < pub.year
            reported = any(x.content[0] <= t.start < x.content[1] for x in said_here) or \
                bool(SAID_BEFORE.search(text, lo, t.start))   # "Both readouts said ... would"
            # A passive's words of time and modality stand before its verb: read from c0.
            st, st_why = clause_status(text, lo, c0 if passive else max(  # (past an aside)
                [c0, subject[-1].end] + [b for _a, b in asides if b <= t.start]), t, historical,
                                       reported)
            if st == "negated" and all(a.startswith("unnamed-") for a in actors) or st == \
                    "hypothetical" and not (reported or said_here) and judged(text, lo, t.start):
                continue   # "No one was injured": no act, and no one named to deny it
            if st == "planned" and why == "present tense":   # "is expected to visit": when?
                date, why = {}, "planned, no date in the sentence: left for the analyst"
            if st == "negated" and code.phrase.startswith("rule out"):   # "did not rule out"
                if not (kept := ruled_in(text, t.end, c1, code)):
                    continue   # ("did not rule out talks": the talks may come)
                code, st, st_why = kept   # ("... legal action": a veiled threat)
            if invited is not None and st == "occurred":
                st, st_why = "planned", f"invited by '{text[invited.start:invited.end]}'"
            if agreed and st == "occurred":
                st, st_why = "planned", f"agreed to: '{text[prev.start:prev.end]}'"
            code, st, st_why = said_now(code, st, st_why, bool(   # ("warned it would")
                CONDITION.search(text, t.end, c1) or if_first(text, lo, t.start)
                or re.search(r"\bwarn(?:s|ed|ing)?\b", text[lo:t.start])),
                only_if=bool(ONLY_AFTER.match(text, t.end, c1)))
            if not date and code.plover_type in VERBAL and (
                    t.trigger.plover_type not in VERBAL or code.cameo_code != t.trigger.cameo_code):
                # "said on Wednesday it would stop imports unless ...": a threat made then
                date, why = said_day(text, dates, said, t.start, pub) or (date, why)
            if not date and future and st == "occurred" and not noun:
                # "told B that Egypt would not accept ...": refused in the call, said then.
                date, why = occasions.day_for(text, lo, hi, actors + recipients, reg, None,
                                              t.start, tuple(said_here), tuple(local))
            if not date and voice is not None and code.plover_type in VERBAL and \
                    st == "occurred" and SAME_DAY.search(text, voice.start, voice.content[0]):
                # "Sichone told reporters afterwards that Zambia would not lift": said that day.
                date, why = day_of_context(text, voice.start, voice.content[0], t.start,
                                           carry or last_day, pub)
            if code.plover_type in VERBAL and st == "occurred" and (not date or str(date.get(
                    "date_note", "")).startswith("no date in the sentence")):   # (or carried on)
                date, why = speaker_goes_on(text, said, lo, t.start, actors, pub) or (date, why)
            if voice is not None and (turned := as_said(code, st, actors, recipients, (
                    voice.speaker), state_of(reg, voice.speaker), why=st_why)):
                # "told B that enemy troops had shelled its post": the speaker's accusation.
                code, st, actors, recipients, st_why = turned
                if code.plover_type == "ACCUSE" or code.plover_type == "REQUEST" and not date:
                    date, why = saying_date(dates, (voice.start, voice.content[0]), pub)
                    if not date:   # "Toktorov told Abenov that ...": in the call before
                        date, why = occasions.day_for(text, lo, hi, [], reg, None, t.start,
                                                      (voice,), tuple(local))
            if why.startswith("since ") and st == "occurred":
                st, st_why = "ongoing", f"'{why}': it runs on"
            put_off = PUT_OFF.match(text, t.end, c1) if noun else None
            if st == "occurred" and put_off:
                # "The talks ... were put off": the noun's own fate follows it.
                st = "cancelled" if put_off.group("how").lower().startswith(
                    ("cancel", "called", "scrap")) else "postponed"
                st_why = f"'{put_off.group('how')}' after the noun"
            if st == "occurred" and (SCHEDULED.match(text, t.end, c1)
                                     or noun and WILL.match(text, t.end, c1)):
                st, st_why = "planned", "'is scheduled/expected' after the noun"
            if not date and st == "occurred" and not future and not noun:
                date, why = lead.day_for(verbs, bool(dates), carry or last_day) or (date, why)
            date, why, st, st_why = dated_ahead(code.plover_type, date, why, st, st_why, text,
                                                dates, said_here, t.start, pub)
            ev_start = min([m.start for m in subject if m.via != "agentless"] + [t.start])
            if passive or actors == [unnamed_id(reg)]:
                ev_start = min([ev_start] + [m.start for m in after[:1] if m.start < t.start]
                               + [m.start for m in local if c0 <= m.start < t.start][:1])
            ev_end = trimmed(text, t.end, c1)
            source = sources.outlet_id
            for x in said_here:
                if x.content[0] <= t.start < x.content[1]:
                    source = sources.for_said(x, reg)
            n = len(out) + 1
            names = lambda ids: " and ".join(reg.actors[i]["name"] for i in ids)  # noqa: E731
            event = {
                "id": f"ev-{n}-{slug(code.phrase.replace('*', ''))}"[:64].rstrip("-"),
                **date,
                "plover_type": code.plover_type, "plover_mode": code.plover_mode,
                "cameo_code": code.cameo_code, "status": st, "source": source, "credibility": TODO,
                "summary": clause_summary(text, subject, t, [
                    m for m in after if (m.actor in recipients or m.actor in actors)
                    and len(text[t.end:m.start].split()) <= 6], c1,
                                           ev_start if passive else c0 if
                                           t.trigger.done_to_owner else None)
                or built_summary(text, t, actors, recipients, names, passive, unnamed_id(reg)),
                "participants": {"actor": actors,
                                 **({"recipient": recipients} if recipients else {}),
                                 **({"subject": subjects} if subjects else {})},
                "evidence": [quote(text, ev_start, ev_end)],
                "review": PENDING,
                "reason": f"trigger '{code.phrase}' → CAMEO {code.cameo_code}; {st_why}; {why}",
            }
            # "killed in an attack": two triggers, one event ("accused X ... and summoned its
            # envoy": two acts, two codes; one meeting told by "hosted" and "talks" is one).
            key = (lo, code.plover_type, "" if code.plover_type == "CONSULT" else
                   code.cameo_code, tuple(actors))
            if key in seen:
                dated_again(seen[key], event)   # one act told twice: the date either gave
                continue
            seen[key] = event
            out.append((event, (t.start, t.end)))
            for a in also:   # Britain's act too
                out.append(({**event, "id": f"ev-{len(out) + 1}-{slug(code.phrase)}"[:64],
                             "evidence": list(event["evidence"]),
                             "participants": {"actor": [a]}, "summary": built_summary(
                                 text, t, [a], [], names, False, unnamed_id(reg))},
                            (t.start, t.end)))
            occasions.note(text, lo, hi, event, reg)
            if carry_next is None and st == "occurred" and (not noun or "date" in date):
                carry_next = day_it_moves_to(text, dates, t.start, lo, date, bool(noun),
                                             reported)
        carry_next = day_carried(text, carry_next, again, said_here, dates, lo, hi, pub)
        lead.after(text, dates, [e for e, _span in out[first_here:]], carry_next)
    return told_then_named(out)
