// A value built on its first use and kept. For Intl formatters above all: the first Intl.DateTimeFormat of a
// process costs about 12 ms (ICU loads its data), and a module that builds one at import makes every function
// importing it pay that at cold start, even one whose request never formats a date.
export function lazyValue<T>(build: () => T): () => T {
  let value: T | undefined;
  let built = false;
  return () => {
    if (!built) {
      value = build();
      built = true;
    }
    return value as T;
  };
}
