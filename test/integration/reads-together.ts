// A race only tests the write's condition when every racer has read before any of them writes. Left to the
// machine's load, the first racer may read and write before the second reads, and both succeed honestly (the
// second saw the first's version): the test then fails for a reason that is not a bug. This wrapper holds each
// call of one read until `racers` of them have returned, whatever the scheduling.
export function readsTogether<Repository extends object>(repository: Repository, read: keyof Repository & string, racers: number): Repository {
  let returned = 0;
  let releaseAll: () => void = () => undefined;
  const everyoneHasRead = new Promise<void>((resolve) => (releaseAll = resolve));
  return new Proxy(repository, {
    get(target, property, receiver) {
      const member = Reflect.get(target, property, receiver) as unknown;
      if (property !== read || typeof member !== 'function') return member;
      return async (...args: unknown[]) => {
        const loaded = await (member as (...parameters: unknown[]) => Promise<unknown>).apply(target, args);
        if ((returned += 1) === racers) releaseAll();
        await everyoneHasRead;
        return loaded;
      };
    },
  });
}
