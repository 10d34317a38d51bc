// Shared by the integration suites: waits for something the extension does asynchronously.

/** Resolves once `test()` holds; fails naming `what` after `ms`. */
export async function until(test: () => boolean, what: string, ms = 10000): Promise<void> {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
