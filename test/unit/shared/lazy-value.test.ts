// A lazy value is built on its first use, once; the ordering of codes follows their code points, not a locale.
import { describe, expect, it } from 'vitest';
import { lazyValue } from '../../../functions/shared/lazy-value.ts';
import { byCodePoints } from '../../../functions/shared/text/code-point-order.ts';

describe('lazyValue', () => {
  it('builds nothing until asked, then builds once', () => {
    let builds = 0;
    const value = lazyValue(() => ({ built: ++builds }));

    expect(builds).toBe(0);
    expect(value()).toBe(value());
    expect(builds).toBe(1);
  });

  it('keeps a value that is undefined without building it again', () => {
    let builds = 0;
    const value = lazyValue(() => {
      builds += 1;
      return undefined;
    });

    value();
    value();
    expect(builds).toBe(1);
  });
});

describe('byCodePoints', () => {
  it('orders ISO dates and codes as their characters do, upper case before lower case', () => {
    expect(['2027-01-02', '2026-12-31', 'b', 'B', 'a'].sort(byCodePoints)).toEqual(['2026-12-31', '2027-01-02', 'B', 'a', 'b']);
    expect(byCodePoints('rabat', 'rabat')).toBe(0);
  });
});
