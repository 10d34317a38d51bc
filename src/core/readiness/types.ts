// The readiness dashboard's data shapes, in one file that imports nothing: the webview script
// compiles against them without pulling in the rules (or anything they import).

/** One kind of evidence. */
export type EvidenceKind = 'mocks' | 'exercises' | 'quizzes';

/** One kind of evidence for a section. */
export interface Evidence {
  kind: EvidenceKind;
  /** 0 to 100, one decimal; absent when there is none of this kind yet. */
  percent?: number;
  /** What it rests on, in words ("8 of 12 exercises passed", "no mock yet"). */
  detail: string;
}

/** One piece of evidence with the share it has in the section's percent (0 when it is missing). */
export interface WeighedEvidence extends Evidence {
  /** Share of the section's percent, 0 to 100, one decimal. */
  share: number;
}

/** A section's readiness and what it rests on. */
export interface SectionReadiness {
  id: string;
  title: string;
  /** The section's official weight (any unit, as in the blueprint). */
  weight: number;
  /** 0 to 100, one decimal (0 when there is no evidence at all). */
  percent: number;
  /** Whether any evidence is there. */
  evidenced: boolean;
  evidence: WeighedEvidence[];
  /** The kinds of evidence still missing. */
  missing: EvidenceKind[];
  topics: { id: string; title: string }[];
}

/** A mock exam attempt on the time line. */
export interface MockPoint {
  at: number;
  percent: number;
  passed: boolean;
}

/** A certification's readiness. */
export interface CertReadiness {
  cert: string;
  passMark: number;
  sections: SectionReadiness[];
  /** The sections' readiness weighted by their official weights, one decimal. */
  overall: number;
  /** Every mock attempt, oldest first. */
  mocks: MockPoint[];
}

/** ready: nothing missing; close: every section clears the mark, the mocks do not yet; notYet: a section is short. */
export type VerdictLevel = 'ready' | 'close' | 'notYet';

/** One thing that stands between the learner and "ready". */
export interface Reason {
  kind: 'noMock' | 'fewMocks' | 'lowMocks' | 'lowSection';
  text: string;
  /** The section, for `lowSection`. */
  section?: string;
}

/** The verdict with its reasons. */
export interface Verdict {
  level: VerdictLevel;
  headline: string;
  reasons: Reason[];
  /** The marks it was judged by. */
  mockMark: number;
  sectionMark: number;
}

/** What the step does. */
export type StepKind = 'review' | 'exercise' | 'lesson' | 'mock';

/** One action, as plain data. */
export interface NextStep {
  kind: StepKind;
  cert: string;
  /** The topic of an exercise or lesson step. */
  topic?: string;
  /** The exercise's progress key (`cert/topic/exercise`), for an exercise step. */
  exercise?: string;
  /** The section the step works on (exercise and lesson steps). */
  section?: string;
  /** Items due, for a review step. */
  count?: number;
  label: string;
  reason: string;
}

/** A labelled position on an axis. */
export interface Tick {
  /** x for the time axis, y for the percent axis. */
  at: number;
  label: string;
}

/** The mock scores as a line chart. */
export interface LineChart {
  viewBox: string;
  /** The plot area. */
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** The polyline's `points` ("x,y x,y"); empty with no attempt. */
  points: string;
  dots: { x: number; y: number; passed: boolean; label: string }[];
  passY: number;
  passLabel: string;
  xTicks: Tick[];
  yTicks: Tick[];
  ariaLabel: string;
}

/** One section's bar. */
export interface BarRow {
  id: string;
  label: string;
  labelY: number;
  y: number;
  height: number;
  /** The filled part's width (the track is the chart's trackWidth). */
  width: number;
  valueLabel: string;
  /** Whether the section clears the pass mark. */
  clears: boolean;
}

/** The readiness bars per section, with the pass mark as a vertical line. */
export interface BarChart {
  viewBox: string;
  trackWidth: number;
  valueX: number;
  passX: number;
  passLabel: string;
  rows: BarRow[];
  ariaLabel: string;
}

/** A table of text: the charts' alternative. */
export interface TableView {
  caption: string;
  head: string[];
  rows: string[][];
}

/** One kind of evidence of a section, in words. */
export interface EvidenceView {
  kind: EvidenceKind;
  name: string;
  /** "75 %", or "missing". */
  value: string;
  detail: string;
  /** Its share of the section's percent ("50 %"), or "—" when missing. */
  share: string;
}

/** One section as shown. */
export interface SectionView {
  id: string;
  title: string;
  percent: number;
  clears: boolean;
  evidence: EvidenceView[];
  /** "Missing: a mock, a topic quiz", or empty. */
  missing: string;
  topics: { id: string; title: string }[];
}

/** One certification's page. */
export interface CertView {
  id: string;
  title: string;
  shortTitle: string;
  passMark: number;
  overall: number;
  rule: string;
  verdict: { level: VerdictLevel; headline: string; reasons: string[] };
  nextStep: NextStep;
  /** Review items of this certification due now. */
  due: number;
  /** This certification's reviews in a sentence: "3 due.", "Nothing due; next review tomorrow.", or that none are waiting. */
  reviews: string;
  sections: SectionView[];
  bars: BarChart;
  sectionTable: TableView;
  chart: LineChart;
  mockTable: TableView;
}

/** The whole dashboard. */
export interface ReadinessView {
  certs: CertView[];
  /** The certification shown first. */
  selected: string;
  /** Review items due now across certifications, and the status bar's words for the deck. */
  due: number;
  dueText: string;
}
