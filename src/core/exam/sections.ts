// The sections a mock exam is drawn and scored by: the certification's official blueprint (items and
// weight per section, matched to questions through their objective codes), or, for a pack without a
// blueprint, its domains (items shared out by domain weight).
import { ExamCertification, Topic } from '../syllabus/model';
import { Question } from './question';

/** One section of an exam: how many items it gets, what it weighs, which questions belong to it. */
export interface ExamSection {
  id: string;
  title: string;
  items: number;
  /** Share of the score (any unit: PCEP's maximum raw points, or percentages). */
  weight: number;
  /** Objective codes of the section (empty when it stands for a domain). */
  objectives: string[];
  /** Set when the section stands for a domain (a pack without a blueprint). */
  domain?: string;
}

/** How many of `total` items each weight gets: proportional, largest remainders first. */
export function apportion(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (!sum) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((e, i) => ({ i, r: e % 1 })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of byRemainder) if (left-- > 0) counts[i]++;
  return counts;
}

/** The sections of the certification's mock exam. */
export function examSections(cert: ExamCertification): ExamSection[] {
  if (cert.blueprint)
    return cert.blueprint.sections.map((s) => ({
      id: s.id,
      title: s.title,
      items: s.items,
      weight: s.weight,
      objectives: s.objectives,
    }));
  const domains = cert.domains.filter((d) => d.weight > 0);
  const counts = apportion(
    domains.map((d) => d.weight),
    cert.exam.items,
  );
  return domains.map((d, i) => ({
    id: d.id,
    title: d.title,
    items: counts[i],
    weight: d.weight,
    objectives: [],
    domain: d.id,
  }));
}

/** The section a question counts toward, if any (a question off the blueprint counts toward none). */
export function sectionOf(
  sections: readonly ExamSection[],
  q: Pick<Question, 'domain' | 'objective'>,
): ExamSection | undefined {
  return sections.find((s) => (s.domain ? s.domain === q.domain : !!q.objective && s.objectives.includes(q.objective)));
}

/** Whether a topic is outside the official exam: the certification has a blueprint and none of its sections lists the topic's objectives. */
export function isExtraTopic(cert: ExamCertification, topic: Pick<Topic, 'objectives'>): boolean {
  if (!cert.blueprint) return false;
  const onExam = new Set(cert.blueprint.sections.flatMap((s) => s.objectives));
  return !topic.objectives.some((o) => onExam.has(o));
}

/** The questions of each section, in bank order (questions of no section are left out). */
export function sectionPools(
  sections: readonly ExamSection[],
  questions: readonly Question[],
): Map<string, Question[]> {
  const pools = new Map<string, Question[]>(sections.map((s) => [s.id, []]));
  for (const q of questions) {
    const section = sectionOf(sections, q);
    if (section) pools.get(section.id)!.push(q);
  }
  return pools;
}
