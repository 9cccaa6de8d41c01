import type { Scalar } from 'yaml';
import { msg } from '../i18n/index.js';
import { defineRule } from '../rule.js';
import { compileLexicons } from './lexicon.js';
import en from './lexicons/conflicting-goals.en.js';
import { AXES, type Side } from './lexicons/conflicting-goals.groups.js';
import zh from './lexicons/conflicting-goals.zh.js';
import { normalizeText, shorten } from './text.js';

const directions = compileLexicons<Side>(en, zh);

interface Options {
  /** Most goals one plan may have before the rule reports it. */
  maxGoals: number;
}

/**
 * A word that turns the phrase after it around, in the same clause and at most
 * a few words before it ("avoid verbose explanations", "不应抽象、详细解释", "no
 * jokes"). Phrases that carry their own negation ("never refuse", "不要啰嗦")
 * start with it, so nothing before them counts.
 */
const NEGATOR = /(?:\b(?:avoid|avoids|avoiding|no|not|never|don'?t|do not|does not|doesn'?t|without|stop|less|nor)\b(?:\s+[\w'-]+){0,3}\s*|(?:不要|不应|不应该|不能|不用|不必|无需|避免|别|禁止|切勿|不得|勿)[^，。；,;！？!?]{0,6})$/u;

/** Whether the phrase starting at `start` of `norm` is negated by the words just before it. */
function negated(norm: string, start: number): boolean {
  const clause = norm.slice(Math.max(0, start - 40), start).split(/[,，.。;；]/).pop()!;
  return NEGATOR.test(clause);
}

/** The sides a behaviour statement takes, one per axis (an axis it names both sides of is left out). */
export function sidesOf(text: string): Map<string, Side> {
  const norm = normalizeText(text);
  const out = new Map<string, Side>();
  for (const axis of AXES) {
    const [a, b] = axis.sides;
    // `has` first: most statements name neither side of most axes, and finding no match is cheaper than listing none.
    const spansA = directions.has(a, norm) ? directions.spans(a, norm) : [];
    const spansB = directions.has(b, norm) ? directions.spans(b, norm) : [];
    // A phrase inside a longer phrase of the other side ("refuse" in "never refuse") does not count.
    const inside = (s: [number, number], others: Array<[number, number]>): boolean =>
      others.some((o) => o[0] <= s[0] && s[1] <= o[1] && o[1] - o[0] > s[1] - s[0]);
    const hasA = spansA.some((s) => !inside(s, spansB) && !negated(norm, s[0]));
    const hasB = spansB.some((s) => !inside(s, spansA) && !negated(norm, s[0]));
    if (hasA !== hasB) out.set(axis.id, hasA ? a : b);
  }
  return out;
}

/**
 * One run should change one behaviour. Several goals blur into an average;
 * goals that pull in opposite directions cancel out.
 */
export default defineRule<Options>({
  meta: {
    id: 'conflicting-goals',
    severity: 'warning',
    description: 'The plan has more goals than one run should carry, or goals that pull in opposite directions.',
    hintId: 'conflicting-goals.hint',
    verdict: 'do-not-fine-tune',
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: { maxGoals: { type: 'integer', minimum: 1 } },
    },
    defaultOptions: { maxGoals: 1 },
  },
  check({ plan, options, report }) {
    const goals = plan.seq(['goals']);
    if (!goals) return;
    if (goals.items.length > options.maxGoals) {
      report({
        node: plan.pair(['goals']) ?? goals,
        messageId: 'conflicting-goals.too-many',
        data: { count: goals.items.length, max: options.maxGoals },
        // Too many goals asks for splitting the plan; goals in opposite directions (below) say this run cannot work.
        verdict: 'fix-first',
      });
    }
    // Opposite directions need two goals at least.
    if (goals.items.length < 2) return;
    const stated = goals.items.map((_, i) => {
      const node = plan.scalar(['goals', i, 'behavior']);
      const text = typeof node?.value === 'string' ? node.value : undefined;
      return { node, text, sides: text ? sidesOf(text) : new Map<string, Side>() };
    });
    // Each goal is paired with the first earlier goal on the other side of an axis: one
    // finding per goal and axis, in time linear in the number of goals.
    const firstOnSide = new Map<string, number>();
    stated.forEach((goal, j) => {
      for (const axis of AXES) {
        const side = goal.sides.get(axis.id);
        if (!side) continue;
        const other = axis.sides[0] === side ? axis.sides[1] : axis.sides[0];
        const i = firstOnSide.get(`${axis.id}:${other}`);
        if (i !== undefined) {
          const earlier = stated[i]!;
          report({
            node: goal.node as Scalar,
            messageId: 'conflicting-goals.opposed',
            data: {
              goal: j + 1,
              goalText: shorten(goal.text ?? '', 50),
              other: i + 1,
              otherText: shorten(earlier.text ?? '', 50),
              axis: msg(`conflicting-goals.axis.${axis.id}`),
              side: msg(`conflicting-goals.side.${side}`),
              otherSide: msg(`conflicting-goals.side.${other}`),
            },
            hintId: 'conflicting-goals.opposed.hint',
          });
        }
        if (!firstOnSide.has(`${axis.id}:${side}`)) firstOnSide.set(`${axis.id}:${side}`, j);
      }
    });
  },
});
