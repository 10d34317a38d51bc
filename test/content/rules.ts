// The content rules every shipped topic and exercise follows, in one place for the tests and the CLI.

/** Words a lesson's prose may have (sections and traps; code is not counted). */
export const LESSON_WORDS = { min: 250, max: 900 };
/** Runnable examples a lesson has at least. */
export const LESSON_EXAMPLES = 3;
/** Wrong solutions every shipped exercise lists at least. */
export const WRONG_SOLUTIONS = 2;
