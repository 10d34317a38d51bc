// Every command, view, setting and context key the extension contributes, in one place.
// package.json must agree; test/unit/manifest.test.ts checks that it does.
import { SETTING_KEYS, SETTINGS_SECTION } from './core/config';

/** Command ids. */
export const Commands = {
  generatePracticeFile: 'certPath.generatePracticeFile',
  runChecks: 'certPath.runChecks',
  openTopic: 'certPath.openTopic',
  resetTopicProgress: 'certPath.resetTopicProgress',
  selectInterpreter: 'certPath.selectInterpreter',
  refresh: 'certPath.refresh',
  showOutput: 'certPath.showOutput',
  showHint: 'certPath.showHint',
  showSolution: 'certPath.showSolution',
  resetExercise: 'certPath.resetExercise',
  setMysqlPassword: 'certPath.setMysqlPassword',
  startMockExam: 'certPath.startMockExam',
  startTopicQuiz: 'certPath.startTopicQuiz',
  exportProgress: 'certPath.exportProgress',
  importProgress: 'certPath.importProgress',
  resetAllProgress: 'certPath.resetAllProgress',
  verifySyllabusPack: 'certPath.verifySyllabusPack',
  showReadiness: 'certPath.showReadiness',
  reviewDueItems: 'certPath.reviewDueItems',
  nextStep: 'certPath.nextStep',
} as const;

/** View container and view ids. */
export const Views = {
  container: 'certPath',
  syllabus: 'certPath.syllabus',
  /** The mock exam / quiz webview panel type. */
  examPanel: 'certPath.exam',
  /** The topic page with its lesson. */
  lessonPanel: 'certPath.lesson',
  /** The readiness dashboard. */
  readinessPanel: 'certPath.readiness',
} as const;

/** Setting names below the `certPath` section (defined with their defaults in core/config.ts). */
export const Settings = { section: SETTINGS_SECTION, ...SETTING_KEYS } as const;

/** SecretStorage key of the MySQL password (never kept in settings). */
export const MYSQL_PASSWORD_SECRET = 'certPath.mysql.password';

/** Context keys used in `when` clauses. */
export const ContextKeys = {
  activeIsPracticeFile: 'certPath.activeIsPracticeFile',
  syllabusEmpty: 'certPath.syllabusEmpty',
  /** Walkthrough step 1: Select Python Interpreter ended with a working interpreter, or certPath.pythonPath was set to one. */
  walkthroughInterpreterChosen: 'certPath.walkthrough.interpreterChosen',
  /** Walkthrough step 3: a practice file was generated (or an existing one opened through Generate). */
  walkthroughPracticeFileGenerated: 'certPath.walkthrough.practiceFileGenerated',
  /** Walkthrough step 4: a check run finished (not cancelled), however it was started. */
  walkthroughChecksRun: 'certPath.walkthrough.checksRun',
  /** Walkthrough step 5: the exam panel showed a mock exam. */
  walkthroughMockExamOpened: 'certPath.walkthrough.mockExamOpened',
} as const;

/** The Get Started walkthrough (contributes.walkthroughs) and its steps, in order. */
export const Walkthrough = {
  id: 'getStarted',
  steps: ['chooseInterpreter', 'openSidebar', 'generatePracticeFile', 'runChecks', 'takeMockExam'],
} as const;

/** URI scheme of the read-only reference solutions. */
export const SOLUTION_SCHEME = 'cert-path-solution';
/** Name of the output channel. */
export const OUTPUT_NAME = 'Cert Path';
