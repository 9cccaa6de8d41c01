/**
 * Directions a goal can pull in, as opposite pairs: a goal that wants one
 * side and a goal that wants the other cannot both be the target of one run.
 */
export const AXES = [
  { id: 'length', name: 'length', sides: ['shorter', 'longer'] },
  { id: 'creativity', name: 'creativity against factuality', sides: ['creative', 'factual'] },
  { id: 'caution', name: 'caution against answering everything', sides: ['cautious', 'permissive'] },
  { id: 'register', name: 'register', sides: ['formal', 'casual'] },
  { id: 'confidence', name: 'confidence against hedging', sides: ['assertive', 'hedging'] },
  { id: 'speed', name: 'speed against thoroughness', sides: ['fast', 'thorough'] },
] as const;

export type Side = (typeof AXES)[number]['sides'][number];
