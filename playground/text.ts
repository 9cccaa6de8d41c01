import type { Locale } from '../src/core/index.js';

/**
 * The page's own words, in each language the linter speaks. Messages, hints,
 * severities and verdicts come from the linter's catalogues
 * (src/core/i18n/), as the CLI prints them; only what the CLI never says is
 * here. The Chinese table is typed against the English one, so a key missing
 * from either does not compile.
 */
const en = {
  'page.title': 'finetune-lint playground',
  'page.tagline': 'Write or paste a fine-tuning plan and see every finding and the verdict as you type. The linter runs in this page: nothing you write leaves it.',
  'page.data-checks': 'Data checks (the datasets and trainer configs a plan names) do not run here, since the page reads no files: run finetune-lint in your repository for them.',
  'page.project': 'About finetune-lint',
  'page.language': 'Language',
  'page.examples': 'Start from',
  'page.examples.choose': 'Choose a plan…',
  'page.examples.open': 'Open',
  'page.examples.starter': 'Starter plan',
  'page.examples.starter.en': 'Starter plan (English)',
  'page.examples.starter.zh-CN': 'Starter plan (简体中文)',
  'page.examples.en': 'Examples in English',
  'page.examples.zh-CN': 'Examples in 简体中文',
  'page.copy': 'Copy as finetune-plan.yaml',
  'page.copied': 'Copied the plan to the clipboard.',
  'page.copy-failed': 'The browser did not allow copying: select the text in the editor and copy it.',
  'page.download': 'Download',
  'page.editor': 'Plan (finetune-plan.yaml)',
  'page.editor.keys': 'In the editor, Ctrl-Space suggests keys, F8 goes to the next finding; press Esc, then Tab, to leave it.',
  'page.verdict': 'Verdict',
  'page.verdict.reasons': 'Why',
  'page.findings': 'Findings',
  'page.findings.none': 'No findings: the plan says which behaviour changes, how it is measured, and what guards the risk.',
  'page.finding.goto': 'Go to line {line}, column {column}',
  'page.rule-doc': 'Documentation of {rule}',
  'page.share': 'The address of this page holds the plan: copy it to share the plan.',
} as const;

export type PageTextKey = keyof typeof en;

const zhCN: Record<PageTextKey, string> = {
  'page.title': 'finetune-lint 在线试用',
  'page.tagline': '写下或粘贴一份微调计划，边写边看每条发现和结论。检查就在本页中运行：你写的内容不会离开这个页面。',
  'page.data-checks': '数据检查（计划中提到的数据集和训练配置文件）不在这里运行，因为本页不读取文件：请在你的仓库里运行 finetune-lint 来做这些检查。',
  'page.project': '关于 finetune-lint',
  'page.language': '语言',
  'page.examples': '从这里开始',
  'page.examples.choose': '选择一份计划…',
  'page.examples.open': '打开',
  'page.examples.starter': '入门计划',
  'page.examples.starter.en': '入门计划（English）',
  'page.examples.starter.zh-CN': '入门计划（简体中文）',
  'page.examples.en': '英文示例',
  'page.examples.zh-CN': '中文示例',
  'page.copy': '复制为 finetune-plan.yaml',
  'page.copied': '已把计划复制到剪贴板。',
  'page.copy-failed': '浏览器不允许复制：请在编辑器中选中文本后复制。',
  'page.download': '下载',
  'page.editor': '计划（finetune-plan.yaml）',
  'page.editor.keys': '在编辑器中，Ctrl-Space 提示可用的键，F8 跳到下一条发现；按 Esc 再按 Tab 可离开编辑器。',
  'page.verdict': '结论',
  'page.verdict.reasons': '原因',
  'page.findings': '发现',
  'page.findings.none': '没有发现：计划写明了要改变哪种行为、如何衡量，以及用什么控制风险。',
  'page.finding.goto': '跳到第 {line} 行第 {column} 列',
  'page.rule-doc': '{rule} 的文档',
  'page.share': '本页地址中保存着这份计划：复制地址即可分享。',
};

const tables: Record<Locale, Record<PageTextKey, string>> = { en, 'zh-CN': zhCN };

/** The page's text for `key` in `locale`, with `{name}` parameters filled in. */
export function pageText(locale: Locale, key: PageTextKey, data: Record<string, string | number> = {}): string {
  return tables[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in data ? String(data[name]) : whole));
}

/** The editor's own words (CodeMirror's phrases: lists, panels, what it announces), in the page's language. */
export const EDITOR_PHRASES: Record<Locale, Record<string, string>> = {
  en: {},
  'zh-CN': {
    Completions: '补全',
    'Control character': '控制字符',
    Diagnostics: '发现',
    'No diagnostics': '没有发现',
    'Selection deleted': '已删除选中内容',
    close: '关闭',
    'folded code': '已折叠的代码',
    to: '至',
    unfold: '展开',
  },
};
