/**
 * Reads the expectations a fixture carries in its own comments:
 *
 *   some: line        # expect: rule-id[, rule-id]   → diagnostics on this line
 *   # expect-line 7: syntax-error                    → for lines that cannot hold a comment
 *   # check: rule-a, rule-b                          → only these rules (and the built-in
 *                                                      diagnostics) are compared
 *   # rules: {"conflicting-goals": ["warn", {"maxGoals": 2}]}   → rule settings
 *   # file-path: plans/x/finetune-plan.yaml          → the path the text is linted as
 *   # verdict: ready | fix-first | do-not-fine-tune   → the plan's verdict
 *   # lint-options: {"requireReason": true}          → further lintText options
 *   # expect-suppressed: 9:vague-goal, 1:no-eval-set → findings a disable comment suppressed
 */
export interface Expectations {
  expected: string[];
  check?: Set<string>;
  rules?: Record<string, unknown>;
  filePath?: string;
  verdict?: string;
  lintOptions?: Record<string, unknown>;
  suppressed?: string[];
}

export function readExpectations(text: string): Expectations {
  const expected: string[] = [];
  let check: Set<string> | undefined;
  let rules: Record<string, unknown> | undefined;
  let filePath: string | undefined;
  let verdict: string | undefined;
  let lintOptions: Record<string, unknown> | undefined;
  let suppressed: string[] | undefined;
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((line, i) => {
    const inline = /#\s*expect:\s*([\w\-, ]+?)\s*$/.exec(line);
    if (inline) for (const id of split(inline[1]!)) expected.push(`${i + 1}:${id}`);
    const at = /^\s*#\s*expect-line\s+(\d+):\s*([\w\-, ]+?)\s*$/.exec(line);
    if (at) for (const id of split(at[2]!)) expected.push(`${at[1]}:${id}`);
    const only = /^\s*#\s*check:\s*([\w\-, ]+?)\s*$/.exec(line);
    if (only) check = new Set(split(only[1]!));
    const settings = /^\s*#\s*rules:\s*(\{.*\})\s*$/.exec(line);
    if (settings) rules = JSON.parse(settings[1]!) as Record<string, unknown>;
    const fp = /^\s*#\s*file-path:\s*(\S+)\s*$/.exec(line);
    if (fp) filePath = fp[1];
    const v = /^\s*#\s*verdict:\s*(ready|fix-first|do-not-fine-tune)\s*$/.exec(line);
    if (v) verdict = v[1];
    const lo = /^\s*#\s*lint-options:\s*(\{.*\})\s*$/.exec(line);
    if (lo) lintOptions = JSON.parse(lo[1]!) as Record<string, unknown>;
    const sup = /^\s*#\s*expect-suppressed:\s*([\w\-:, ]+?)\s*$/.exec(line);
    if (sup) suppressed = [...(suppressed ?? []), ...split(sup[1]!)].sort(byLine);
  });
  return { expected: expected.sort(byLine), check, rules, filePath, verdict, lintOptions, suppressed };
}

function split(list: string): string[] {
  return list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

export function byLine(a: string, b: string): number {
  const [la, ra] = a.split(':');
  const [lb, rb] = b.split(':');
  return Number(la) - Number(lb) || (ra! < rb! ? -1 : ra! > rb! ? 1 : 0);
}
