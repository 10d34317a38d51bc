// The state of an exercise, or of a topic taken together (a type of its own, so pages can use it
// without the progress logic).

/** Status shown for an exercise or aggregated for a topic. */
export type Status = 'notStarted' | 'attempted' | 'failed' | 'passed';
