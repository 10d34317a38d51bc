// The topic page with its lesson as plain data for the lesson webview (built by ./view). Kept apart
// from the code that builds it, so the webview's type graph stays free of Node modules.
import type { Status } from '../progress/status';
import type { Block, Inline, Token } from '../text/rich';

/** One example as shown: its code, the output it prints (checked by the content tests), and its versions. */
export interface ExampleView {
  /** `<section id>.<n>`: how the page names it in a Run request. */
  id: string;
  title?: string;
  code: Token[];
  output: string;
  raises?: string;
  stdin?: string;
  /** The Python versions the example's output holds for, when not all. */
  versions?: string;
}

/** One section of the lesson. */
export interface SectionView {
  id: string;
  title: string;
  body: Block[];
  examples: ExampleView[];
}

/** One exercise of the topic, with its state. */
export interface ExerciseRow {
  key: string;
  title: string;
  difficulty: string;
  status: Status;
  statusText: string;
  hints: Inline[][];
}

/** The topic page. */
export interface LessonView {
  certId: string;
  title: string;
  /** e.g. "PCEP (PCEP-30-02) › Control Flow". */
  where: string;
  /** Where the topic stands on the exam: its official sections, or that it is not on the exam. */
  onExam: string;
  extra: boolean;
  objectives: { code: string; subject: string }[];
  summary: Block[];
  sections: SectionView[];
  traps: Inline[][];
  exercises: ExerciseRow[];
  passed: number;
  total: number;
  /** Questions the topic quiz can draw from. */
  quizQuestions: number;
  /** Whether examples may run here (Workspace Trust). */
  canRun: boolean;
}
