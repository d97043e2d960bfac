/** axe-core, run on an element and everything in its open shadow roots. */
import 'axe-core'; // UMD: sets globalThis.axe
import type axeType from 'axe-core';

const { axe } = globalThis as unknown as { axe: typeof axeType };

/** The ids of the rules `element` violates (axe walks open shadow roots). */
export async function axeViolations(element: Element): Promise<string[]> {
  const results = await axe.run(element, { resultTypes: ['violations'] });
  return results.violations.map((violation) => violation.id);
}
