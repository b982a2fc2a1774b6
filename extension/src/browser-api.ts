// Firefox exposes the promise-based `browser`; Chrome's MV3 `chrome` returns promises too.
// Using `browser` where it exists keeps Firefox on its native promise path.
export const api: typeof chrome = ((globalThis as { browser?: typeof chrome }).browser ?? chrome);
