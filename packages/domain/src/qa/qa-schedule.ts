/**
 * Termly QA visits (policy §10, Appendix 5): one visit per provider per term for each school with
 * pupils placed there during the term. A term runs from its first half-term's start to its second's end
 * in the school's calendar. The current term and the one before are shown, so a missed visit stays
 * visible as overdue after the term ends.
 */

export interface QaTerm {
  academicYear: string;
  term: string;
  startsOn: string;
  endsOn: string;
}

/** A school's terms, from its half-terms (each shaped like a term), in date order. */
export function termsOf(halfTerms: readonly QaTerm[]): QaTerm[] {
  const byTerm = new Map<string, QaTerm>();
  for (const h of halfTerms) {
    const key = `${h.academicYear} ${h.term}`;
    const known = byTerm.get(key);
    if (!known)
      byTerm.set(key, { academicYear: h.academicYear, term: h.term, startsOn: h.startsOn, endsOn: h.endsOn });
    else {
      if (h.startsOn < known.startsOn) known.startsOn = h.startsOn;
      if (h.endsOn > known.endsOn) known.endsOn = h.endsOn;
    }
  }
  return [...byTerm.values()].sort((a, b) => a.startsOn.localeCompare(b.startsOn));
}

export interface QaPlacementSpan {
  schoolId: string;
  providerId: string;
  startsOn: string;
  /** The day it ended, or its planned end; null when open-ended. */
  endsOn: string | null;
}

export interface QaVisitOnRecord {
  id: string;
  schoolId: string;
  providerId: string;
  visitOn: string;
  status: 'draft' | 'completed';
}

export interface QaVisitDue {
  schoolId: string;
  providerId: string;
  term: QaTerm;
  status: 'done' | 'in_progress' | 'due' | 'overdue';
  visitId: string | null;
}

export function qaVisitsDue({
  termsBySchool,
  placements,
  visits,
  today,
}: {
  termsBySchool: ReadonlyMap<string, QaTerm[]>;
  placements: readonly QaPlacementSpan[];
  visits: readonly QaVisitOnRecord[];
  today: string;
}): QaVisitDue[] {
  const due: QaVisitDue[] = [];
  for (const [schoolId, terms] of termsBySchool) {
    const started = terms.filter((t) => t.startsOn <= today);
    for (const term of started.slice(-2)) {
      const providerIds = new Set(
        placements
          .filter(
            (p) =>
              p.schoolId === schoolId &&
              p.startsOn <= term.endsOn &&
              (p.endsOn === null || p.endsOn >= term.startsOn),
          )
          .map((p) => p.providerId),
      );
      for (const providerId of providerIds) {
        const inTerm = visits.filter(
          (v) =>
            v.schoolId === schoolId &&
            v.providerId === providerId &&
            v.visitOn >= term.startsOn &&
            v.visitOn <= term.endsOn,
        );
        const completed = inTerm.find((v) => v.status === 'completed');
        const draft = inTerm.find((v) => v.status === 'draft');
        due.push({
          schoolId,
          providerId,
          term,
          status: completed ? 'done' : draft ? 'in_progress' : term.endsOn < today ? 'overdue' : 'due',
          visitId: (completed ?? draft)?.id ?? null,
        });
      }
    }
  }
  const rank = { overdue: 0, due: 1, in_progress: 2, done: 3 };
  return due.sort((a, b) => rank[a.status] - rank[b.status] || a.term.endsOn.localeCompare(b.term.endsOn));
}
