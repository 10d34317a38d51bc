// One exam question as the rest of the extension sees it, after loading and validation.

/** How a question is asked and answered; see syllabus/README.md "Question banks". */
export type QuestionType = 'single' | 'multiple' | 'output' | 'raises' | 'fill' | 'order' | 'gaps';

/** One gap of a `gaps` question: the fragments offered and the right one. */
export interface Gap {
  choices: string[];
  answer: number;
}

/**
 * How the choices of a `single`/`multiple` question with code are verified: `truthy`: each choice
 * is an expression, right exactly when it is true after `code` ran; `runs`: each choice is a
 * statement, right exactly when it runs without an exception after `code`.
 */
export type VerifyMode = 'truthy' | 'runs';

/** One exam question, tagged with its place in the syllabus. */
export interface Question {
  id: string;
  /** Certification, domain and topic ids (the domain follows from the topic). */
  cert: string;
  domain: string;
  topic: string;
  /** Official objective code, one of the topic's (absent for topics without a code). */
  objective?: string;
  type: QuestionType;
  prompt: string;
  /** A snippet shown with the question; run by the verification test. */
  code?: string;
  /** The choices of single, multiple, output, raises and fill questions (empty for order and gaps). */
  choices: string[];
  /** Indexes of the right choices: one, or two to four for `multiple` (empty for order and gaps). */
  answer: number[];
  /** `order`: the program's lines in the right order. */
  lines?: string[];
  /** `gaps`: one entry per `___` of the code. */
  gaps?: Gap[];
  explanation: string;
  /** `fill`, `order`, `gaps`: what the code prints when it is right. */
  expect?: string;
  /** Text the snippet reads from standard input. */
  stdin?: string;
  verify?: VerifyMode;
  /** Python asserts run after `code` that back the marked answer (for questions without a snippet to judge). */
  check?: string;
  /** Python versions the answer holds for (inclusive), e.g. "3.10"; the prompt says so. */
  minPython?: string;
  maxPython?: string;
  /** Modules the snippet needs; verification skips interpreters without them. */
  requires?: string[];
  /** Choices keep their written order in an exam (e.g. ascending line numbers). */
  keepOrder?: boolean;
  /** Verify by running the snippet as its own `python file.py` process (multiprocessing spawn). */
  process?: boolean;
  /** The snippet calls connect(): a PyMySQL connection to a scratch database on a real server. */
  database?: boolean;
  /** Where the question is written, for messages. */
  file: string;
  line: number;
}
