/**
 * Directions a goal can pull in, as opposite pairs: a goal that wants one
 * side and a goal that wants the other cannot both be the target of one run.
 * Messages name them through the catalogues (`conflicting-goals.axis.<id>`,
 * `conflicting-goals.side.<side>`).
 */
export const AXES = [
  { id: 'length', sides: ['shorter', 'longer'] },
  { id: 'creativity', sides: ['creative', 'factual'] },
  { id: 'caution', sides: ['cautious', 'permissive'] },
  { id: 'register', sides: ['formal', 'casual'] },
  { id: 'confidence', sides: ['assertive', 'hedging'] },
  { id: 'speed', sides: ['fast', 'thorough'] },
] as const;

export type Side = (typeof AXES)[number]['sides'][number];
