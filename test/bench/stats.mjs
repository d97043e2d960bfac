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
