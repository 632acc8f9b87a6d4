/**
 * `make` run once per key for the whole test file and its result kept, for tests that only read what
 * it gives (an import, a parsed page): the same file imported or parsed again by each test cost
 * seconds. The key is the arguments joined by spaces unless `keyOf` says otherwise.
 */
export function once<A extends unknown[], V>(make: (...args: A) => V, keyOf: (...args: A) => string = (...args) => args.join(' ')): (...args: A) => V {
  const made = new Map<string, V>();
  return (...args) => {
    const key = keyOf(...args);
    if (!made.has(key)) made.set(key, make(...args));
    return made.get(key) as V;
  };
}
