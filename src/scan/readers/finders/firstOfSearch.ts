/** The first hit of any of several needles, each needle's next hit kept until passed. */
export function firstOfSearch(needles: readonly Buffer[]): (window: Buffer, from: number) => number {
  let seen: Buffer | null = null;
  const found = needles.map(() => -2); // -1 none, -2 not searched yet
  return (window, from) => {
    if (window !== seen) {
      seen = window;
      found.fill(-2);
    }
    let best = -1;
    for (let i = 0; i < needles.length; i++) {
      let at = found[i]!;
      if (at === -2 || (at !== -1 && at < from)) found[i] = at = window.indexOf(needles[i]!, from);
      if (at !== -1 && (best === -1 || at < best)) best = at;
    }
    return best;
  };
}
