// Summary statistics over repeated runs.

const sorted = (values) => values.filter((value) => !Number.isNaN(value)).sort((a, b) => a - b);

/** The middle value (the mean of the two middle ones for an even count); NaN for none. */
export function median(values) {
  const list = sorted(values);
  if (list.length === 0) return NaN;
  const middle = Math.floor(list.length / 2);
  return list.length % 2 ? list[middle] : (list[middle - 1] + list[middle]) / 2;
}

/** The value below which `p` (0–1) of the runs fall, nearest rank. */
export function percentile(values, p) {
  const list = sorted(values);
  return list.length === 0 ? NaN : list[Math.min(list.length - 1, Math.ceil(p * list.length) - 1)];
}

/** Median, min and max of the runs (NaN and null left out), and how many there were. */
export function spread(values) {
  const list = sorted(values.filter((value) => value !== null && value !== undefined));
  return { median: median(list), min: list.length ? list[0] : NaN, max: list.length ? list[list.length - 1] : NaN, runs: list.length };
}
