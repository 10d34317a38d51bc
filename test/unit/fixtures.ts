// A small valid certification used by several unit tests; cases edit its text to break it.
export const VALID = `id: demo
title: Demo Certification
shortTitle: DEMO
examCode: DEMO-10-01
order: 1
summary: A certification used in tests.
exam:
  items: 10
  minutes: 20
  passMark: 70
  feeUsd: 10
  prerequisites: []
  delivery: Online
objectives:
  "1.1": Adding numbers
  "1.10": Subtracting numbers
domains:
  - id: arithmetic
    title: Arithmetic
    weight: 100
    topics:
      - id: adding
        title: Adding
        summary: How to add.
        objectives: ["1.1", "1.10"]
        exercises:
          - id: add-two
            title: Add two numbers
            difficulty: easy
            prompt: Write add(a, b) that returns a + b.
            starter: |
              def add(a, b):
                  pass
            solution: |
              def add(a, b):
                  return a + b
            checks:
              - id: small
                title: small numbers
                target: add
                code: expect(solution.add(2, 3), 5)
                message: add(2, 3) should return 5.
              - id: negative
                title: negative numbers
                target: add
                code: expect(solution.add(-2, -3), -5)
                message: add(-2, -3) should return -5.
            hints:
              - The + operator adds.
`;

/** VALID with the first occurrence of `from` replaced (the test fails loudly if it is absent). */
export function edit(from: string, to: string, base = VALID): string {
  if (!base.includes(from)) throw new Error(`fixture does not contain ${JSON.stringify(from)}`);
  return base.replace(from, to);
}
